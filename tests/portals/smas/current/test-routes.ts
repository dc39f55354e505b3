import { Hono } from 'hono';
import { z } from 'zod';
import { clockControls, readBody } from '../../common/test-controls';
import { findSsoAccount } from './accounts';
import { findBook, markRows } from './mark-book';
import type { SmasCurrentState } from './state';

// Test controls under /__test/ on the app's origin: set up and inspect what the real service
// hides (clock, tokens, stored marks). Never part of the real portal's shape.

const schemas = {
  refuse: z.object({ message: z.string().min(1).max(500) }),
  config: z.object({
    saveDelayMs: z.number().int().min(0).max(60_000).optional(),
    refreshMs: z.number().int().min(0).max(3_600_000).optional(),
    accessTokenSeconds: z.number().min(0.1).max(86_400).optional(),
  }),
  lock: z.object({ semester: z.union([z.literal(1), z.literal(2)]), locked: z.boolean().nullable() }),
  login: z.object({ username: z.string().max(128) }),
};

export function testRoutes(state: SmasCurrentState): Hono {
  const app = new Hono();
  const clockJson = () => ({ now: new Date(state.clock.now()).toISOString() });

  app.route('/', clockControls(state, clockJson));

  /** Every access token ends now: the app's next call answers 401 (refresh tokens stay good). */
  app.post('/__test/expire-tokens', (c) =>
    c.json({ ok: true, expired: state.tokens.expireAccess(state.clock.now()) }),
  );

  app.post('/__test/refuse-next-save', async (c) => {
    const input = await readBody(c, schemas.refuse);
    if (input instanceof Response) return input;
    state.settings.refuseNextSave = input.message;
    return c.json({ ok: true });
  });

  app.post('/__test/config', async (c) => {
    const input = await readBody(c, schemas.config);
    if (input instanceof Response) return input;
    if (input.saveDelayMs !== undefined) state.settings.saveDelayMs = input.saveDelayMs;
    if (input.refreshMs !== undefined) state.settings.refreshMs = input.refreshMs;
    if (input.accessTokenSeconds !== undefined)
      state.tokens.lifetimes = { ...state.tokens.lifetimes, accessTtlMs: input.accessTokenSeconds * 1000 };
    return c.json({ ok: true, settings: state.settings });
  });

  /** Locks (true) or opens (false) a semester regardless of the calendar; null gives it back. */
  app.post('/__test/lock', async (c) => {
    const input = await readBody(c, schemas.lock);
    if (input instanceof Response) return input;
    if (input.locked === null) delete state.settings.forcedLocks[input.semester];
    else state.settings.forcedLocks[input.semester] = input.locked;
    return c.json({ ok: true, forcedLocks: state.settings.forcedLocks });
  });

  /** Tokens for an account without the sign-in page, for HTTP tests of the API. */
  app.post('/__test/login', async (c) => {
    const input = await readBody(c, schemas.login);
    if (input instanceof Response) return input;
    const account = findSsoAccount(input.username);
    if (!account) return c.json({ ok: false, message: 'Không có tài khoản này.' }, 404);
    return c.json(state.tokens.issue(account.username, state.clock.now()));
  });

  /** Stored marks and history of a book (?classId&subjectId&semester), every student listed. */
  app.get('/__test/marks', (c) => {
    const found = findBook(state, c.req.query());
    if (!found.ok) return c.json({ ok: false, message: found.message }, found.status);
    const rows = new Map(markRows(state, found.book).map((row) => [row.studentId, row]));
    const { book } = found;
    return c.json({
      classId: book.ref.classId,
      className: book.schoolClass.name,
      subjectId: book.ref.subjectId,
      subjectName: book.subject.subjectName,
      semester: book.ref.semester,
      txCount: book.subject.txCount,
      points: book.points.map((p) => p.pointKey),
      rows: book.schoolClass.students.map((student) => ({
        studentId: student.studentId,
        studentCode: student.studentCode,
        studentName: student.fullName,
        marks: rows.get(student.studentId)?.marks ?? {},
        history: rows.get(student.studentId)?.history ?? {},
      })),
    });
  });

  return app;
}
