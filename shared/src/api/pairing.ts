import { z } from 'zod';

export const PairRequestSchema = z.strictObject({
  /** The short code the agent printed; case, spaces and dashes are ignored. */
  code: z.string().min(1).max(32),
});
export type PairRequest = z.infer<typeof PairRequestSchema>;

export const PairResponseSchema = z.object({
  token: z.string(),
  tokenType: z.literal('Bearer'),
  expiresAt: z.iso.datetime(),
  /** The extension origin the token is bound to, or null for a client that sent no Origin. */
  origin: z.string().nullable(),
});
export type PairResponse = z.infer<typeof PairResponseSchema>;

/** DELETE /api/pairing: the caller's token no longer works, here or from any copy of it. */
export const UnpairResponseSchema = z.object({ revoked: z.literal(true) });
export type UnpairResponse = z.infer<typeof UnpairResponseSchema>;
