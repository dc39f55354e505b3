import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LEVELS } from '../../common/school';
import { findLegacyAccount } from '../accounts';
import { formToken, TOKEN_NAME, tokenMatches } from '../antiforgery';
import type { SmasLegacyState } from '../state';
import { chooseLevelPage } from '../views/choose-level-page';
import { loginPage } from '../views/login-page';
import { type LegacyEnv, requireSession, SESSION_COOKIE, safeReturnUrl } from './session-guard';

// Log on (anti-forgery pair, wrong-password message), the choice of school level for an account
// that covers several, and log off.

export const WRONG_PASSWORD = 'Tên đăng nhập hoặc mật khẩu không chính xác';
export const TOKEN_REFUSED =
  'Yêu cầu không hợp lệ: thiếu hoặc sai mã chống giả mạo (__RequestVerificationToken). Thầy/cô hãy tải lại trang.';

const text = (body: Record<string, unknown>, name: string) => {
  const value = body[name];
  return typeof value === 'string' ? value : '';
};

export function authRoutes(state: SmasLegacyState): Hono<LegacyEnv> {
  const app = new Hono<LegacyEnv>();

  app.get('/', (c) => c.redirect('/Home/Index'));

  app.get('/Home/LogOn', (c) => {
    const returnUrl = safeReturnUrl(c.req.query('ReturnUrl'));
    return c.html(loginPage({ token: formToken(c, state.secret), ...(returnUrl && { returnUrl }) }));
  });

  app.post('/Home/LogOn', async (c) => {
    const body = await c.req.parseBody();
    if (!tokenMatches(c, state.secret, body[TOKEN_NAME])) return c.text(TOKEN_REFUSED, 400);
    const returnUrl = safeReturnUrl(text(body, 'ReturnUrl') || c.req.query('ReturnUrl'));
    const userName = text(body, 'UserName').trim().slice(0, 128);
    const account = findLegacyAccount(userName);
    if (!account || account.password !== text(body, 'Password')) {
      const view = { token: formToken(c, state.secret), userName, error: WRONG_PASSWORD };
      return c.html(loginPage({ ...view, ...(returnUrl && { returnUrl }) }), 200);
    }
    const session = state.sessions.create(account.username, state.clock.now());
    setCookie(c, SESSION_COOKIE, session.id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    if (account.levels.length === 1) {
      state.levels.set(session.id, account.levels[0]!);
      return c.redirect(returnUrl ?? '/Home/Index', 302);
    }
    return c.redirect('/Home/ChooseLevel', 302);
  });

  const levelsOf = (levels: readonly string[]) => LEVELS.filter((l) => levels.includes(l.key));

  app.get('/Home/ChooseLevel', requireSession(state, true), (c) => {
    const account = c.get('account');
    return c.html(chooseLevelPage(formToken(c, state.secret), levelsOf(account.levels), account.fullName));
  });

  app.post('/Home/ChooseLevel', requireSession(state, true), async (c) => {
    const body = await c.req.parseBody();
    if (!tokenMatches(c, state.secret, body[TOKEN_NAME])) return c.text(TOKEN_REFUSED, 400);
    const account = c.get('account');
    const level = levelsOf(account.levels).find((l) => String(l.code) === text(body, 'RdbSelectLevel'));
    if (!level) {
      const page = chooseLevelPage(
        formToken(c, state.secret),
        levelsOf(account.levels),
        account.fullName,
        'Thầy/cô chưa chọn cấp học.',
      );
      return c.html(page, 200);
    }
    state.levels.set(c.get('session').id, level.key);
    return c.redirect('/Home/Index', 302);
  });

  app.get('/Home/LogOff', (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) {
      state.sessions.delete(id);
      state.levels.delete(id);
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/Home/LogOn');
  });

  return app;
}
