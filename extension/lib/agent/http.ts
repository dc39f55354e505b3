import {
  type ApiError,
  ApiErrorSchema,
  type Draft,
  DraftConflictResponseSchema,
  DraftResponseSchema,
  HealthResponseSchema,
  PageDraftsRequestSchema,
  PageDraftsResponseSchema,
  PairResponseSchema,
  SaveDraftRequestSchema,
  UnpairResponseSchema,
} from '@edulens/shared/api';
import type { z } from 'zod';
import type { Message } from '@edulens/shared';

// The agent's HTTP API as the background uses it. Every request body is checked with the shared zod
// schema before it leaves and every answer is parsed with one before it is trusted. Calls never
// throw: each answer is one of the outcomes below. The token is passed in, never logged or kept.

export type AgentReply<T> =
  | { kind: 'ok'; value: T }
  /** 409 on a draft: `current` is what the agent holds now. */
  | { kind: 'conflict'; current: Draft | null }
  /** No answer (agent not running, connection cut, timed out) or a 5xx: worth trying again later. */
  | { kind: 'unreachable'; message: Message }
  /** The token is missing, invalid, expired or bound to another extension: pair again. */
  | { kind: 'unauthorized'; message: Message }
  /** Any other refusal: retrying the same request cannot help. */
  | { kind: 'refused'; status: number; code: string; message: Message };

export interface DraftAddress {
  profile: string;
  page: Record<string, string>;
  field: string;
}

const TIMEOUT_MS = 5_000;

/** Accepts what a user types for the agent's address; only loopback http addresses are allowed. */
export function normaliseAgentUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(url.hostname)) return null;
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname !== '/' && url.pathname !== '')
  ) {
    return null;
  }
  return `${url.protocol}//${url.host}`;
}

export class AgentHttp {
  constructor(private readonly fetchFn: typeof fetch = (...args) => fetch(...args)) {}

  health(base: string): Promise<AgentReply<z.infer<typeof HealthResponseSchema>>> {
    return this.call(base, '/health', { method: 'GET' }, null, HealthResponseSchema, 2_000);
  }

  pair(base: string, code: string): Promise<AgentReply<z.infer<typeof PairResponseSchema>>> {
    return this.call(base, '/pair', json('POST', { code }), null, PairResponseSchema);
  }

  /** Revokes `token` at the agent: no copy of it works any more. */
  async unpair(base: string, token: string): Promise<AgentReply<true>> {
    const reply = await this.call(base, '/api/pairing', { method: 'DELETE' }, token, UnpairResponseSchema);
    return reply.kind === 'ok' ? { kind: 'ok', value: true } : reply;
  }

  async saveDraft(
    base: string,
    token: string,
    draft: DraftAddress & { value: string; baseVersion?: number },
  ): Promise<AgentReply<Draft>> {
    const request = SaveDraftRequestSchema.safeParse(draft);
    if (!request.success) return invalid(request.error);
    const reply = await this.call(
      base,
      '/api/drafts',
      json('POST', request.data),
      token,
      DraftResponseSchema,
    );
    return reply.kind === 'ok' ? { kind: 'ok', value: reply.value.draft } : reply;
  }

  /** Every live draft the agent keeps for one page. */
  async pageDrafts(
    base: string,
    token: string,
    address: Omit<DraftAddress, 'field'>,
    timeoutMs = TIMEOUT_MS,
  ): Promise<AgentReply<Draft[]>> {
    // POST, not GET: Chromium sends the extension's Origin, which its token is bound to, only then.
    const request = PageDraftsRequestSchema.safeParse(address);
    if (!request.success) return invalid(request.error);
    const reply = await this.call(
      base,
      '/api/drafts/page',
      json('POST', request.data),
      token,
      PageDraftsResponseSchema,
      timeoutMs,
    );
    return reply.kind === 'ok' ? { kind: 'ok', value: reply.value.drafts } : reply;
  }

  /** Removes the agent's draft of one field; `null` when it had none. */
  async deleteDraft(base: string, token: string, address: DraftAddress): Promise<AgentReply<Draft | null>> {
    const query = new URLSearchParams({
      profile: address.profile,
      page: JSON.stringify(address.page),
      field: address.field,
    });
    const reply = await this.call(
      base,
      `/api/drafts/item?${query}`,
      { method: 'DELETE' },
      token,
      DraftResponseSchema,
    );
    if (reply.kind === 'ok') return { kind: 'ok', value: reply.value.draft };
    if (reply.kind === 'refused' && reply.code === 'draft.not_found') return { kind: 'ok', value: null };
    return reply;
  }

  private async call<S extends z.ZodType>(
    base: string,
    path: string,
    init: RequestInit,
    token: string | null,
    schema: S,
    timeoutMs = TIMEOUT_MS,
  ): Promise<AgentReply<z.infer<S>>> {
    const headers = new Headers(init.headers);
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    let response: Response;
    let body: unknown;
    try {
      response = await this.fetchFn(`${base}${path}`, {
        ...init,
        headers,
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.json().catch(() => null);
    } catch {
      return unreachable(base);
    }
    if (response.ok) {
      const parsed = schema.safeParse(body);
      return parsed.success
        ? { kind: 'ok', value: parsed.data }
        : refused(response.status, 'response.invalid', notAnAgent(base));
    }
    if (response.status === 409) {
      const conflict = DraftConflictResponseSchema.safeParse(body);
      if (conflict.success) return { kind: 'conflict', current: conflict.data.current };
    }
    const error: ApiError['error'] | undefined = ApiErrorSchema.safeParse(body).data?.error;
    if (response.status >= 500) return unreachable(base, error?.message);
    const message = error?.message ?? notAnAgent(base);
    const code = error?.code ?? `http.${response.status}`;
    if (response.status === 401 || code === 'origin.forbidden') return { kind: 'unauthorized', message };
    return refused(response.status, code, message);
  }
}

function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

function unreachable(base: string, message?: Message): AgentReply<never> {
  return {
    kind: 'unreachable',
    message: message ?? {
      vi: `Không kết nối được EduLens tại ${base}. Hãy chạy "edulens agent" rồi thử lại.`,
      en: `Cannot reach the EduLens agent at ${base}. Start it with "edulens agent" and try again.`,
    },
  };
}

function refused(status: number, code: string, message: Message): AgentReply<never> {
  return { kind: 'refused', status, code, message };
}

function notAnAgent(base: string): Message {
  return {
    vi: `Địa chỉ ${base} trả lời nhưng không giống EduLens.`,
    en: `${base} answered, but not like the EduLens agent.`,
  };
}

function invalid(error: z.ZodError): AgentReply<never> {
  const detail = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return refused(0, 'request.invalid', {
    vi: `Bản nháp không hợp lệ (${detail}).`,
    en: `The draft is not valid (${detail}).`,
  });
}
