import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { clockControls, expireSessionControl, isoInstant, readBody } from '../../common/test-controls';
import { type Book, cellLock, cellName, cellTitle, computedValues, findBook } from '../book';
import { lockNotice } from '../locks';
import { findSchool, schools } from '../schools';
import { fillBook } from '../seed-scores';
import { SESSION_COOKIE } from '../sessions';
import { findAccount, refillGeneration, type VnEduState } from '../state';
import type { Term } from '../subjects';

// Test controls under /__test/: set up and inspect state that a real portal hides (its clock,
// locks, sessions, stored scores). Never part of the real portal's shape.

const term = z.union([z.literal(1), z.literal(2)]);

const schemas = {
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
    /** Primary books: the period whose columns lock. */
    muc: z.enum(['gk1', 'ck1', 'gk2', 'ck2']).optional(),
  }),
  config: z.object({
    saveDelayMs: z.number().int().min(0).optional(),
    sessionIdleMinutes: z.number().min(0).optional(),
    pollMs: z.number().int().min(0).optional(),
    refillEveryMinutes: z.number().min(0).optional(),
  }),
  login: z.object({ username: z.string() }),
  retake: z.object({ open: z.boolean() }),
  fill: z.object({
    school: z.string().optional(),
    lop: z.string(),
    mon: z.string(),
    hk: term.optional(),
    muc: z.enum(['gk1', 'ck1', 'gk2', 'ck2']).optional(),
    /** Share of the cells filled (default 1). */
    fraction: z.number().min(0).max(1).optional(),
    /** Only these column keys (default: every column but the retake ones). */
    columns: z.array(z.string()).optional(),
    /** Saved at (default: the simulated now). */
    at: isoInstant.optional(),
  }),
};

/** The admin account of a school (code or abbreviation; the first school by default). */
function adminOf(state: VnEduState, school: string | undefined) {
  const found = school === undefined ? schools[0] : findSchool(school);
  return state.accounts.find((account) => account.role === 'admin' && account.school === found);
}

/** A book as the test endpoints show it: columns, and per student the stored values, their input names and titles, and the computed cells. */
function bookJson(state: VnEduState, book: Book) {
  const lock = state.locks.book(book.term, state.clock.now());
  return {
    lop: book.roster.schoolClass.name,
    iLopId: book.roster.schoolClass.id,
    mon: book.subject.code,
    iMonHocId: book.subject.id,
    hk: book.term,
    muc: book.muc,
    locked: lock.locked,
    lockNotice: lockNotice(book.term, lock),
    generation: refillGeneration(state),
    columns: book.columns.map((column) => ({
      key: column.key,
      label: column.label,
      header: column.header,
      type: column.type,
      locked: cellLock(state, book, column) ?? null,
    })),
    computed: book.computed.map(({ key, code, header }) => ({ key, code, header })),
    rows: book.roster.students.map((student, index) => ({
      stt: index + 1,
      maHs: student.code,
      hocSinhId: student.hocSinhId,
      hoTen: student.fullName,
      values: state.scores.values(book.ref, student.code),
      names: Object.fromEntries(
        book.columns.map((column) => [column.key, cellName(student, column, book.muc)]),
      ),
      titles: Object.fromEntries(
        book.columns
          .map((column) => [
            column.key,
            cellTitle(state.scores.cell(book.ref, student.code, column.key), column),
          ])
          .filter(([, title]) => title !== ''),
      ),
      computed: computedValues(state, book, student.code),
    })),
  };
}

export function testRoutes(state: VnEduState): Hono {
  const app = new Hono();
  const clockJson = () => ({ now: new Date(state.clock.now()).toISOString() });

  app.route('/', clockControls(state, clockJson));

  app.post('/__test/lock', async (c) => {
    const input = await readBody(c, schemas.lock);
    if (input instanceof Response) return input;
    const hk: Term = input.hk;
    if (input.columns !== undefined) {
      const admin = adminOf(state, input.school);
      const found =
        admin && findBook(state, admin, { lop: input.lop, mon: input.mon, hk: String(hk), muc: input.muc });
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

  app.route('/', expireSessionControl(state.sessions));

  app.post('/__test/config', async (c) => {
    const input = await readBody(c, schemas.config);
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
    const { school, lop, mon, hk, muc } = c.req.query();
    const admin = adminOf(state, school);
    const found = admin && findBook(state, admin, { lop, mon, hk, muc });
    if (!found?.ok) return c.json({ ok: false, message: found?.message ?? 'Không tìm thấy trường.' }, 404);
    return c.json(bookJson(state, found.book));
  });

  app.post('/__test/retake', async (c) => {
    const input = await readBody(c, schemas.retake);
    if (input instanceof Response) return input;
    state.retakeOpen = input.open;
    return c.json({ ok: true, open: state.retakeOpen });
  });

  app.post('/__test/fill', async (c) => {
    const input = await readBody(c, schemas.fill);
    if (input instanceof Response) return input;
    const admin = adminOf(state, input.school);
    const query = {
      lop: input.lop,
      mon: input.mon,
      hk: input.hk ? String(input.hk) : undefined,
      muc: input.muc,
    };
    const found = admin && findBook(state, admin, query);
    if (!admin || !found) return c.json({ ok: false, message: 'Không tìm thấy trường.' }, 404);
    if (!found.ok) return c.json({ ok: false, message: found.message }, 404);
    const teacher = state.accounts.find(
      (a) =>
        a.role === 'teacher' && a.school === admin.school && a.subjects.includes(found.book.subject.code),
    );
    const at = input.at ? Date.parse(input.at) : state.clock.now();
    const filled = fillBook(state.scores, found.book, state.seed, {
      by: (teacher ?? admin).username,
      from: at - 3 * 86_400_000,
      to: at,
      fraction: input.fraction ?? 1,
      ...(input.columns && { columns: input.columns }),
    });
    return c.json({ ok: true, filled });
  });

  app.get('/__test/captcha', (c) => {
    const challenge = state.captchas.peek(c.req.query('token') ?? '');
    return challenge ? c.json({ text: challenge.text }) : c.json({ ok: false }, 404);
  });

  app.post('/__test/login', async (c) => {
    const input = await readBody(c, schemas.login);
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
