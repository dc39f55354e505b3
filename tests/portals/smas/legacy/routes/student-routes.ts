import { Hono } from 'hono';
import { formToken } from '../antiforgery';
import { filtersFrom, queryGrid } from '../grid-query';
import type { SmasLegacyState } from '../state';
import { indexPage } from '../views/index-page';
import { lockBanner, lockText } from '../views/lock-banner';
import { profileForm } from '../views/profile-form';
import { gridPager, gridRows } from '../views/student-grid';
import { studentListPage } from '../views/student-list-page';
import { classesOf, headerOf, storedStudents } from './page-context';
import { type LegacyEnv, requireSession } from './session-guard';

// The home page, the student list (RadGrid, with its page-change endpoint) and the profile form.

const NOT_FOUND = 'Không tìm thấy dữ liệu hoặc thầy/cô không có quyền xem.';

export function studentRoutes(state: SmasLegacyState): Hono<LegacyEnv> {
  const app = new Hono<LegacyEnv>();
  const guard = requireSession(state);

  app.get('/Home/Index', guard, (c) =>
    c.html(indexPage(headerOf(state, c), classesOf(state, c), lockBanner(state.lockStatus()))),
  );

  const classFor = (c: Parameters<typeof classesOf>[1], lopId: string | undefined) => {
    const classes = classesOf(state, c);
    return lopId === undefined ? classes[0] : classes.find((schoolClass) => String(schoolClass.id) === lopId);
  };

  app.get('/HoSoHocSinh/DanhSach', guard, (c) => {
    const current = classFor(c, c.req.query('lopId'));
    if (!current) return c.text(NOT_FOUND, 404);
    const filters = filtersFrom((name) => c.req.query(name));
    const page = queryGrid(storedStudents(state, current), filters, Number(c.req.query('page') ?? 1));
    return c.html(
      studentListPage({
        header: headerOf(state, c),
        banner: lockBanner(state.lockStatus()),
        classes: classesOf(state, c),
        current,
        page,
        filters,
      }),
    );
  });

  app.get('/HoSoHocSinh/DanhSachTrang', guard, (c) => {
    const current = classFor(c, c.req.query('lopId'));
    if (!current) return c.json({ message: NOT_FOUND }, 404);
    const page = queryGrid(
      storedStudents(state, current),
      filtersFrom((name) => c.req.query(name)),
      Number(c.req.query('page') ?? 1),
    );
    return c.json({
      rows: gridRows(page),
      pager: gridPager(page),
      page: page.page,
      pageCount: page.pageCount,
      total: page.total,
    });
  });

  app.get('/HoSoHocSinh/HoSo/:id', guard, (c) => {
    const student = state.records.get(Number(c.req.param('id')));
    const inLevel = student && classesOf(state, c).some((schoolClass) => schoolClass.id === student.classId);
    if (!student || !inLevel) return c.text(NOT_FOUND, 404);
    const status = state.lockStatus();
    const locked = lockText(status);
    return c.html(
      profileForm({
        student,
        token: formToken(c, state.secret),
        banner: lockBanner(status),
        ...(locked && { locked }),
      }),
    );
  });

  return app;
}
