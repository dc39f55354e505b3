import { createVnEduPortal, type VnEduPortal } from './app';

// A cookie-keeping client over app.request(), for tests of server behaviour without a browser.

export interface LoginForm {
  token: string;
  captcha: string;
}

/** The one-time token and the captcha text of a rendered login page. */
export function readLoginForm(html: string): LoginForm {
  const token = /name="_token" value="([^"]+)"/.exec(html)?.[1];
  const captcha = /data-test-captcha="([^"]+)"/.exec(html)?.[1];
  if (!token || !captcha) throw new Error('not a login page');
  return { token, captcha };
}

export interface PortalClient {
  portal: VnEduPortal;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** The page script's way of calling: marked as XHR. */
  xhr(path: string, init?: RequestInit): Promise<Response>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Logs in through the login form, captcha included, and keeps the session's anti-forgery token. */
  login(username: string, password: string): Promise<Response>;
  /** POST /v5/so-diem/luu as the grade page does, with the token. */
  save(body: unknown, query?: string): Promise<Response>;
}

export function portalClient(portal: VnEduPortal = createVnEduPortal()): PortalClient {
  let cookie = '';
  let csrf = '';
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    const response = await portal.app.request(path, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return response;
  };
  const xhr = (path: string, init: RequestInit = {}) =>
    request(path, { ...init, headers: { ...init.headers, 'X-Requested-With': 'XMLHttpRequest' } });
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    xhr(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const client: PortalClient = {
    portal,
    request,
    xhr,
    postJson,
    async login(username, password) {
      const form = readLoginForm(await (await request('/v5/login')).text());
      const response = await request('/v5/login', {
        method: 'POST',
        body: new URLSearchParams({
          _token: form.token,
          username,
          password,
          captcha: form.captcha,
          next: '/v5/',
        }),
      });
      if (response.status === 302) {
        // The grade page embeds the session's anti-forgery token in its config.
        const page = await (await request('/v5/so-diem/nhap-diem')).text();
        csrf = /&quot;csrf&quot;:&quot;([^&]+)&quot;/.exec(page)?.[1] ?? '';
      }
      return response;
    },
    save: (body, query = '') => postJson(`/v5/so-diem/luu${query}`, body, { 'X-CSRF-Token': csrf }),
  };
  return client;
}
