import type { Browser, BrowserContext, Page, Request } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium';
import { type RunningPortals, startPortals } from '../start-portals';

// Conformance of the simulated SMAS with shared/domain/PORTALS.md § SMAS, one test per fact,
// named after the fact. HTTP facts through the listening simulator, the app's behaviour in a
// real Chromium.

describe('current', () => {
  // The current platform: a single-page app over a JSON API, signed in through an SSO.
  const MAIN_CLASS = 601;
  const TOAN = 11;
  const NGU_VAN = 12;
  const TIN_HOC = 13;
  const TEACHER = { username: 'hanhnt.lp', password: 'Smas@2025' };

  let portals: RunningPortals;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let app: string;
  let sso: string;
  let year: string;

  interface Pair {
    access_token: string;
    refresh_token: string;
    expires_in: number;
  }
  interface HistoryEntry {
    by: string;
    from: string;
    to: string;
    at: string;
    count: number;
  }
  interface MarkRow {
    studentId: number;
    studentCode: string;
    studentName: string;
    marks: Record<string, string>;
    history: Record<string, HistoryEntry[]>;
  }
  interface StoredBook {
    rows: MarkRow[];
    txCount: number;
  }

  const control = (path: string, body: unknown = {}) =>
    fetch(`${app}__test/${path}`, { method: 'POST', body: JSON.stringify(body) });
  const tokens = async (): Promise<Pair> => (await (await control('login', { username: TEACHER.username })).json()) as Pair;
  const call = async (path: string, init: { token?: string; year?: string | null; method?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (init.token !== undefined) headers.Authorization = `Bearer ${init.token}`;
    if (init.year !== null) headers.SchoolYear = init.year ?? year;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(`${app}${path.replace(/^\//, '')}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
  };
  const stored = async (subjectId = TOAN, semester = 1): Promise<StoredBook> =>
    (await (
      await fetch(`${app}__test/marks?classId=${MAIN_CLASS}&subjectId=${subjectId}&semester=${semester}`)
    ).json()) as StoredBook;
  const bookUrl = (subjectId = TOAN, semester = 1) =>
    `${app}?classId=${MAIN_CLASS}&subjectId=${subjectId}&semester=${semester}`;
  const rows = () => page.locator('table.mark-table tbody > tr[data-student-id]');

  /** Opens the app, signs in at the SSO's form and waits for the grid. */
  async function signIn(url = bookUrl()): Promise<void> {
    await page.goto(url);
    await page.waitForURL((u) => u.origin === new URL(sso).origin);
    await page.fill('#username', TEACHER.username);
    await page.fill('#password', TEACHER.password);
    await page.click('#btnLogin');
    await rows().first().waitFor();
  }

  /** The grid column (0-based) whose leaf header cell reads `header`, from the header's rowspans and colspans. */
  const columnOf = (header: string) =>
    page.locator('table.mark-table').evaluate((table: unknown, wanted: string) => {
      interface HeaderCell {
        rowSpan: number;
        colSpan: number;
        textContent: string;
      }
      const head = (table as { tHead: { rows: ArrayLike<{ cells: ArrayLike<HeaderCell> }> } }).tHead;
      const taken: boolean[][] = [];
      let found = -1;
      Array.from(head.rows).forEach((row, r) => {
        let column = 0;
        for (const cell of Array.from(row.cells)) {
          while (taken[r]?.[column]) column++;
          for (let dr = 0; dr < cell.rowSpan; dr++)
            for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] ??= [])[column + dc] = true;
          if (cell.colSpan === 1 && cell.textContent.trim() === wanted) found = column;
          column += cell.colSpan;
        }
      });
      return found;
    }, header);

  /** The cell of a student under the header `header`. */
  async function cell(studentId: number, header: string) {
    const column = await columnOf(header);
    expect(column, header).toBeGreaterThanOrEqual(0);
    return page.locator(`table.mark-table tbody > tr[data-student-id="${studentId}"] > td:nth-child(${column + 1})`);
  }
  const input = async (studentId: number, header: string) => (await cell(studentId, header)).locator('input.mark-input');

  /** Writes a value past the input's own `value` property (the prototype's setter), then fires input, as a user's typing does. */
  const nativeType = async (studentId: number, header: string, value: string) =>
    (await input(studentId, header)).evaluate((node, text) => {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(node), 'value')!.set!.call(node, text);
      node.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);

  const studentIds = async () =>
    (await rows().evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-student-id'))))) as number[];

  beforeAll(async () => {
    portals = await startPortals({ port: 0 });
    app = portals.smasCurrent.url;
    sso = portals.smasCurrent.ssoUrl;
    year = portals.smasCurrent.handle.state.schoolYearLabel;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await portals?.stop();
  });

  beforeEach(async () => {
    await control('reset');
    await context?.close();
    context = await browser.newContext();
    page = await context.newPage();
  });

  it('OAuth2 login at an SSO host: the app sends the browser to a separate origin, whose one-time code the app exchanges for tokens', async () => {
    expect(new URL(sso).origin).not.toBe(new URL(app).origin);
    const exchanges: Request[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${sso}connect/token`)) exchanges.push(request);
    });
    await page.goto(bookUrl());
    await page.waitForURL((u) => u.origin === new URL(sso).origin && u.pathname === '/connect/authorize');
    await page.fill('#username', TEACHER.username);
    await page.fill('#password', 'sai-mat-khau');
    await page.click('#btnLogin');
    await expect.poll(() => page.locator('#loginError').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.fill('#password', TEACHER.password);
    await page.click('#btnLogin');
    await rows().first().waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(app).origin);
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);
    expect(exchanges.map((r) => new URLSearchParams(r.postData() ?? '').get('grant_type'))).toEqual(['authorization_code']);
    // The code was good once: the same exchange again is refused.
    const again = await fetch(`${sso}connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: exchanges[0]!.postData() ?? '',
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
    // CORS: the token endpoint answers the app's origin, not another.
    const preflight = (origin: string) =>
      fetch(`${sso}connect/token`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      }).then((r) => r.headers.get('access-control-allow-origin'));
    expect(await preflight(new URL(app).origin)).toBe(new URL(app).origin);
    expect(await preflight('http://evil.example')).toBeNull();
  });

  it('then every call carries a Bearer token', async () => {
    expect((await call('/api/classes')).status).toBe(401);
    expect((await call('/api/classes', { token: 'at.made-up' })).status).toBe(401);
    const { access_token } = await tokens();
    const ok = await call('/api/classes', { token: access_token });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Array<{ classId: number }>).map((c) => c.classId)).toContain(MAIN_CLASS);
    const apiCalls: Request[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${app}api/`)) apiCalls.push(request);
    });
    await signIn();
    expect(apiCalls.length).toBeGreaterThanOrEqual(5);
    for (const request of apiCalls)
      expect((await request.allHeaders()).authorization, request.url()).toMatch(/^Bearer \S{20,}$/);
  });

  it('the chosen school year travels as a SchoolYear header', async () => {
    const { access_token } = await tokens();
    const missing = await call('/api/classes', { token: access_token, year: null });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toMatch(/^Thiếu năm học: .*SchoolYear/);
    expect((await call('/api/classes', { token: access_token, year: '2024-2025' })).status).toBe(400);
    const apiCalls: Request[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(`${app}api/`)) apiCalls.push(request);
    });
    await signIn();
    const years = await Promise.all(apiCalls.map(async (request) => (await request.allHeaders()).schoolyear));
    expect(new Set(years)).toEqual(new Set([year]));
    expect(await page.locator('h1').textContent()).toContain(year);
  });

  it('an expired token answers 401; the app refreshes once and retries, keeping what was typed', async () => {
    const { access_token } = await tokens();
    expect((await call('/api/classes', { token: access_token })).status).toBe(200);
    await control('expire-tokens');
    const expired = await call('/api/classes', { token: access_token });
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer/);

    await signIn();
    const [first, second] = await studentIds();
    // Seeded scores are never below 4: these values are changes whatever was stored.
    await (await input(first!, 'TX3')).fill('2.5');
    await nativeType(second!, 'TX3', '3');
    const oldRow = await rows().first().elementHandle();
    const exchanges: Array<{ call: string; status: number }> = [];
    page.on('response', (response) => {
      const url = response.url();
      if (url.startsWith(`${app}api/`) || url.startsWith(`${sso}connect/token`))
        exchanges.push({ call: `${response.request().method()} ${new URL(url).pathname}`, status: response.status() });
    });
    await control('expire-tokens');
    // A reload mid-session (another semester, then back) meets the 401.
    await page.selectOption('select[name=semester]', '2');
    await expect.poll(() => oldRow!.evaluate((node) => node.isConnected)).toBe(false);
    await page.selectOption('select[name=semester]', '1');
    await expect.poll(async () => (await input(first!, 'TX3')).inputValue()).toBe('2.5');
    expect(await (await input(second!, 'TX3')).inputValue()).toBe('3');
    const refused = exchanges.filter((e) => e.status === 401);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(exchanges.filter((e) => e.call === 'POST /connect/token')).toEqual([{ call: 'POST /connect/token', status: 200 }]);
    // Every refused call went through once the new token was in.
    for (const { call: refusedCall } of refused) {
      const after = exchanges.slice(exchanges.findIndex((e) => e.call === refusedCall && e.status === 401) + 1);
      expect(after.some((e) => e.call === refusedCall && e.status < 300), refusedCall).toBe(true);
    }
    // Expired again at save time: the save is retried and nothing typed is lost.
    await control('expire-tokens');
    await page.click('button.btn-save');
    await expect.poll(() => page.locator('div.toast-success').textContent()).toMatch(/^Lưu thành công 2 điểm của 2 học sinh/);
    const book = await stored();
    expect(book.rows.find((r) => r.studentId === first)!.marks.TX3).toBe('2.5');
    expect(book.rows.find((r) => r.studentId === second)!.marks.TX3).toBe('3');
  });

  it('an empty list answers 204', async () => {
    const { access_token } = await tokens();
    const neverEntered = await call(`/api/marks?classId=${MAIN_CLASS}&subjectId=${TIN_HOC}&semester=1`, { token: access_token });
    expect(neverEntered.status).toBe(204);
    expect(await neverEntered.text()).toBe('');
    const noClass = await call('/api/classes?grade=10', { token: access_token });
    expect(noClass.status).toBe(204);
    const entered = await call(`/api/marks?classId=${MAIN_CLASS}&subjectId=${TOAN}&semester=1`, { token: access_token });
    expect(entered.status).toBe(200);
    // The app shows the class with empty cells for a book never entered.
    await signIn(bookUrl(TIN_HOC));
    expect(await rows().count()).toBe(60);
    const values = await page.locator('table.mark-table input.mark-input').evaluateAll((nodes) =>
      nodes.map((node) => (node as unknown as { value: string }).value),
    );
    expect(values.every((value) => value === '')).toBe(true);
  });

  it('the score book is configured by a template: point groups whose points carry a batch TX/GHK/CHK, a pointName, a weight and a type (score, computed average, comment)', async () => {
    const { access_token } = await tokens();
    const response = await call('/api/mark-templates?grade=6', { token: access_token });
    expect(response.status).toBe(200);
    const template = (await response.json()) as {
      groups: Array<{ groupName: string; points: Array<{ pointKey: string; batch: string; pointName: string; weight: number; type: string }> }>;
    };
    const points = template.groups.flatMap((group) => group.points);
    expect(template.groups.length).toBeGreaterThanOrEqual(3);
    expect(new Set(points.map((p) => p.batch))).toEqual(new Set(['TX', 'GHK', 'CHK']));
    expect(new Set(points.map((p) => p.type))).toEqual(new Set(['score', 'average', 'comment']));
    const scores = points.filter((p) => p.type === 'score');
    expect(new Set(scores.filter((p) => p.batch === 'TX').map((p) => p.weight))).toEqual(new Set([1]));
    expect(scores.filter((p) => p.batch !== 'TX').map((p) => [p.batch, p.pointName, p.weight])).toEqual([
      ['GHK', 'GK', 2],
      ['CHK', 'CK', 3],
    ]);
    // The average is the server's: read-only in the app, refused in a save.
    await signIn();
    const [id] = await studentIds();
    expect(await (await cell(id!, 'ĐTBmhk')).locator('input').count()).toBe(0);
    const refused = await call('/api/marks', {
      token: access_token,
      method: 'POST',
      body: { classId: MAIN_CLASS, subjectId: TOAN, semester: 1, students: [{ studentId: id, marks: { DTBMHK: '9' } }] },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toContain('ĐTBmhk do hệ thống tính');
    // A student with every score has the weighted average the server computed.
    const complete = (await stored()).rows.find((r) => ['TX1', 'TX2', 'TX3', 'GK', 'CK'].every((k) => r.marks[k]));
    expect(complete).toBeDefined();
    const m = complete!.marks;
    const tenths = (k: string) => Math.round(Number(m[k]) * 10);
    const expected = Math.floor((2 * (tenths('TX1') + tenths('TX2') + tenths('TX3') + 2 * tenths('GK') + 3 * tenths('CK')) + 8) / 16);
    expect(m.DTBMHK).toBe(`${Math.floor(expected / 10)}.${expected % 10}`);
    expect(await (await cell(complete!.studentId, 'ĐTBmhk')).textContent()).toBe(m.DTBMHK);
  });

  it('the number of TX columns per subject comes from the class’s subject list', async () => {
    const { access_token } = await tokens();
    const subjects = (await (await call(`/api/classes/${MAIN_CLASS}/subjects`, { token: access_token })).json()) as Array<{
      subjectId: number;
      txCount: number;
    }>;
    const txOf = (id: number) => subjects.find((s) => s.subjectId === id)!.txCount;
    expect(txOf(TOAN)).toBe(3);
    expect(txOf(NGU_VAN)).not.toBe(3);
    await signIn();
    const group = page.locator('table.mark-table thead tr:first-child th', { hasText: 'Thường xuyên' });
    expect(await group.getAttribute('colspan')).toBe('3');
    expect(await page.locator('table.mark-table thead tr:nth-child(2) th').allTextContents()).toEqual(
      expect.arrayContaining(['TX1', 'TX2', 'TX3', 'GK', 'CK']),
    );
    expect(await columnOf('TX4')).toBe(-1);
    await page.selectOption('select[name=subjectId]', String(NGU_VAN));
    await expect.poll(() => group.getAttribute('colspan')).toBe(String(txOf(NGU_VAN)));
  });

  it('marks are read per student (studentId, studentCode, studentName) as strings, with a history per cell: who, from what, to what, when, how many times', async () => {
    const { access_token } = await tokens();
    const response = await call(`/api/marks?classId=${MAIN_CLASS}&subjectId=${TOAN}&semester=1`, { token: access_token });
    const marks = (await response.json()) as MarkRow[];
    expect(marks.length).toBeGreaterThan(30);
    for (const row of marks) {
      expect(typeof row.studentId).toBe('number');
      expect(row.studentCode).toMatch(/^\d{10}$/);
      expect(row.studentName.length).toBeGreaterThan(3);
      for (const value of Object.values(row.marks)) expect(typeof value).toBe('string');
      for (const entries of Object.values(row.history))
        entries.forEach((entry, i) => {
          expect(entry.by).toBe(TEACHER.username);
          expect(Date.parse(entry.at)).not.toBeNaN();
          expect(entry.count).toBe(i + 1);
          if (i > 0) expect(entry.from).toBe(entries[i - 1]!.to);
        });
    }
    const corrected = marks.flatMap((row) => Object.values(row.history)).filter((entries) => entries.length > 1);
    expect(corrected.length).toBeGreaterThan(0);
    // A save by the app adds an entry: from the old value, to the new, by whom, at the portal's clock.
    await signIn();
    const row = marks.find((r) => r.marks.TX1 && r.history.TX1)!;
    await (await input(row.studentId, 'TX1')).fill('3');
    await page.click('button.btn-save');
    await page.locator('div.toast-success').waitFor();
    const history = (await stored()).rows.find((r) => r.studentId === row.studentId)!.history.TX1!;
    const last = history[history.length - 1]!;
    expect(last).toMatchObject({ by: TEACHER.username, from: row.marks.TX1, count: row.history.TX1!.length + 1 });
    const { now } = (await (await fetch(`${app}__test/clock`)).json()) as { now: string };
    expect(Math.abs(Date.parse(last.at) - Date.parse(now))).toBeLessThan(60_000);
    // The cell's title names the last change: "<user> - HH:MM:SS dd/mm/yyyy" (Vietnam time).
    const at = new Date(Date.parse(last.at) + 7 * 3_600_000).toISOString();
    const title = `${TEACHER.username} - ${at.slice(11, 19)} ${at.slice(8, 10)}/${at.slice(5, 7)}/${at.slice(0, 4)}`;
    await expect.poll(async () => (await cell(row.studentId, 'TX1')).getAttribute('title')).toBe(title);
  });

  it('saving sends only the changed cells, per student', async () => {
    await signIn();
    const [a, b, c] = await studentIds();
    const before = await stored();
    const value = (id: number, key: string) => before.rows.find((r) => r.studentId === id)!.marks[key] ?? '';
    // Seeded scores are never below 4: these are changes whatever was stored.
    await (await input(a!, 'TX2')).fill('2');
    await (await input(a!, 'GK')).fill('3');
    await (await input(b!, 'CK')).fill('2.5');
    // Typed and typed back: no change to send.
    await (await input(c!, 'TX1')).fill('1');
    await (await input(c!, 'TX1')).fill(value(c!, 'TX1'));
    const saving = page.waitForRequest((r) => r.url() === `${app}api/marks` && r.method() === 'POST');
    await page.click('button.btn-save');
    const body = (await saving).postDataJSON() as { students: Array<{ studentId: number; marks: Record<string, string> }> };
    expect(body.students).toEqual([
      { studentId: a, marks: { TX2: '2', GK: '3' } },
      { studentId: b, marks: { CK: '2.5' } },
    ]);
    await expect.poll(() => page.locator('div.toast-success').textContent()).toBe('Lưu thành công 3 điểm của 2 học sinh.');
    const after = await stored();
    expect(after.rows.find((r) => r.studentId === b)!.marks.CK).toBe('2.5');
    expect(after.rows.find((r) => r.studentId === c)!.history).toEqual(before.rows.find((r) => r.studentId === c)!.history);
  });

  it('an error comes back as a message to show', async () => {
    const { access_token } = await tokens();
    const [first] = (await stored()).rows;
    const bad = await call('/api/marks', {
      token: access_token,
      method: 'POST',
      body: { classId: MAIN_CLASS, subjectId: TOAN, semester: 1, students: [{ studentId: first!.studentId, marks: { TX1: '11', TX2: '8.25' } }] },
    });
    expect(bad.status).toBe(400);
    const { message } = (await bad.json()) as { message: string };
    expect(message).toMatch(/^Không lưu được: /);
    expect(message).toContain(`${first!.studentName} - TX1: điểm "11" không hợp lệ`);
    expect(message).toContain(`${first!.studentName} - TX2: điểm "8.25" không hợp lệ`);
    expect((await stored()).rows[0]!.marks).toEqual(first!.marks);

    await signIn();
    await (await input(first!.studentId, 'TX3')).fill('12');
    await page.click('button.btn-save');
    await expect.poll(() => page.locator('div.toast-error').textContent()).toContain('điểm "12" không hợp lệ');
    // The refused value stays typed, to correct.
    expect(await (await input(first!.studentId, 'TX3')).inputValue()).toBe('12');
    await (await input(first!.studentId, 'TX3')).fill('3');
    const refusal = 'Hệ thống đang bảo trì, thầy/cô vui lòng lưu lại sau ít phút.';
    await control('refuse-next-save', { message: refusal });
    await page.click('button.btn-save');
    await expect.poll(() => page.locator('div.toast-error', { hasText: 'bảo trì' }).textContent()).toBe(refusal);
    await page.click('button.btn-save');
    await page.locator('div.toast-success').waitFor();
    expect((await stored()).rows[0]!.marks.TX3).toBe('3');
  });

  it('the grid is rendered by the app: inputs are framework-controlled, columns are found by header text, rows are re-rendered', async () => {
    await signIn();
    const [a, b] = await studentIds();
    const before = (await stored()).rows.find((r) => r.studentId === a)!.marks.TX2 ?? '';
    // A plain `.value =` with an input event never reaches the app's state…
    await (await input(a!, 'TX2')).evaluate((node) => {
      (node as unknown as { value: string }).value = '4';
      node.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.click('button.btn-save');
    await expect.poll(() => page.locator('div.toast-info').textContent()).toBe('Không có thay đổi để lưu.');
    // …and the next render writes the state's value back.
    const typed = await input(b!, 'TX2');
    const row = await page.locator(`tr[data-student-id="${b}"]`).elementHandle();
    const element = await typed.elementHandle();
    await nativeType(b!, 'TX2', '3.5');
    await expect.poll(async () => (await input(a!, 'TX2')).inputValue()).toBe(before);
    // Typing patched the same elements in place, marking the cell changed.
    expect(await element!.evaluate((node) => node.isConnected)).toBe(true);
    expect(await row!.evaluate((node) => node.isConnected)).toBe(true);
    expect(await (await cell(b!, 'TX2')).getAttribute('class')).toContain('dirty');
    // A save reloads the book: every row is built anew.
    await page.click('button.btn-save');
    await page.locator('div.toast-success').waitFor();
    await expect.poll(() => row!.evaluate((node) => node.isConnected)).toBe(false);
    expect(await (await input(b!, 'TX2')).inputValue()).toBe('3.5');
    expect(await (await cell(b!, 'TX2')).getAttribute('class')).not.toContain('dirty');
  });

  it('a locked period is read-only: a banner, every input disabled, a save refused with a message', async () => {
    // The calendar's monthly lock (the 17th) closes the portal for the day.
    await control('clock', { now: '2025-12-17T09:00:00+07:00' });
    const { access_token } = await tokens();
    const semesters = (await (await call('/api/semesters', { token: access_token })).json()) as Array<{
      locked: boolean;
      lockMessage?: string;
    }>;
    expect(semesters[0]).toMatchObject({ locked: true });
    expect(semesters[0]!.lockMessage).toMatch(/^Học kỳ I đang khóa sổ \(.*\) đến 00:00 ngày 18\/12\/2025/);
    const [first] = (await stored()).rows;
    const refused = await call('/api/marks', {
      token: access_token,
      method: 'POST',
      body: { classId: MAIN_CLASS, subjectId: TOAN, semester: 1, students: [{ studentId: first!.studentId, marks: { TX1: '9' } }] },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(semesters[0]!.lockMessage);
    await signIn();
    expect(await page.locator('div.lock-banner').textContent()).toBe(semesters[0]!.lockMessage);
    const inputs = page.locator('table.mark-table input.mark-input');
    expect(await inputs.count()).toBeGreaterThan(0);
    expect(await inputs.evaluateAll((nodes) => nodes.every((n) => (n as unknown as { disabled: boolean }).disabled))).toBe(true);
    expect(await page.locator('button.btn-save').isDisabled()).toBe(true);
  });
});
