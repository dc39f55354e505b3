import { createVnEduPortal, type VnEduPortal } from './app';
import { ACTIONS } from './routes/grade-routes';

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

/** A book as GET /__test/scores shows it. */
export interface TestBook {
  lop: string;
  iLopId: number;
  mon: string;
  iMonHocId: number;
  hk: 1 | 2;
  muc: string;
  locked: boolean;
  lockNotice: string;
  generation: string;
  columns: Array<{ key: string; label: string; header: string; type: string; locked: string | null }>;
  computed: Array<{ key: string; code: string; header: string }>;
  rows: Array<{
    stt: number;
    maHs: string;
    hocSinhId: number;
    hoTen: string;
    values: Record<string, string>;
    /** Input name of each column. */
    names: Record<string, string>;
    titles: Record<string, string>;
    computed: Record<string, string>;
  }>;
}

/** The hidden fields the grade window posts for a book. */
export function bookFields(
  book: Pick<TestBook, 'iLopId' | 'iMonHocId' | 'hk' | 'muc'>,
  grade = '',
): Record<string, string> {
  return {
    iNamHoc: '2025',
    iKhoi: grade,
    iLopId: String(book.iLopId),
    iMonHocId: String(book.iMonHocId),
    iHocKy: String(book.hk),
    muc: book.muc,
  };
}

/** The form body of a save: the book's fields, then `name=value` of each cell given as row index (0-based) → column → value. */
export function cellsBody(
  book: TestBook,
  cells: Record<number, Record<string, string>>,
): Array<[string, string]> {
  const pairs: Array<[string, string]> = Object.entries(bookFields(book));
  for (const [index, values] of Object.entries(cells)) {
    const row = book.rows[Number(index)];
    if (!row) throw new Error(`no row ${index}`);
    for (const [key, value] of Object.entries(values)) {
      const name = row.names[key];
      if (!name) throw new Error(`no column ${key}`);
      pairs.push([name, value]);
    }
  }
  return pairs;
}

export interface PortalClient {
  portal: VnEduPortal;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** The page script's way of calling: marked as XHR. */
  xhr(path: string, init?: RequestInit): Promise<Response>;
  /** POST /v5/?load=<action> form-urlencoded, as the page script does. */
  action(
    action: string,
    body: Iterable<[string, string]> | Record<string, string>,
    headers?: Record<string, string>,
    query?: string,
  ): Promise<Response>;
  /** Logs in through the login form, captcha included, and keeps the session's anti-forgery token. */
  login(username: string, password: string): Promise<Response>;
  /** The grid fragment of a book (edu.so_diem.nhap). */
  load(fields: Record<string, string>, windowId?: string): Promise<Response>;
  /** "Lưu" as the grade window does (edu.so_diem.luu), with the token. */
  save(body: Iterable<[string, string]> | Record<string, string>, query?: string): Promise<Response>;
  /** The background poll (edu.so_diem.cap_nhat). */
  poll(fields: Record<string, string>, gen: string): Promise<Response>;
  /** GET /__test/scores (no session needed). */
  book(query: string): Promise<TestBook>;
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
  const action: PortalClient['action'] = (name, body, headers = {}, query = '') =>
    xhr(`/v5/?load=${name}${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', ...headers },
      body: new URLSearchParams(body as Record<string, string>).toString(),
    });
  const client: PortalClient = {
    portal,
    request,
    xhr,
    action,
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
        // The grade page's configuration carries the session's anti-forgery token.
        const page = await (await request('/v5/so-diem/nhap-diem')).text();
        csrf = /"csrf":"([^"]+)"/.exec(page)?.[1] ?? '';
      }
      return response;
    },
    load: (fields, windowId = 'win_so_diem') => action(ACTIONS.load, { ...fields, windowId }),
    save: (body, query = '') => action(ACTIONS.save, body, { 'X-CSRF-Token': csrf }, query),
    poll: (fields, gen) => action(ACTIONS.poll, { ...fields, gen }),
    book: async (query) => (await (await portal.app.request(`/__test/scores?${query}`)).json()) as TestBook,
  };
  return client;
}
