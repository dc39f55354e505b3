import { z } from 'zod';

export const HealthResponseSchema = z.object({
  name: z.literal('edulens-agent'),
  status: z.literal('ok'),
  version: z.string(),
  /** Highest applied store migration; lets a client tell an old agent from a new one. */
  schemaVersion: z.number().int().nonnegative(),
  uptimeSeconds: z.number().nonnegative(),
  /** Automatic backups: whether they run, and when the newest verified copy was taken (null: none yet). */
  backup: z.object({ automatic: z.boolean(), lastAt: z.iso.datetime().nullable() }).optional(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
