import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { clockControls, expireSessionControl, readBody } from '../../../common/test-controls';
import { LEVELS } from '../../common/school';
import { findLegacyAccount } from '../accounts';
import type { SmasLegacyState } from '../state';
import { SESSION_COOKIE } from './session-guard';

// Test controls under /__test/: what the real portal hides (its clock, locks, sessions, stored
// records). Never part of the real portal's shape.

const schemas = {
  lock: z.object({ locked: z.boolean().nullable() }),
  refuse: z.object({ studentCode: z.string().regex(/^\d{10}$/), message: z.string().min(1).max(500) }),
  config: z.object({
    saveDelayMs: z.number().int().min(0).max(60_000).optional(),
    sessionIdleMinutes: z.number().min(0).optional(),
  }),
  login: z.object({ username: z.string(), level: z.enum(['primary', 'lower-secondary']).optional() }),
};

export function testRoutes(state: SmasLegacyState): Hono {
  const app = new Hono();
  const lockJson = () => {
    const status = state.lockStatus();
    return {
      now: new Date(state.clock.now()).toISOString(),
      locked: status.locked,
      forced: status.forced,
      until: status.until?.toISOString() ?? null,
      lock: status.lock?.entryId ?? null,
      window: status.window?.entryId ?? null,
      nextLock: status.nextLock
        ? { id: status.nextLock.entryId, at: status.nextLock.at.toISOString() }
        : null,
    };
  };

  app.route('/', clockControls(state, lockJson));

  /** locked true/false forces the portal; null gives it back to the calendar. */
  app.post('/__test/lock', async (c) => {
    const input = await readBody(c, schemas.lock);
    if (input instanceof Response) return input;
    state.forcedLock = input.locked ?? undefined;
    return c.json(lockJson());
  });

  app.post('/__test/refuse-next-save', async (c) => {
    const input = await readBody(c, schemas.refuse);
    if (input instanceof Response) return input;
    state.refusals.set(input.studentCode, input.message);
    return c.json({ ok: true });
  });

  app.get('/__test/records', (c) => {
    const lopId = c.req.query('lopId');
    const records = [...state.records.values()].filter(
      (r) => lopId === undefined || String(r.classId) === lopId,
    );
    return c.json(records);
  });
  app.get('/__test/records/:studentId', (c) => {
    const record = state.records.get(Number(c.req.param('studentId')));
    return record ? c.json(record) : c.json({ ok: false, message: 'Không có học sinh này.' }, 404);
  });

  app.route('/', expireSessionControl(state.sessions));

  app.post('/__test/config', async (c) => {
    const input = await readBody(c, schemas.config);
    if (input instanceof Response) return input;
    if (input.saveDelayMs !== undefined) state.settings.saveDelayMs = input.saveDelayMs;
    if (input.sessionIdleMinutes !== undefined)
      state.settings.sessionIdleMs = input.sessionIdleMinutes * 60_000;
    return c.json({ ok: true, settings: state.settings });
  });

  /** A session without the login form (level: the account's first unless given); sets the cookie. */
  app.post('/__test/login', async (c) => {
    const input = await readBody(c, schemas.login);
    if (input instanceof Response) return input;
    const account = findLegacyAccount(input.username);
    const level = input.level ?? account?.levels[0];
    if (!account || !level || !account.levels.includes(level)) {
      return c.json({ ok: false, message: 'Không có tài khoản hoặc cấp học này.' }, 404);
    }
    const session = state.sessions.create(account.username, state.clock.now());
    state.levels.set(session.id, level);
    setCookie(c, SESSION_COOKIE, session.id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return c.json({
      ok: true,
      cookie: { name: SESSION_COOKIE, value: session.id },
      level: LEVELS.find((l) => l.key === level),
    });
  });

  return app;
}
