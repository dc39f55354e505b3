import { Hono } from 'hono';
import { CONTROLLED_INPUT_SCRIPT } from '../../common/client-files';
import { desktopFlagsSchema, gridFlagsSchema } from '../grid-flags';
import type { VnEduState } from '../state';
import { bookPanel } from '../views/book-window';
import { desktopBody } from '../views/desktop-page';
import { htmlPage } from '../views/html';
import { type PortalEnv, requireSession } from './session-guard';

// The desktop (/v5/) and the grade page on its own (/v5/so-diem/nhap-diem), which the desktop
// embeds in an <iframe> of the "Sổ điểm" window when opened with ?frame=1.

const GRADE_SCRIPTS = ['ext-lite.js', CONTROLLED_INPUT_SCRIPT, 'grade-grid.js'];
const WINDOW_ID = /^[A-Za-z][\w-]{0,63}$/;

export function desktopRoutes(state: VnEduState): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const guard = requireSession(state);

  app.get('/', (c) => c.redirect('/v5/'));
  app.get('/v5', (c) => c.redirect('/v5/'));

  app.get('/v5/', guard, (c) => {
    const flags = desktopFlagsSchema.parse(c.req.query());
    const account = c.get('account');
    const now = state.clock.now();
    return c.html(
      htmlPage({
        title: `vnEdu - ${account.school.name}`,
        bodyClass: 'x-desktop-body',
        body: desktopBody({
          account,
          session: c.get('session'),
          settings: state.settings,
          schoolYear: state.schoolYear,
          now,
          locks: { 1: state.locks.book(1, now), 2: state.locks.book(2, now) },
          flags,
        }),
        scripts: [...GRADE_SCRIPTS, 'desktop.js'],
      }),
    );
  });

  app.get('/v5/so-diem/nhap-diem', guard, (c) => {
    const flags = gridFlagsSchema.parse(c.req.query());
    const win = c.req.query('win');
    return c.html(
      htmlPage({
        title: 'Sổ điểm',
        bodyClass: 'grade-page',
        body: bookPanel({
          account: c.get('account'),
          session: c.get('session'),
          windowId: win && WINDOW_ID.test(win) ? win : 'win_so_diem',
          flags,
          settings: state.settings,
          schoolYear: state.schoolYear,
        }),
        scripts: GRADE_SCRIPTS,
      }),
    );
  });

  return app;
}
