import { Hono } from 'hono';
import { desktopFlagsSchema, gridFlagsSchema, gridQuery } from '../grid-flags';
import type { VnEduState } from '../state';
import { desktopBody } from '../views/desktop-page';
import { gradePanel } from '../views/grade-panel';
import { escapeHtml, htmlPage } from '../views/html';
import { type PortalEnv, requireSession } from './session-guard';

// The desktop (/v5/) and the grade page on its own (/v5/so-diem/nhap-diem), which the desktop
// embeds in an <iframe> when opened with ?frame=1.

const GRADE_SCRIPTS = ['ext-lite.js', 'grade-grid.js'];

export function desktopRoutes(state: VnEduState): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const guard = requireSession(state);

  app.get('/', (c) => c.redirect('/v5/'));
  app.get('/v5', (c) => c.redirect('/v5/'));

  app.get('/v5/', guard, (c) => {
    const flags = desktopFlagsSchema.parse(c.req.query());
    const account = c.get('account');
    const now = state.clock.now();
    const gradeWindow =
      flags.frame === '1'
        ? `<iframe id="ifrNhapDiem" name="ifrNhapDiem" class="x-window-iframe" title="Nhập điểm môn học" src="/v5/so-diem/nhap-diem?${escapeHtml(gridQuery(flags))}"></iframe>`
        : gradePanel(account, c.get('session'), flags, state.settings);
    return c.html(
      htmlPage({
        title: `vnEdu - ${account.school.name}`,
        bodyClass: 'x-desktop-body',
        body: desktopBody({
          account,
          now,
          locks: { 1: state.locks.book(1, now), 2: state.locks.book(2, now) },
          gradeWindow,
          open: flags.open,
        }),
        scripts: [...GRADE_SCRIPTS, 'desktop.js'],
      }),
    );
  });

  app.get('/v5/so-diem/nhap-diem', guard, (c) => {
    const flags = gridFlagsSchema.parse(c.req.query());
    return c.html(
      htmlPage({
        title: 'Nhập điểm môn học',
        body: gradePanel(c.get('account'), c.get('session'), flags, state.settings),
        scripts: GRADE_SCRIPTS,
      }),
    );
  });

  return app;
}
