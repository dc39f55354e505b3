import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { SimClock } from '../vnedu/sim-clock';

// What the test controls under /__test/ of every simulator have in common: how a JSON body is
// read, and the reset and clock controls. Each simulator adds its own controls and says what
// its clock answer holds.

export const isoInstant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time');

const clockSchema = z.object({ now: isoInstant.optional(), advanceMs: z.number().int().optional() });

/** A control's JSON body checked by `schema`, or the 400 answer that says what is wrong with it. */
export async function readBody<T>(c: Context, schema: z.ZodType<T>): Promise<T | Response> {
  const parsed = schema.safeParse(await c.req.json().catch(() => ({})));
  if (parsed.success) return parsed.data;
  return c.json({ ok: false, message: 'Yêu cầu kiểm thử không hợp lệ.', issues: parsed.error.issues }, 400);
}

export interface ResettableSimulator {
  readonly clock: SimClock;
  reset(): void;
}

/**
 * Test controls `POST /__test/reset` (the first state back) and `GET|POST /__test/clock`
 * (`{now?: ISO, advanceMs?}`); each answers with `clockJson()`, the simulator's view of its clock.
 */
export function clockControls(state: ResettableSimulator, clockJson: () => object): Hono {
  const app = new Hono();
  app.post('/__test/reset', (c) => {
    state.reset();
    return c.json({ ok: true, ...clockJson() });
  });
  app.get('/__test/clock', (c) => c.json(clockJson()));
  app.post('/__test/clock', async (c) => {
    const input = await readBody(c, clockSchema);
    if (input instanceof Response) return input;
    if (input.now !== undefined) state.clock.set(Date.parse(input.now));
    if (input.advanceMs !== undefined) state.clock.advance(input.advanceMs);
    return c.json(clockJson());
  });
  return app;
}

const expireSchema = z.object({ username: z.string().optional() });

/** `POST /__test/expire-session` `{username?}`: ends that account's sessions, or every one. */
export function expireSessionControl(sessions: { expire(username?: string): number }): Hono {
  const app = new Hono();
  app.post('/__test/expire-session', async (c) => {
    const input = await readBody(c, expireSchema);
    if (input instanceof Response) return input;
    return c.json({ ok: true, expired: sessions.expire(input.username) });
  });
  return app;
}
