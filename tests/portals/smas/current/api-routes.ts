import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { findSsoAccount } from './accounts';
import { type ApiEnv, apiGuard } from './api-guard';
import { findBook, markRows, saveProblems, studentRows } from './mark-book';
import { markTemplate } from './mark-template';
import { semesterLock } from './semester-locks';
import type { SmasCurrentState } from './state';
import { type Semester, SEMESTER_NAMES, SUBJECTS } from './subjects';

// The JSON API the score book app calls: classes, their students and subjects, the mark
// template, marks and saving. An empty list answers 204 with no body, as the real service does.

const MAX_STUDENTS_PER_SAVE = 200;
const MAX_VALUE_LENGTH = 2000;
const MAX_PROBLEMS_SHOWN = 5;

const saveBody = z.object({
  classId: z.number().int(),
  subjectId: z.number().int(),
  semester: z.union([z.literal(1), z.literal(2)]),
  students: z
    .array(
      z.object({
        studentId: z.number().int(),
        marks: z.record(z.string().max(16), z.string().max(MAX_VALUE_LENGTH)),
      }),
    )
    .min(1)
    .max(MAX_STUDENTS_PER_SAVE),
});

const list = <T>(c: Context, items: readonly T[]) => (items.length === 0 ? c.body(null, 204) : c.json(items));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function apiRoutes(state: SmasCurrentState): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('/api/*', apiGuard(state));
  const lockOf = (semester: Semester) =>
    semesterLock(semester, state.clock.now(), state.settings.forcedLocks[semester]);

  app.get('/api/me', (c) => {
    const account = findSsoAccount(c.get('username'));
    return c.json({
      username: c.get('username'),
      fullName: account?.fullName ?? '',
      schoolName: state.roster.school.name,
    });
  });

  app.get('/api/classes', (c) => {
    const grade = c.req.query('grade');
    const classes = state.classes().filter((cl) => grade === undefined || String(cl.grade) === grade);
    return list(
      c,
      classes.map((cl) => ({ classId: cl.id, className: cl.name, grade: cl.grade })),
    );
  });

  app.get('/api/classes/:id/students', (c) => {
    const schoolClass = state.classes().find((cl) => String(cl.id) === c.req.param('id'));
    if (!schoolClass) return c.json({ message: 'Không tìm thấy lớp.' }, 404);
    return list(c, studentRows(schoolClass));
  });

  app.get('/api/classes/:id/subjects', (c) => {
    if (!state.classes().some((cl) => String(cl.id) === c.req.param('id')))
      return c.json({ message: 'Không tìm thấy lớp.' }, 404);
    return list(c, SUBJECTS);
  });

  app.get('/api/mark-templates', (c) => {
    const grade = Number(c.req.query('grade'));
    if (!state.classes().some((cl) => cl.grade === grade))
      return c.json({ message: 'Không có mẫu sổ điểm cho khối này.' }, 404);
    return c.json(markTemplate(grade));
  });

  app.get('/api/semesters', (c) =>
    c.json(
      ([1, 2] as const).map((semester) => {
        const lock = lockOf(semester);
        return {
          semester,
          semesterName: SEMESTER_NAMES[semester],
          locked: lock.locked,
          ...(lock.message && { lockMessage: lock.message }),
        };
      }),
    ),
  );

  app.get('/api/marks', (c) => {
    const found = findBook(state, c.req.query());
    if (!found.ok) return c.json({ message: found.message }, found.status);
    return list(c, markRows(state, found.book));
  });

  app.post('/api/marks', async (c) => {
    const parsed = saveBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ message: 'Dữ liệu gửi lên không hợp lệ.' }, 400);
    const input = parsed.data;
    const found = findBook(state, input);
    if (!found.ok) return c.json({ message: found.message }, found.status);
    const { book } = found;
    const lock = lockOf(book.ref.semester);
    if (lock.locked) return c.json({ message: lock.message }, 403);
    const problems = saveProblems(book, input.students);
    if (problems.length > 0) {
      const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).join('; ');
      const more =
        problems.length > MAX_PROBLEMS_SHOWN ? ` và ${problems.length - MAX_PROBLEMS_SHOWN} lỗi khác` : '';
      return c.json({ message: `Không lưu được: ${shown}${more}.` }, 400);
    }
    const refusal = state.settings.refuseNextSave;
    if (refusal !== undefined) {
      delete state.settings.refuseNextSave;
      return c.json({ message: refusal }, 400);
    }
    if (state.settings.saveDelayMs > 0) await sleep(state.settings.saveDelayMs);
    const now = state.clock.now();
    let cells = 0;
    let students = 0;
    for (const { studentId, marks } of input.students) {
      let changed = false;
      for (const [pointKey, value] of Object.entries(marks)) {
        if (
          state.marks.set(
            book.ref,
            studentId,
            pointKey,
            value.trim().normalize('NFC'),
            c.get('username'),
            now,
          )
        ) {
          cells++;
          changed = true;
        }
      }
      if (changed) students++;
    }
    return c.json({ message: `Lưu thành công ${cells} điểm của ${students} học sinh.` });
  });

  return app;
}
