import { type Context, Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { bookView, findBook } from '../book';
import { findSchool, schools } from '../schools';
import { SESSION_COOKIE } from '../sessions';
import { findAccount, refillGeneration, type VnEduState } from '../state';
import type { Term } from '../subjects';

// Test controls under /__test/: set up and inspect state that a real portal hides (its clock,
// locks, sessions, stored scores). Never part of the real portal's shape.

const isoInstant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date-time');
const term = z.union([z.literal(1), z.literal(2)]);

const schemas = {
  clock: z.object({ now: isoInstant.optional(), advanceMs: z.number().int().optional() }),
  lock: z.object({
    hk: term,
    /** true/false forces the book; null gives it back to the calendar. */
    locked: z.boolean().nullable().optional(),
    /** Moves the calendar instant the book locks at. */
    at: isoInstant.optional(),
    /** With lop and mon: locks these columns of that book ([] unlocks them all). */
    columns: z.array(z.string()).optional(),
    school: z.string().optional(),
    lop: z.string().optional(),
    mon: z.string().optional(),
  }),
  expire: z.object({ username: z.string().optional() }),
  config: z.object({
    saveDelayMs: z.number().int().min(0).optional(),
    sessionIdleMinutes: z.number().min(0).optional(),
    pollMs: z.number().int().min(0).optional(),
    refillEveryMinutes: z.number().min(0).optional(),
  }),
  login: z.object({ username: z.string() }),
};

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T | Response> {
  const parsed = schema.safeParse(await c.req.json().catch(() => ({})));
  if (parsed.success) return parsed.data;
  return c.json({ ok: false, message: 'Yêu cầu kiểm thử không hợp lệ.', issues: parsed.error.issues }, 400);
}

/** The admin account of a school (code or abbreviation; the first school by default). */
function adminOf(state: VnEduState, school: string | undefined) {
  const found = school === undefined ? schools[0] : findSchool(school);
  return state.accounts.find((account) => account.role === 'admin' && account.school === found);
}

export function testRoutes(state: VnEduState): Hono {
  const app = new Hono();
  const clockJson = () => ({ now: new Date(state.clock.now()).toISOString() });

  app.post('/__test/reset', (c) => {
    state.reset();
    return c.json({ ok: true, ...clockJson() });
  });

  app.get('/__test/clock', (c) => c.json(clockJson()));
  app.post('/__test/clock', async (c) => {
    const input = await body(c, schemas.clock);
    if (input instanceof Response) return input;
    if (input.now !== undefined) state.clock.set(Date.parse(input.now));
    if (input.advanceMs !== undefined) state.clock.advance(input.advanceMs);
    return c.json(clockJson());
  });

  app.post('/__test/lock', async (c) => {
    const input = await body(c, schemas.lock);
    if (input instanceof Response) return input;
    const hk: Term = input.hk;
    if (input.columns !== undefined) {
      const admin = adminOf(state, input.school);
      const found = admin && findBook(state, admin, input.lop, input.mon, hk);
      if (!found?.ok) return c.json({ ok: false, message: found?.message ?? 'Không tìm thấy trường.' }, 404);
      if (input.columns.length === 0) state.locks.unlockColumns(found.book.ref);
      else state.locks.lockColumns(found.book.ref, input.columns);
    }
    if (input.at !== undefined) state.locks.setCalendar(hk, Date.parse(input.at));
    if (input.locked !== undefined) state.locks.force(hk, input.locked ?? undefined);
    const lock = state.locks.book(hk, state.clock.now());
    return c.json({
      ok: true,
      hk,
      locked: lock.locked,
      at: new Date(lock.at).toISOString(),
      forced: lock.forced,
    });
  });

  app.post('/__test/expire-session', async (c) => {
    const input = await body(c, schemas.expire);
    if (input instanceof Response) return input;
    return c.json({ ok: true, expired: state.sessions.expire(input.username) });
  });

  app.post('/__test/config', async (c) => {
    const input = await body(c, schemas.config);
    if (input instanceof Response) return input;
    const { settings } = state;
    if (input.saveDelayMs !== undefined) settings.saveDelayMs = input.saveDelayMs;
    if (input.sessionIdleMinutes !== undefined) settings.sessionIdleMs = input.sessionIdleMinutes * 60_000;
    if (input.pollMs !== undefined) settings.pollMs = input.pollMs;
    if (input.refillEveryMinutes !== undefined) settings.refillEveryMs = input.refillEveryMinutes * 60_000;
    return c.json({ ok: true, settings });
  });

  app.post('/__test/refill', (c) => {
    state.forcedRefills++;
    return c.json({ ok: true, generation: refillGeneration(state) });
  });

  app.get('/__test/scores', (c) => {
    const { school, lop, mon, hk } = c.req.query();
    const admin = adminOf(state, school);
    const found = admin && findBook(state, admin, lop, mon, hk === '2' ? 2 : 1);
    if (!found?.ok) return c.json({ ok: false, message: found?.message ?? 'Không tìm thấy trường.' }, 404);
    return c.json(bookView(state, found.book));
  });

  app.get('/__test/captcha', (c) => {
    const challenge = state.captchas.peek(c.req.query('token') ?? '');
    return challenge ? c.json({ text: challenge.text }) : c.json({ ok: false }, 404);
  });

  app.post('/__test/login', async (c) => {
    const input = await body(c, schemas.login);
    if (input instanceof Response) return input;
    const account = findAccount(state, input.username);
    if (!account) return c.json({ ok: false, message: 'Không có tài khoản này.' }, 404);
    const session = state.sessions.create(account.username, state.clock.now());
    setCookie(c, SESSION_COOKIE, session.id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return c.json({ ok: true, cookie: `${SESSION_COOKIE}=${session.id}`, csrf: session.csrf });
  });

  app.get('/__test/accounts', (c) =>
    c.json(
      state.accounts.map(({ username, password, fullName, role, school, subjects }) => ({
        username,
        password,
        fullName,
        role,
        school: { code: school.code, name: school.name },
        subjects,
      })),
    ),
  );

  return app;
}
