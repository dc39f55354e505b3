import type { z } from 'zod';
import { requestSchemas } from './message-schemas';
import {
  type BackgroundMessages,
  type BackgroundType,
  type Handler,
  type Refusal,
  registerHandler,
  type RequestOf,
} from './messages';

// The background's side of the message protocol: every request is checked against its schema
// before its handler runs, and a malformed one is refused with a message in both languages.

/** The refusal of a request that does not have the shape of its type, in both languages. */
function malformed(type: string, issues: readonly z.core.$ZodIssue[]): Refusal {
  const first = issues[0];
  // A name the request may not carry is named itself (its path is the object holding it).
  const extra = first?.code === 'unrecognized_keys' ? first.keys : [];
  const where = [...(first?.path ?? []), ...extra].join('.') || '—';
  const refusal = {
    vi: `EduLens không nhận yêu cầu "${type}": dữ liệu không hợp lệ ở "${where}".`,
    en: `EduLens refused the request "${type}": invalid data at "${where}".`,
  };
  return Object.assign(new Error(`${refusal.vi} / ${refusal.en}`), { refusal });
}

/** Registers the background's handler of one request type. Returns an unregister function. */
export function handle<T extends BackgroundType>(
  type: T,
  handler: Handler<BackgroundMessages, T>,
): () => void {
  const schema: z.ZodType<RequestOf<BackgroundMessages, T>> = requestSchemas[type];
  return registerHandler(type, (payload, sender) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw malformed(type, parsed.error.issues);
    return handler(parsed.data, sender);
  });
}
