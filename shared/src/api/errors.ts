import { z } from 'zod';

/** Every agent refusal names itself with one of these codes, so clients can react without parsing text. */
export const ApiErrorCodeSchema = z.enum([
  'host.forbidden',
  'origin.forbidden',
  'auth.missing',
  'auth.invalid',
  'auth.expired',
  'pairing.invalid_code',
  'pairing.rate_limited',
  'request.too_large',
  'request.malformed_json',
  'request.content_type',
  'request.invalid',
  'draft.not_found',
  'draft.conflict',
  'route.not_found',
  'agent.internal',
  /** 507: the data folder's disk is full; the save was not kept, retry once space is freed. */
  'storage.full',
  /** 507: the data folder cannot be written (read-only, no permission, disk failing). */
  'storage.unwritable',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** Vietnamese first: the people reading these messages are Vietnamese teachers. */
export const MessageSchema = z.object({ vi: z.string(), en: z.string() });

export const ApiIssueSchema = z.object({
  /** Dotted path of the offending input, e.g. `page.class`; empty for the input as a whole. */
  path: z.string(),
  message: MessageSchema,
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({
    code: ApiErrorCodeSchema,
    message: MessageSchema,
    issues: z.array(ApiIssueSchema).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
