import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { findSsoAccount } from './accounts';
import { type AuthorizeRequest, CREDENTIAL_MAX, ssoLoginPage } from './sso-login-page';
import { CLIENT_ID, type SmasCurrentState } from './state';

// The SSO origin: the sign-in page that hands the app a one-time code, and the token endpoint
// (authorization_code and refresh_token grants). Only the app's origin may call it from a page.

export const WRONG_PASSWORD = 'Tên đăng nhập hoặc mật khẩu không đúng.';

const field = (body: Record<string, unknown>, name: string): string => {
  const value = body[name];
  return typeof value === 'string' ? value : '';
};

function tokenError(c: Context, error: string, description: string) {
  return c.json({ error, error_description: description }, 400);
}

export function ssoRoutes(state: SmasCurrentState): Hono {
  const app = new Hono();
  const validRedirect = (uri: string) => uri.startsWith(`${state.origins.app}/`);

  app.use(
    '/connect/token',
    cors({ origin: (origin) => (origin === state.origins.app ? origin : null), allowMethods: ['POST'] }),
  );

  const badClient = (c: Context, request: AuthorizeRequest) =>
    request.clientId !== CLIENT_ID || !validRedirect(request.redirectUri)
      ? c.text('Ứng dụng không hợp lệ (client_id hoặc redirect_uri sai).', 400)
      : undefined;

  app.get('/connect/authorize', (c) => {
    const request = {
      clientId: c.req.query('client_id') ?? '',
      redirectUri: c.req.query('redirect_uri') ?? '',
      state: (c.req.query('state') ?? '').slice(0, CREDENTIAL_MAX),
    };
    return badClient(c, request) ?? c.html(ssoLoginPage(request));
  });

  app.post('/connect/authorize', async (c) => {
    const body = await c.req.parseBody();
    const request = {
      clientId: field(body, 'client_id'),
      redirectUri: field(body, 'redirect_uri'),
      state: field(body, 'state').slice(0, CREDENTIAL_MAX),
    };
    const refused = badClient(c, request);
    if (refused) return refused;
    const username = field(body, 'username').trim();
    const password = field(body, 'password');
    if (username === '' || password === '')
      return c.html(ssoLoginPage(request, { username, error: 'Nhập tên đăng nhập và mật khẩu.' }), 400);
    if (username.length > CREDENTIAL_MAX || password.length > CREDENTIAL_MAX)
      return c.html(
        ssoLoginPage(request, { error: `Tên đăng nhập và mật khẩu không quá ${CREDENTIAL_MAX} ký tự.` }),
        400,
      );
    const account = findSsoAccount(username);
    if (!account || account.password !== password)
      return c.html(ssoLoginPage(request, { username, error: WRONG_PASSWORD }), 400);
    const code = state.tokens.issueCode(account.username, request.redirectUri, state.clock.now());
    const target = new URL(request.redirectUri);
    target.searchParams.set('code', code);
    if (request.state !== '') target.searchParams.set('state', request.state);
    return c.redirect(target.toString(), 302);
  });

  app.post('/connect/token', async (c) => {
    const body = await c.req.parseBody();
    const now = state.clock.now();
    if (field(body, 'client_id') !== CLIENT_ID)
      return tokenError(c, 'invalid_client', 'Ứng dụng không hợp lệ.');
    switch (field(body, 'grant_type')) {
      case 'authorization_code': {
        const username = state.tokens.takeCode(field(body, 'code'), field(body, 'redirect_uri'), now);
        if (!username) return tokenError(c, 'invalid_grant', 'Mã đăng nhập không hợp lệ hoặc đã dùng.');
        return c.json(state.tokens.issue(username, now));
      }
      case 'refresh_token': {
        const pair = state.tokens.refresh(field(body, 'refresh_token'), now);
        if (!pair)
          return tokenError(c, 'invalid_grant', 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');
        return c.json(pair);
      }
      default:
        return tokenError(c, 'unsupported_grant_type', 'Kiểu cấp quyền không được hỗ trợ.');
    }
  });

  app.notFound((c) => c.text('404 - Không tìm thấy trang.', 404));
  return app;
}
