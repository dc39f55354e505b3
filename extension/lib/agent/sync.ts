import type { Draft } from '@edulens/shared/api';
import type { AgentStatus } from './status';
import type { Message } from '@edulens/shared';
import type { AgentConnection } from '../storage';
import { type AgentReply, AgentHttp, normaliseAgentUrl } from './http';
import type { OutboxItem, OutboxPort } from './outbox';

// Delivers queued draft edits to the local agent and knows whether it is paired and reachable.
//
// Delivery: the outbox holds at most one change per field, oldest first. A flush walks it once;
// each change leaves the outbox only after the agent acknowledged it. When the agent cannot be
// reached the flush stops and retries after a back-off (1 s, 2 s, 4 s … 15 s, while the service
// worker lives), on the background's periodic alarm, on every new edit and whenever someone asks
// for the status and the agent answers again.
//
// Exactly once: every save carries `baseVersion`, the field's version the agent last acknowledged
// to us. If an answer was lost (agent killed after committing), the retry meets a 409 whose
// `current` already holds our value: that is our earlier save, so it counts as delivered and
// nothing is written twice. A 409 with another value means the agent holds an edit we never saw
// (another browser, an older pairing). The local edit is the user's latest typing, so it wins:
// it is sent again with `baseVersion` = the current version (a few times if the field keeps
// changing underneath, then it waits for the next flush).

export interface ConnectionPort {
  get(): Promise<AgentConnection>;
  set(value: AgentConnection): Promise<void>;
}

export interface AgentSyncDeps {
  connection: ConnectionPort;
  outbox: OutboxPort;
  http?: AgentHttp;
  now?: () => number;
  /** Timer for the back-off retries; tests pass a fake. */
  setTimer?: (run: () => void, ms: number) => () => void;
  /** After a successful pairing (the background queues the unsaved drafts for the new agent). */
  onPaired?: () => Promise<unknown>;
}

export type PairResult = { ok: true } | { ok: false; message: Message };

const MAX_CONFLICT_RETRIES = 3;
const MAX_BACKOFF_MS = 15_000;
/** A status older than this is checked again when asked for. */
const STATUS_FRESH_MS = 2_000;

type Step = 'next' | 'stop';

export class AgentSync {
  private readonly http: AgentHttp;
  private readonly now: () => number;
  private readonly setTimer: (run: () => void, ms: number) => () => void;
  private running: Promise<void> | null = null;
  private again = false;
  private reachable: boolean | null = null;
  /** The agent's automatic backups as its last health answer told (older agents do not say). */
  private backup: AgentStatus['backup'];
  private checkedAt = 0;
  private failures = 0;
  private retryAt = 0;
  private cancelRetry: (() => void) | null = null;
  /** The last refusal that dropped a change, for the options page. */
  lastError: Message | null = null;

  constructor(private readonly deps: AgentSyncDeps) {
    this.http = deps.http ?? new AgentHttp();
    this.now = deps.now ?? Date.now;
    this.setTimer =
      deps.setTimer ??
      ((run, ms) => {
        const id = setTimeout(run, ms);
        return () => clearTimeout(id);
      });
  }

  async isPaired(): Promise<boolean> {
    return (await this.deps.connection.get()).token !== null;
  }

  /**
   * Paired? Reachable (asked again unless it answered within the last 2 s)? How many changes wait?
   * An agent that answers again gets the queue at once.
   */
  async status(): Promise<AgentStatus> {
    const connection = await this.deps.connection.get();
    // Other calls tell whether the agent answers; only a health check tells about its backups.
    const stale = this.now() - this.checkedAt > STATUS_FRESH_MS;
    if (this.reachable !== true || stale || this.backup === undefined) {
      const health = await this.http.health(connection.url);
      this.noteContact(health.kind !== 'unreachable');
      if (health.kind === 'ok') this.backup = health.value.backup;
    }
    const queued = connection.token === null ? 0 : await this.deps.outbox.count();
    if (connection.token !== null && this.reachable && queued > 0) void this.flush({ force: true });
    return {
      paired: connection.token !== null,
      reachable: this.reachable === true,
      url: connection.url,
      queued,
      ...(this.backup && { backup: this.backup }),
    };
  }

  /**
   * Delivers what is queued. One flush at a time: a call during a flush makes it walk the queue once
   * more when done. While backing off after a failure only `force` (a new edit, an alarm, a status
   * that found the agent again) tries before the retry is due.
   */
  flush(options: { force?: boolean } = {}): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    if (!options.force && this.now() < this.retryAt) return Promise.resolve();
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.walk();
        } while (this.again && this.reachable !== false);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  async pair(code: string, url?: string): Promise<PairResult> {
    const current = await this.deps.connection.get();
    const base = normaliseAgentUrl(url ?? current.url);
    if (base === null) {
      return {
        ok: false,
        message: {
          vi: 'Địa chỉ EduLens phải có dạng http://127.0.0.1:8787 (máy này).',
          en: 'The agent address must look like http://127.0.0.1:8787 (this computer).',
        },
      };
    }
    const reply = await this.http.pair(base, code);
    this.noteContact(reply.kind !== 'unreachable');
    if (reply.kind !== 'ok') return { ok: false, message: messageOf(reply) };
    await this.deps.connection.set({ url: base, token: reply.value.token, pairedAt: this.now() });
    this.lastError = null;
    this.failures = 0;
    this.retryAt = 0;
    await this.deps.onPaired?.();
    void this.flush({ force: true });
    return { ok: true };
  }

  /**
   * The agent's live drafts of one page (null when unpaired, unreachable or slow): what another
   * browser, or this one before its data was cleared, left there.
   */
  async pageDrafts(
    profile: string,
    page: Record<string, string>,
    timeoutMs: number,
  ): Promise<Draft[] | null> {
    const connection = await this.deps.connection.get();
    if (connection.token === null || this.reachable === false) return null;
    const reply = await this.http.pageDrafts(connection.url, connection.token, { profile, page }, timeoutMs);
    if (reply.kind === 'ok') {
      this.noteContact(true);
      return reply.value;
    }
    if (reply.kind === 'unreachable') this.noteContact(false);
    return null;
  }

  /**
   * The user unpairs: the agent revokes the token, then this browser forgets it. When the agent cannot
   * be reached the token is forgotten all the same; `revoked: false` says it still works there until
   * `edulens unpair` or its expiry.
   */
  async revoke(): Promise<{ revoked: boolean }> {
    const { url, token } = await this.deps.connection.get();
    if (token === null) return { revoked: true };
    const reply = await this.http.unpair(url, token);
    this.noteContact(reply.kind !== 'unreachable');
    await this.unpair();
    // A token the agent no longer knows is as good as revoked.
    return { revoked: reply.kind === 'ok' || reply.kind === 'unauthorized' };
  }

  /** Forgets the token (the queue stays, for a later pairing). */
  private async unpair(): Promise<void> {
    const current = await this.deps.connection.get();
    await this.deps.connection.set({ ...current, token: null, pairedAt: null });
  }

  private async walk(): Promise<void> {
    const connection = await this.deps.connection.get();
    if (connection.token === null) return;
    let after = 0;
    for (;;) {
      const item = await this.deps.outbox.next(after);
      if (item === undefined) return;
      after = item.seq;
      const step = await this.deliver(connection.url, connection.token, item);
      if (step === 'stop') return;
    }
  }

  private async deliver(url: string, token: string, item: OutboxItem): Promise<Step> {
    const address = { profile: item.profile, page: item.page, field: item.field };
    if (item.op === 'delete') {
      const reply = await this.http.deleteDraft(url, token, address);
      if (reply.kind === 'ok') {
        await this.deps.outbox.delivered(
          item,
          reply.value?.version ?? (await this.deps.outbox.knownVersion(item)),
        );
        return this.delivered();
      }
      // Sent without baseVersion, a delete cannot conflict; should one, the next flush retries it.
      if (reply.kind === 'conflict') return 'next';
      return this.failed(reply, item);
    }
    let baseVersion = await this.deps.outbox.knownVersion(item);
    for (let attempt = 0; attempt <= MAX_CONFLICT_RETRIES; attempt++) {
      const reply = await this.http.saveDraft(url, token, { ...address, value: item.value, baseVersion });
      if (reply.kind === 'ok') {
        await this.deps.outbox.delivered(item, reply.value.version);
        return this.delivered();
      }
      if (reply.kind !== 'conflict') return this.failed(reply, item);
      const current = reply.current;
      if (current !== null && !current.deleted && current.value === item.value) {
        // Our own earlier save whose answer was lost: already there.
        await this.deps.outbox.delivered(item, current.version);
        return this.delivered();
      }
      baseVersion = current?.version ?? 0;
    }
    return 'next'; // the field keeps changing at the agent; the next flush tries again
  }

  private delivered(): Step {
    this.noteContact(true);
    return 'next';
  }

  private async failed(reply: Exclude<AgentReply<unknown>, { kind: 'ok' | 'conflict' }>, item: OutboxItem) {
    switch (reply.kind) {
      case 'unreachable':
        this.noteContact(false);
        return 'stop';
      case 'unauthorized':
        // The token is no good any more: the queue waits for a new pairing.
        this.noteContact(true);
        this.lastError = reply.message;
        await this.unpair();
        return 'stop';
      case 'refused':
        this.noteContact(true);
        this.lastError = reply.message;
        await this.deps.outbox.dropped(item);
        return 'next';
    }
  }

  private noteContact(reachable: boolean): void {
    this.reachable = reachable;
    this.checkedAt = this.now();
    if (reachable) {
      this.failures = 0;
      this.retryAt = 0;
      this.cancelRetry?.();
      this.cancelRetry = null;
      return;
    }
    this.failures++;
    const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.min(this.failures - 1, 10));
    this.retryAt = this.now() + delay;
    this.cancelRetry?.();
    this.cancelRetry = this.setTimer(() => {
      this.cancelRetry = null;
      void this.flush({ force: true });
    }, delay);
  }
}

function messageOf(reply: Exclude<AgentReply<unknown>, { kind: 'ok' }>): Message {
  if (reply.kind === 'conflict') return { vi: 'Xung đột dữ liệu.', en: 'Conflicting data.' };
  return reply.message;
}
