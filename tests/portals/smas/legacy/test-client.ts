import type { Hono } from 'hono';
import { parseHTML } from 'linkedom';
import { TOKEN_NAME } from './antiforgery';

// A cookie-keeping client over app.request(), for tests of the legacy portal's server behaviour
// without a browser, and a parsed view of its pages.

/** linkedom's DOM, typed loosely: this project compiles tests/portals without the DOM lib. */
export interface El {
  tagName: string;
  id: string;
  className: string;
  textContent: string | null;
  parentElement: El | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  closest(selector: string): El | null;
}

export const parsePage = (html: string): El => (parseHTML(html) as unknown as { document: El }).document;
export const all = (root: El, selector: string): El[] => Array.from(root.querySelectorAll(selector));
export function one(root: El, selector: string): El {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}
export const textOf = (node: El | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export class LegacyClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: Hono) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(path, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /Max-Age=0/i.test(cookie)) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
    return response;
  }

  async page(path: string): Promise<{ response: Response; doc: El }> {
    const response = await this.request(path);
    return { response, doc: parsePage(await response.text()) };
  }

  post(path: string, form: Record<string, string>): Promise<Response> {
    return this.request(path, { method: 'POST', body: new URLSearchParams(form) });
  }

  /** The anti-forgery field of a rendered form. */
  static token(doc: El): string {
    return one(doc, `input[name="${TOKEN_NAME}"]`).getAttribute('value') ?? '';
  }

  /** Logs on through the form (and picks the level when asked); returns the last answer. */
  async logOn(userName: string, password: string, levelCode?: number): Promise<Response> {
    const { doc } = await this.page('/Home/LogOn');
    const token = LegacyClient.token(doc);
    const answer = await this.post('/Home/LogOn', {
      [TOKEN_NAME]: token,
      UserName: userName,
      Password: password,
    });
    if (levelCode === undefined || answer.headers.get('location') !== '/Home/ChooseLevel') return answer;
    return this.post('/Home/ChooseLevel', { [TOKEN_NAME]: token, RdbSelectLevel: String(levelCode) });
  }
}
