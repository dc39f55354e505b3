import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../sessions';
import { findAccount, type VnEduState } from '../state';
import { loginPage } from '../views/login-page';
import { SESSION_EXPIRED, safeNext } from './session-guard';

// Login with a captcha and a one-time form token, logout, and the captcha image.

const field = (body: Record<string, unknown>, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value : '';
};

export function authRoutes(state: VnEduState): Hono {
  const app = new Hono();

  app.get('/v5/login', (c) => {
    const challenge = state.captchas.issue(state.clock.now());
    const info = c.req.query('het_han') === '1' ? SESSION_EXPIRED : undefined;
    return c.html(loginPage({ challenge, next: safeNext(c.req.query('next')), info }));
  });

  app.post('/v5/login', async (c) => {
    const body = await c.req.parseBody();
    const now = state.clock.now();
    const username = field(body, 'username').trim();
    const next = safeNext(field(body, 'next'));
    const refuse = (error: string) =>
      c.html(loginPage({ challenge: state.captchas.issue(now), next, username, error }), 400);

    const challenge = state.captchas.take(field(body, '_token'), now);
    if (!challenge) return refuse('Phiên đăng nhập không hợp lệ hoặc đã quá hạn. Vui lòng thử lại.');
    if (field(body, 'captcha').trim().toUpperCase() !== challenge.text)
      return refuse('Mã xác nhận không đúng.');
    const account = findAccount(state, username);
    if (!account || account.password !== field(body, 'password')) {
      return refuse('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    const session = state.sessions.create(account.username, now);
    setCookie(c, SESSION_COOKIE, session.id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return c.redirect(next);
  });

  app.get('/v5/logout', (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) state.sessions.delete(id);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/v5/login');
  });

  app.get('/v5/captcha/:file', (c) => {
    const challenge = state.captchas.peek(c.req.param('file').replace(/\.svg$/, ''));
    if (!challenge) return c.text('Không tìm thấy mã xác nhận.', 404);
    return c.body(state.captchas.svg(challenge), 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
