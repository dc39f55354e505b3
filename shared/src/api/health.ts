import { z } from 'zod';

export const HealthResponseSchema = z.object({
  name: z.literal('edulens-agent'),
  status: z.literal('ok'),
  version: z.string(),
  /** Highest applied store migration; lets a client tell an old agent from a new one. */
  schemaVersion: z.number().int().nonnegative(),
  uptimeSeconds: z.number().nonnegative(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
