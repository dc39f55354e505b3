import { fields } from '@edulens/shared/rules';
import { decodeTcvn3 } from '@edulens/shared/text';
import type { Browser, BrowserContext, FrameLocator, Locator, Page, Request } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium';
import { type RunningPortals, startPortals } from '../start-portals';
import { LOCK_LASTS_MS, smasLockStatus } from './common/locks';
import { MISTAKE_KINDS } from './common/mistakes';
import { REQUIRED_FIELDS } from './common/record-fields';
import { buildSmasRoster, type SmasStudent } from './common/roster';
import { createSmasLegacyPortal } from './legacy/app';
import { all, LegacyClient, one, parsePage, textOf } from './legacy/test-client';

// Conformance of the simulated SMAS with shared/domain/PORTALS.md § SMAS, one test per fact,
// named after the fact. HTTP facts through the listening simulator, the app's behaviour in a
// real Chromium.

/** Closes the browser and stops the portals a describe block started (either may not have started). */
async function closeAll(browser: Browser | undefined, portals: RunningPortals | undefined): Promise<void> {
  await browser?.close();
  await portals?.stop();
}

/** A new browser context (no cookies, no storage) and page for a test; the previous one closes. */
async function freshPage(
  browser: Browser,
  previous: BrowserContext | undefined,
): Promise<{ context: BrowserContext; page: Page }> {
  await previous?.close();
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

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
  const tokens = async (): Promise<Pair> =>
    (await (await control('login', { username: TEACHER.username })).json()) as Pair;
  const call = async (
    path: string,
    init: { token?: string; year?: string | null; method?: string; body?: unknown } = {},
  ) => {
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
    return page.locator(
      `table.mark-table tbody > tr[data-student-id="${studentId}"] > td:nth-child(${column + 1})`,
    );
  }
  const input = async (studentId: number, header: string) =>
    (await cell(studentId, header)).locator('input.mark-input');

  /** Writes a value past the input's own `value` property (the prototype's setter), then fires input, as a user's typing does. */
  const nativeType = async (studentId: number, header: string, value: string) =>
    (await input(studentId, header)).evaluate((node, text) => {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(node), 'value')!.set!.call(node, text);
      node.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);

  const studentIds = async () =>
    (await rows().evaluateAll((nodes) =>
      nodes.map((node) => Number(node.getAttribute('data-student-id'))),
    )) as number[];

  beforeAll(async () => {
    portals = await startPortals({ port: 0 });
    app = portals.smasCurrent.url;
    sso = portals.smasCurrent.ssoUrl;
    year = portals.smasCurrent.handle.state.schoolYearLabel;
    browser = await launchChromium();
  });

  afterAll(() => closeAll(browser, portals));

  beforeEach(async () => {
    await control('reset');
    ({ context, page } = await freshPage(browser, context));
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
    await expect
      .poll(() => page.locator('#loginError').textContent())
      .toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.fill('#password', TEACHER.password);
    await page.click('#btnLogin');
    await rows().first().waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(app).origin);
    expect(new URL(page.url()).searchParams.has('code')).toBe(false);
    expect(exchanges.map((r) => new URLSearchParams(r.postData() ?? '').get('grant_type'))).toEqual([
      'authorization_code',
    ]);
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
        exchanges.push({
          call: `${response.request().method()} ${new URL(url).pathname}`,
          status: response.status(),
        });
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
    expect(exchanges.filter((e) => e.call === 'POST /connect/token')).toEqual([
      { call: 'POST /connect/token', status: 200 },
    ]);
    // Every refused call went through once the new token was in.
    for (const { call: refusedCall } of refused) {
      const after = exchanges.slice(
        exchanges.findIndex((e) => e.call === refusedCall && e.status === 401) + 1,
      );
      expect(
        after.some((e) => e.call === refusedCall && e.status < 300),
        refusedCall,
      ).toBe(true);
    }
    // Expired again at save time: the save is retried and nothing typed is lost.
    await control('expire-tokens');
    await page.click('button.btn-save');
    await expect
      .poll(() => page.locator('div.toast-success').textContent())
      .toMatch(/^Lưu thành công 2 điểm của 2 học sinh/);
    const book = await stored();
    expect(book.rows.find((r) => r.studentId === first)!.marks.TX3).toBe('2.5');
    expect(book.rows.find((r) => r.studentId === second)!.marks.TX3).toBe('3');
  });

  it('an empty list answers 204', async () => {
    const { access_token } = await tokens();
    const neverEntered = await call(`/api/marks?classId=${MAIN_CLASS}&subjectId=${TIN_HOC}&semester=1`, {
      token: access_token,
    });
    expect(neverEntered.status).toBe(204);
    expect(await neverEntered.text()).toBe('');
    const noClass = await call('/api/classes?grade=10', { token: access_token });
    expect(noClass.status).toBe(204);
    const entered = await call(`/api/marks?classId=${MAIN_CLASS}&subjectId=${TOAN}&semester=1`, {
      token: access_token,
    });
    expect(entered.status).toBe(200);
    // The app shows the class with empty cells for a book never entered.
    await signIn(bookUrl(TIN_HOC));
    expect(await rows().count()).toBe(60);
    const values = await page
      .locator('table.mark-table input.mark-input')
      .evaluateAll((nodes) => nodes.map((node) => (node as unknown as { value: string }).value));
    expect(values.every((value) => value === '')).toBe(true);
  });

  it('the score book is configured by a template: point groups whose points carry a batch TX/GHK/CHK, a pointName, a weight and a type (score, computed average, comment)', async () => {
    const { access_token } = await tokens();
    const response = await call('/api/mark-templates?grade=6', { token: access_token });
    expect(response.status).toBe(200);
    const template = (await response.json()) as {
      groups: Array<{
        groupName: string;
        points: Array<{ pointKey: string; batch: string; pointName: string; weight: number; type: string }>;
      }>;
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
      body: {
        classId: MAIN_CLASS,
        subjectId: TOAN,
        semester: 1,
        students: [{ studentId: id, marks: { DTBMHK: '9' } }],
      },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toContain('ĐTBmhk do hệ thống tính');
    // A student with every score has the weighted average the server computed.
    const complete = (await stored()).rows.find((r) =>
      ['TX1', 'TX2', 'TX3', 'GK', 'CK'].every((k) => r.marks[k]),
    );
    expect(complete).toBeDefined();
    const m = complete!.marks;
    const tenths = (k: string) => Math.round(Number(m[k]) * 10);
    const expected = Math.floor(
      (2 * (tenths('TX1') + tenths('TX2') + tenths('TX3') + 2 * tenths('GK') + 3 * tenths('CK')) + 8) / 16,
    );
    expect(m.DTBMHK).toBe(`${Math.floor(expected / 10)}.${expected % 10}`);
    expect(await (await cell(complete!.studentId, 'ĐTBmhk')).textContent()).toBe(m.DTBMHK);
  });

  it('the number of TX columns per subject comes from the class’s subject list', async () => {
    const { access_token } = await tokens();
    const subjects = (await (
      await call(`/api/classes/${MAIN_CLASS}/subjects`, { token: access_token })
    ).json()) as Array<{
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
    const response = await call(`/api/marks?classId=${MAIN_CLASS}&subjectId=${TOAN}&semester=1`, {
      token: access_token,
    });
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
    const corrected = marks
      .flatMap((row) => Object.values(row.history))
      .filter((entries) => entries.length > 1);
    expect(corrected.length).toBeGreaterThan(0);
    // A save by the app adds an entry: from the old value, to the new, by whom, at the portal's clock.
    await signIn();
    const row = marks.find((r) => r.marks.TX1 && r.history.TX1)!;
    await (await input(row.studentId, 'TX1')).fill('3');
    await page.click('button.btn-save');
    await page.locator('div.toast-success').waitFor();
    const history = (await stored()).rows.find((r) => r.studentId === row.studentId)!.history.TX1!;
    const last = history[history.length - 1]!;
    expect(last).toMatchObject({
      by: TEACHER.username,
      from: row.marks.TX1,
      count: row.history.TX1!.length + 1,
    });
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
    const body = (await saving).postDataJSON() as {
      students: Array<{ studentId: number; marks: Record<string, string> }>;
    };
    expect(body.students).toEqual([
      { studentId: a, marks: { TX2: '2', GK: '3' } },
      { studentId: b, marks: { CK: '2.5' } },
    ]);
    await expect
      .poll(() => page.locator('div.toast-success').textContent())
      .toBe('Lưu thành công 3 điểm của 2 học sinh.');
    const after = await stored();
    expect(after.rows.find((r) => r.studentId === b)!.marks.CK).toBe('2.5');
    expect(after.rows.find((r) => r.studentId === c)!.history).toEqual(
      before.rows.find((r) => r.studentId === c)!.history,
    );
  });

  it('an error comes back as a message to show', async () => {
    const { access_token } = await tokens();
    const [first] = (await stored()).rows;
    const bad = await call('/api/marks', {
      token: access_token,
      method: 'POST',
      body: {
        classId: MAIN_CLASS,
        subjectId: TOAN,
        semester: 1,
        students: [{ studentId: first!.studentId, marks: { TX1: '11', TX2: '8.25' } }],
      },
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
    await expect
      .poll(() => page.locator('div.toast-error').textContent())
      .toContain('điểm "12" không hợp lệ');
    // The refused value stays typed, to correct.
    expect(await (await input(first!.studentId, 'TX3')).inputValue()).toBe('12');
    await (await input(first!.studentId, 'TX3')).fill('3');
    const refusal = 'Hệ thống đang bảo trì, thầy/cô vui lòng lưu lại sau ít phút.';
    await control('refuse-next-save', { message: refusal });
    await page.click('button.btn-save');
    await expect
      .poll(() => page.locator('div.toast-error', { hasText: 'bảo trì' }).textContent())
      .toBe(refusal);
    await page.click('button.btn-save');
    await page.locator('div.toast-success').waitFor();
    expect((await stored()).rows[0]!.marks.TX3).toBe('3');
  });

  it('the grid is rendered by the app: inputs are framework-controlled, columns are found by header text, rows are re-rendered', async () => {
    await signIn();
    const [a, b] = await studentIds();
    const before = (await stored()).rows.find((r) => r.studentId === a)!.marks.TX2 ?? '';
    // A plain `.value =` with an input event never reaches the app's state…
    await (
      await input(a!, 'TX2')
    ).evaluate((node) => {
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
      body: {
        classId: MAIN_CLASS,
        subjectId: TOAN,
        semester: 1,
        students: [{ studentId: first!.studentId, marks: { TX1: '9' } }],
      },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toBe(semesters[0]!.lockMessage);
    await signIn();
    expect(await page.locator('div.lock-banner').textContent()).toBe(semesters[0]!.lockMessage);
    const inputs = page.locator('table.mark-table input.mark-input');
    expect(await inputs.count()).toBeGreaterThan(0);
    expect(
      await inputs.evaluateAll((nodes) =>
        nodes.every((n) => (n as unknown as { disabled: boolean }).disabled),
      ),
    ).toBe(true);
    expect(await page.locator('button.btn-save').isDisabled()).toBe(true);
  });
});

describe('legacy', () => {
  // The legacy generation: ASP.NET MVC pages, jQuery-era scripts, Telerik/Kendo widgets.
  const THCS = { user: 'longphuoc.thcs', password: 'Smas@2025' };
  const BOTH_LEVELS = { user: 'longphuoc.admin', password: 'Smas@2025' };
  const SAVE_DELAY_MS = 300;
  const http = () => {
    const portal = createSmasLegacyPortal({ saveDelayMs: 0 });
    return { portal, client: new LegacyClient(portal.app) };
  };
  const loggedIn = async () => {
    const made = http();
    await made.client.logOn(THCS.user, THCS.password);
    return made;
  };
  /** A posted profile: the student's stored record under the form's names, with changes. */
  const profileBody = (token: string, s: SmasStudent, changes: Record<string, string> = {}) => ({
    __RequestVerificationToken: token,
    StudentID: String(s.studentId),
    HoTen: s.fullName,
    NgaySinh: s.birthDate,
    GioiTinh: s.gender,
    DanToc: s.ethnicity,
    TrangThai: s.status,
    SoCCCD: s.citizenId,
    DienThoai: s.phone,
    DienThoaiPhuHuynh: s.parentPhone,
    HoTenCha: s.fatherName,
    HoTenMe: s.motherName,
    DiaChi: s.address,
    ...changes,
  });
  const clean = () => buildSmasRoster().examples.clean;

  let portals: RunningPortals;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const control = (path: string, body: unknown = {}) =>
    fetch(`${base}__test/${path}`, { method: 'POST', body: JSON.stringify(body) });
  const storedRecord = async (studentId: number) =>
    (await (await fetch(`${base}__test/records/${studentId}`)).json()) as SmasStudent;

  async function logIn(account = THCS): Promise<void> {
    await page.goto(`${base}Home/LogOn`);
    await page.fill('#UserName', account.user);
    await page.fill('#Password', account.password);
    await page.click('#btnLogOn');
  }
  async function openList(): Promise<void> {
    await logIn();
    await page.waitForURL(/\/Home\/Index$/);
    await page.goto(`${base}HoSoHocSinh/DanhSach?lopId=601`);
  }
  async function openForm(studentId: number): Promise<FrameLocator> {
    await page.click(`#gridHocSinh_row_${studentId} a.rgEdit`);
    const frame = page.frameLocator('div.RadWindow#winHoSo iframe#ifrHoSo');
    await frame.locator('#frmHoSo').waitFor();
    return frame;
  }
  /** The page's own way in: the prototype's value setter, then input and change. */
  const nativeType = (input: Locator, value: string) =>
    input.evaluate((node, text) => {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(node), 'value')?.set?.call(node, text);
      node.dispatchEvent(new Event('input', { bubbles: true }));
      node.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  const bodyRowIds = () =>
    page
      .locator('#gridHocSinh .rgDataDiv tbody > tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('id')));

  beforeAll(async () => {
    portals = await startPortals({ port: 0, smasLegacy: { saveDelayMs: SAVE_DELAY_MS } });
    base = portals.smasLegacy.url;
    browser = await launchChromium();
  });

  afterAll(() => closeAll(browser, portals));

  beforeEach(async () => {
    await control('reset');
    ({ context, page } = await freshPage(browser, context));
  });

  it('runs at http://localhost:<port>/, apart from vnEdu at 127.0.0.1', () => {
    expect(base).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(new URL(portals.vnedu.url).hostname).toBe('127.0.0.1');
  });

  it('login posts UserName and Password (maxlength 128) with the anti-forgery __RequestVerificationToken', async () => {
    const { client } = http();
    const { doc } = await client.page('/Home/LogOn');
    const form = one(doc, 'form#formLogOn');
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/Home/LogOn');
    for (const name of ['UserName', 'Password']) {
      const input = one(form, `input#${name}[name=${name}]`);
      expect(input.getAttribute('maxlength'), name).toBe('128');
    }
    expect(one(form, '#Password').getAttribute('type')).toBe('password');
    expect(LegacyClient.token(doc)).toMatch(/^[\w-]{20,}$/);
    expect(client.cookies.get('__RequestVerificationToken')).toMatch(/^[\w-]{20,}$/);
  });

  it('a login POST without the matching token pair is refused', async () => {
    const { client, portal } = http();
    const { doc } = await client.page('/Home/LogOn');
    const token = LegacyClient.token(doc);
    const credentials = { UserName: THCS.user, Password: THCS.password };
    expect((await client.post('/Home/LogOn', credentials)).status).toBe(400);
    expect(
      (await client.post('/Home/LogOn', { ...credentials, __RequestVerificationToken: `${token}x` })).status,
    ).toBe(400);
    const stranger = new LegacyClient(portal.app);
    expect(
      (await stranger.post('/Home/LogOn', { ...credentials, __RequestVerificationToken: token })).status,
    ).toBe(400);
    const accepted = await client.post('/Home/LogOn', { ...credentials, __RequestVerificationToken: token });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('location')).toBe('/Home/Index');
  });

  it('a wrong password shows "Tên đăng nhập hoặc mật khẩu không chính xác" in #idErrorMessage', async () => {
    const { client } = http();
    const answer = await client.logOn(THCS.user, 'sai-mat-khau');
    const doc = parsePage(await answer.text());
    expect(textOf(one(doc, '#idErrorMessage'))).toBe('Tên đăng nhập hoặc mật khẩu không chính xác');
    expect(one(doc, '#UserName').getAttribute('value')).toBe(THCS.user);
    expect(client.cookies.has('ASP.NET_SessionId')).toBe(false);
  });

  it('an account covering several school levels must pick one (div.level-box, posted as RdbSelectLevel)', async () => {
    const { client } = http();
    const first = await client.logOn(BOTH_LEVELS.user, BOTH_LEVELS.password);
    expect(first.headers.get('location')).toBe('/Home/ChooseLevel');
    // Inner pages wait for the choice.
    expect((await client.request('/HoSoHocSinh/DanhSach?lopId=601')).headers.get('location')).toBe(
      '/Home/ChooseLevel',
    );
    const { doc } = await client.page('/Home/ChooseLevel');
    const boxes = all(doc, 'div.level-box');
    expect(boxes.map((box) => textOf(box))).toEqual(['Cấp 1 - Tiểu học', 'Cấp 2 - Trung học cơ sở']);
    expect(
      boxes.map((box) => one(box, 'input[type=radio][name=RdbSelectLevel]').getAttribute('value')),
    ).toEqual(['1', '2']);
    const chosen = await client.post('/Home/ChooseLevel', {
      __RequestVerificationToken: LegacyClient.token(doc),
      RdbSelectLevel: '2',
    });
    expect(chosen.headers.get('location')).toBe('/Home/Index');
    const list = await client.page('/HoSoHocSinh/DanhSach?lopId=601');
    expect(list.response.status).toBe(200);
    // The primary level's classes are not this level's.
    expect((await client.request('/HoSoHocSinh/DanhSach?lopId=501')).status).toBe(404);
    // An account with one level goes straight in.
    const single = http().client;
    expect((await single.logOn(THCS.user, THCS.password)).headers.get('location')).toBe('/Home/Index');
  });

  it('an expired session redirects to /Home/LogOn?ReturnUrl=<the page asked for>', async () => {
    const { client, portal } = await loggedIn();
    const path = '/HoSoHocSinh/DanhSach?lopId=601&page=2';
    expect((await client.request(path)).status).toBe(200);
    portal.state.clock.advance(21 * 60_000);
    const idle = await client.request(path);
    expect(idle.status).toBe(302);
    expect(idle.headers.get('location')).toBe(`/Home/LogOn?ReturnUrl=${encodeURIComponent(path)}`);
    const again = await loggedIn();
    again.portal.state.sessions.expire();
    const form = await again.client.request(`/HoSoHocSinh/HoSo/${clean().studentId}`);
    expect(form.headers.get('location')).toBe(
      `/Home/LogOn?ReturnUrl=${encodeURIComponent(`/HoSoHocSinh/HoSo/${clean().studentId}`)}`,
    );
    // The login form carries the ReturnUrl and goes back there.
    const { doc } = await again.client.page(`/Home/LogOn?ReturnUrl=${encodeURIComponent(path)}`);
    expect(one(doc, 'input[name=ReturnUrl]').getAttribute('value')).toBe(path);
    const back = await again.client.post('/Home/LogOn', {
      __RequestVerificationToken: LegacyClient.token(doc),
      UserName: THCS.user,
      Password: THCS.password,
      ReturnUrl: path,
    });
    expect(back.headers.get('location')).toBe(path);
  });

  it('inner pages address the user as "Thầy/cô"', async () => {
    const { client } = await loggedIn();
    for (const path of ['/Home/Index', '/HoSoHocSinh/DanhSach?lopId=601']) {
      const { doc } = await client.page(path);
      expect(textOf(one(doc, '#header')), path).toContain('Thầy/cô: Trần Văn Bình');
    }
    const { doc } = await client.page('/Home/Index');
    expect(textOf(one(doc, '#content h2'))).toBe('Chào mừng thầy/cô Trần Văn Bình');
  });

  it('the student list is a Telerik RadGrid: header table with a filter row apart from the scrolling .rgDataDiv body table, and a pager', async () => {
    const { client } = await loggedIn();
    const { doc } = await client.page('/HoSoHocSinh/DanhSach?lopId=601');
    const grid = one(doc, 'div#gridHocSinh.RadGrid');
    const header = one(grid, 'div.rgHeaderDiv > table.rgMasterTable');
    expect(all(header, 'thead > tr > th.rgHeader').map((th) => textOf(th))).toEqual([
      'STT',
      'Mã học sinh',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Dân tộc',
      'Trạng thái',
      'Thao tác',
    ]);
    expect(
      all(header, 'tr.rgFilterRow input[data-filter]').map((i) => i.getAttribute('data-filter')),
    ).toEqual(['MaHocSinh', 'HoTen', 'NgaySinh', 'GioiTinh', 'DanToc', 'TrangThai']);
    expect(all(header, 'tbody tr')).toEqual([]);
    const rows = all(grid, 'div.rgDataDiv > table.rgMasterTable > tbody > tr');
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.className)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 'rgRow' : 'rgAltRow')),
    );
    const first = buildSmasRoster().bulkClass.students[0]!;
    expect(rows[0]!.id).toBe(`gridHocSinh_row_${first.studentId}`);
    expect(all(rows[0]!, 'td').map((td) => textOf(td))).toEqual([
      '1',
      first.studentCode,
      first.fullName,
      first.birthDate,
      first.gender,
      first.ethnicity,
      first.status,
      'Sửa',
    ]);
    expect(one(rows[0]!, 'a.rgEdit').getAttribute('data-id')).toBe(String(first.studentId));
    const pager = one(grid, 'div.rgPager');
    expect(textOf(one(pager, 'span.rgInfoPart'))).toBe('Trang 1/3 - 60 học sinh');
    expect(textOf(one(pager, 'span.rgCurrentPage'))).toBe('1');
    expect(all(pager, 'a.rgNumPage').map((a) => textOf(a))).toEqual(['2', '3']);
    expect(one(pager, 'input.rgPageNext').getAttribute('title')).toBe('Trang sau');
    expect(one(pager, 'input.rgPagePrev').hasAttribute('disabled')).toBe(true);
  });

  it('the filter row filters (contains, NFC, case-insensitive) and the pager shows the filtered count', async () => {
    const { client } = await loggedIn();
    const students = buildSmasRoster().bulkClass.students;
    const family = students[10]!.fullName.normalize('NFC').split(' ')[0]!;
    const expected = students.filter((s) =>
      s.fullName.normalize('NFC').toLowerCase().includes(family.toLowerCase()),
    );
    const answer = await client.request(
      `/HoSoHocSinh/DanhSachTrang?lopId=601&page=1&HoTen=${encodeURIComponent(family.normalize('NFD').toUpperCase())}`,
    );
    const body = (await answer.json()) as { rows: string; pager: string; total: number };
    expect(body.total).toBe(expected.length);
    const rows = all(parsePage(`<table><tbody>${body.rows}</tbody></table>`), 'tr');
    expect(rows.map((r) => r.id)).toEqual(expected.slice(0, 20).map((s) => `gridHocSinh_row_${s.studentId}`));
    expect(textOf(one(parsePage(body.pager), 'span.rgInfoPart'))).toBe(
      `Trang 1/${Math.ceil(expected.length / 20)} - ${expected.length} học sinh`,
    );
  });

  it('pagination: 20 rows a page; changing page fetches and replaces the body rows, with no page load', async () => {
    await openList();
    const students = buildSmasRoster().bulkClass.students;
    const ids = (from: number) =>
      students.slice(from, from + 20).map((s) => `gridHocSinh_row_${s.studentId}`);
    expect(await bodyRowIds()).toEqual(ids(0));
    await page.evaluate(() => Object.assign(globalThis, { stillTheSamePage: true }));
    await page.click('#gridHocSinh input.rgPageNext');
    await page.locator('#gridHocSinh span.rgCurrentPage', { hasText: '2' }).waitFor();
    expect(await bodyRowIds()).toEqual(ids(20));
    await page.click('#gridHocSinh a.rgNumPage[data-page="3"]');
    await page.locator('#gridHocSinh span.rgCurrentPage', { hasText: '3' }).waitFor();
    expect(await bodyRowIds()).toEqual(ids(40));
    expect(await page.locator('span.rgInfoPart').textContent()).toBe('Trang 3/3 - 60 học sinh');
    expect(await page.locator('input.rgPageNext').isDisabled()).toBe(true);
    expect(await page.evaluate(() => (globalThis as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
      true,
    );
  });

  it('the profile form opens in a floating window (div.RadWindow#winHoSo) holding a same-origin iframe#ifrHoSo', async () => {
    await openList();
    const student = clean();
    expect(await page.locator('#winHoSo').isVisible()).toBe(false);
    const frame = await openForm(student.studentId);
    expect(await page.locator('div.RadWindow#winHoSo').isVisible()).toBe(true);
    expect(await page.locator('iframe#ifrHoSo').getAttribute('src')).toBe(
      `/HoSoHocSinh/HoSo/${student.studentId}`,
    );
    expect(await frame.locator('#MaHocSinh').inputValue()).toBe(student.studentCode);
    expect(await frame.locator('#MaHocSinh').getAttribute('readonly')).not.toBeNull();
    expect(await frame.locator('#HoTen').inputValue()).toBe(student.fullName);
    const labels = await frame.locator('div.form-row > label').allTextContents();
    expect(labels.filter((label) => label.endsWith(' *'))).toEqual([
      'Họ và tên *',
      'Ngày sinh *',
      'Giới tính *',
      'Dân tộc *',
      'Trạng thái *',
      'Số CCCD *',
    ]);
    expect(REQUIRED_FIELDS).toHaveLength(6);
  });

  it('Kendo inputs: the birth date is span.k-datepicker input.k-input, dd/mm/yyyy', async () => {
    const { client } = await loggedIn();
    const { doc } = await client.page(`/HoSoHocSinh/HoSo/${clean().studentId}`);
    const input = one(doc, 'span.k-widget.k-datepicker input.k-input#NgaySinh');
    expect(input.getAttribute('value')).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(input.getAttribute('maxlength')).toBe('10');
  });

  it('Telerik combos (.rcbInput) hold the coded fields and resolve typed text to an item; unknown text is reverted with an error', async () => {
    const { client } = await loggedIn();
    const { doc } = await client.page(`/HoSoHocSinh/HoSo/${clean().studentId}`);
    for (const [id, name] of [
      ['cbGioiTinh', 'GioiTinh'],
      ['cbDanToc', 'DanToc'],
      ['cbTrangThai', 'TrangThai'],
    ] as const) {
      const combo = one(doc, `div.RadComboBox#${id}`);
      one(combo, 'input.rcbInput');
      one(combo, `input[type=hidden][name=${name}]`);
      expect(all(combo, 'div.rcbSlide li.rcbItem').length, id).toBeGreaterThan(1);
    }
    await openList();
    const student = clean();
    const frame = await openForm(student.studentId);
    const ethnicity = frame.locator('#cbDanToc_Input');
    await nativeType(ethnicity, 'KHMER'.normalize('NFD'));
    expect(await ethnicity.inputValue()).toBe('Khmer');
    await nativeType(ethnicity, 'Người sao Hỏa');
    expect(await ethnicity.inputValue()).toBe('Khmer');
    expect(await frame.locator('span.field-validation-error[data-valmsg-for=DanToc]').textContent()).toBe(
      'Giá trị "Người sao Hỏa" không có trong danh sách.',
    );
    await frame.locator('#cbTrangThai a.rcbArrow').dispatchEvent('mousedown');
    await frame.locator('#cbTrangThai li.rcbItem', { hasText: 'Chuyển đến' }).dispatchEvent('mousedown');
    await frame.locator('#btnLuu').click();
    await frame.locator('p.message-of-success').waitFor();
    const stored = await storedRecord(student.studentId);
    expect([stored.ethnicity, stored.status]).toEqual(['Khmer', 'Chuyển đến']);
  });

  it('inputs take only the native value setter plus input/change: a plain .value = is lost on save', async () => {
    await openList();
    const student = clean();
    const frame = await openForm(student.studentId);
    await frame.locator('#DiaChi').evaluate((node) => {
      Object.assign(node, { value: 'Ấp Mới, xã Long Phước, tỉnh Vĩnh Long' });
      node.dispatchEvent(new Event('input', { bubbles: true }));
      node.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await nativeType(frame.locator('#HoTenCha'), 'Nguyễn Văn Tám');
    await frame.locator('#btnLuu').click();
    await frame.locator('p.message-of-success').waitFor();
    const stored = await storedRecord(student.studentId);
    expect(stored.fatherName).toBe('Nguyễn Văn Tám');
    expect(stored.address).toBe(student.address);
    // Typing as a person does reaches the model too.
    await frame.locator('#HoTenMe').fill('Lê Thị Chín');
    await frame.locator('#btnLuu').click();
    await page.waitForFunction(async (id) => {
      const answer = await fetch(`/__test/records/${id}`);
      return ((await answer.json()) as { motherName: string }).motherName === 'Lê Thị Chín';
    }, student.studentId);
  });

  it('saving is explicit: nothing typed is stored until "Lưu" (input#btnLuu)', async () => {
    await openList();
    const student = clean();
    const frame = await openForm(student.studentId);
    expect(await frame.locator('input#btnLuu[type=button]').getAttribute('value')).toBe('Lưu');
    await frame.locator('#DiaChi').fill('Ấp Một, xã Long Phước, tỉnh Vĩnh Long');
    await frame.locator('#HoTen').click();
    await page.waitForTimeout(200);
    expect((await storedRecord(student.studentId)).address).toBe(student.address);
    await frame.locator('#btnLuu').click();
    await frame.locator('p.message-of-success').waitFor();
    expect((await storedRecord(student.studentId)).address).toBe('Ấp Một, xã Long Phước, tỉnh Vĩnh Long');
  });

  it('after "Lưu" the page answers in p.message-of-success with a radalert pop-up (div.RadWindow.rwAlert, OK)', async () => {
    await openList();
    const frame = await openForm(clean().studentId);
    await frame.locator('#btnLuu').click();
    await frame.locator('p.message-of-success').waitFor();
    expect(await frame.locator('p.message-of-success').textContent()).toBe(
      'Thầy/cô đã cập nhật hồ sơ học sinh thành công.',
    );
    const alert = frame.locator('div.RadWindow.rwAlert');
    expect(await alert.locator('.rwDialogText').textContent()).toBe(
      'Thầy/cô đã cập nhật hồ sơ học sinh thành công.',
    );
    expect(await alert.locator('a.rwPopupButton').textContent()).toBe('OK');
    await alert.locator('a.rwPopupButton').click();
    expect(await alert.count()).toBe(0);
  });

  it('a refused save answers in p.message-of-error and span.field-validation-error per field, in Vietnamese', async () => {
    await openList();
    const student = clean();
    const frame = await openForm(student.studentId);
    await nativeType(frame.locator('#SoCCCD'), '08621496');
    await nativeType(frame.locator('#NgaySinh'), '31/02/2014');
    await nativeType(frame.locator('#DienThoaiPhuHuynh'), '01629415051');
    await frame.locator('#btnLuu').click();
    await frame.locator('p.message-of-error').waitFor();
    expect(await frame.locator('p.message-of-error').textContent()).toBe(
      'Thầy/cô chưa cập nhật được hồ sơ: hãy kiểm tra các thông tin chưa hợp lệ.',
    );
    const errors = await frame
      .locator('span.field-validation-error')
      .evaluateAll((spans) => spans.map((s) => [s.getAttribute('data-valmsg-for'), s.textContent]));
    expect(Object.fromEntries(errors)).toEqual({
      NgaySinh: 'Ngày sinh không đúng định dạng ngày/tháng/năm (dd/mm/yyyy).',
      SoCCCD: 'Số CCCD phải gồm đúng 12 chữ số.',
      DienThoaiPhuHuynh: 'Điện thoại cha/mẹ phải gồm 10 chữ số.',
    });
    expect(await frame.locator('div.RadWindow.rwAlert .rwDialogText').textContent()).toBe(
      'Thầy/cô chưa cập nhật được hồ sơ: hãy kiểm tra các thông tin chưa hợp lệ.',
    );
    expect((await storedRecord(student.studentId)).citizenId).toBe(student.citizenId);
  });

  it('server-side errors in Vietnamese: required fields, date format, CCCD 12 digits, phone 10 digits, duplicate CCCD', async () => {
    const { client, portal } = await loggedIn();
    const student = clean();
    const { doc } = await client.page(`/HoSoHocSinh/HoSo/${student.studentId}`);
    const token = LegacyClient.token(doc);
    const save = async (changes: Record<string, string>) =>
      (await (await client.post('/HoSoHocSinh/Luu', profileBody(token, student, changes))).json()) as {
        Type: string;
        Errors: Record<string, string>;
      };
    expect((await save({ HoTen: ' ', DanToc: '', SoCCCD: '' })).Errors).toEqual({
      HoTen: 'Họ và tên không được để trống.',
      DanToc: 'Dân tộc không được để trống.',
      SoCCCD: 'Số CCCD không được để trống.',
    });
    expect((await save({ NgaySinh: '2014-05-01', DienThoai: '091234567', GioiTinh: 'nam' })).Errors).toEqual({
      NgaySinh: 'Ngày sinh không đúng định dạng ngày/tháng/năm (dd/mm/yyyy).',
      DienThoai: 'Điện thoại di động phải gồm 10 chữ số.',
      GioiTinh: 'Giới tính "nam" không có trong danh mục.',
    });
    const other = portal.state.roster.examples.wrongCccd;
    expect((await save({ SoCCCD: other.citizenId })).Errors).toEqual({
      SoCCCD: 'Số CCCD đã được dùng cho học sinh khác',
    });
    expect((await save({ HoTen: 'A'.repeat(51) })).Errors).toEqual({
      HoTen: 'Họ và tên không được quá 50 ký tự.',
    });
    // Like the real portal it checks shapes only: a CCCD for the wrong gender passes.
    const wrongGender =
      student.citizenId.slice(0, 3) + String(Number(student.citizenId[3]) + 1) + student.citizenId.slice(4);
    expect(await save({ SoCCCD: wrongGender })).toMatchObject({ Type: 'success' });
  });

  it('"Lưu" is slow: the answer comes after the configured delay', async () => {
    const portal = createSmasLegacyPortal({ saveDelayMs: SAVE_DELAY_MS });
    const client = new LegacyClient(portal.app);
    await client.logOn(THCS.user, THCS.password);
    const student = clean();
    const { doc } = await client.page(`/HoSoHocSinh/HoSo/${student.studentId}`);
    const started = performance.now();
    const answer = await client.post('/HoSoHocSinh/Luu', profileBody(LegacyClient.token(doc), student));
    expect(answer.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(SAVE_DELAY_MS - 5);
  });

  it('"Lưu" posts the anti-forgery token: a save without it is refused', async () => {
    const { client, portal } = await loggedIn();
    const student = clean();
    const { doc } = await client.page(`/HoSoHocSinh/HoSo/${student.studentId}`);
    const token = LegacyClient.token(doc);
    const refused = await client.post('/HoSoHocSinh/Luu', {
      ...profileBody(token, student, { DiaChi: 'Ấp Hai' }),
      __RequestVerificationToken: '',
    });
    expect(refused.status).toBe(403);
    expect(portal.state.records.get(student.studentId)?.address).toBe(student.address);
    const accepted = await client.post('/HoSoHocSinh/Luu', profileBody(token, student, { DiaChi: 'Ấp Hai' }));
    expect(accepted.status).toBe(200);
    expect(portal.state.records.get(student.studentId)?.address).toBe('Ấp Hai');
  });

  it('a session that expires while the form is open discards the unsaved input and sends the window to the login page', async () => {
    await openList();
    const student = clean();
    const frame = await openForm(student.studentId);
    await frame.locator('#DiaChi').fill('Ấp Ba, xã Long Phước, tỉnh Vĩnh Long');
    await control('expire-session', {});
    await frame.locator('#btnLuu').click();
    await page.waitForURL(/\/Home\/LogOn\?ReturnUrl=/);
    expect(new URL(page.url()).searchParams.get('ReturnUrl')).toBe('/HoSoHocSinh/DanhSach?lopId=601');
    expect((await storedRecord(student.studentId)).address).toBe(student.address);
  });

  it('a save the portal refuses for one student (test control) shows its message, and the next save goes through', async () => {
    await openList();
    const student = clean();
    await control('refuse-next-save', {
      studentCode: student.studentCode,
      message: 'Học sinh đang chờ chuyển trường.',
    });
    const frame = await openForm(student.studentId);
    await frame.locator('#btnLuu').click();
    await frame.locator('p.message-of-error').waitFor();
    expect(await frame.locator('p.message-of-error').textContent()).toBe('Học sinh đang chờ chuyển trường.');
    await frame.locator('div.RadWindow.rwAlert a.rwPopupButton').click();
    await frame.locator('#btnLuu').click();
    await frame.locator('p.message-of-success').waitFor();
  });

  it('in a locked period every input is disabled and a banner says until when; a save is refused', async () => {
    const { client, portal } = await loggedIn();
    portal.state.clock.set(Date.parse('2025-12-17T07:00:00+07:00'));
    await client.logOn(THCS.user, THCS.password);
    const student = clean();
    const { doc } = await client.page(`/HoSoHocSinh/HoSo/${student.studentId}`);
    expect(textOf(one(doc, '.lock-banner'))).toBe(
      'Khóa SMAS: Báo cáo tháng — dữ liệu chỉ được xem đến 00:00 ngày 18/12/2025. Thầy/cô chưa thể cập nhật hồ sơ.',
    );
    const inputs = all(doc, '#frmHoSo input:not([type=hidden])').filter((i) => i.id !== 'MaHocSinh');
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((i) => !i.hasAttribute('disabled')).map((i) => i.id)).toEqual([]);
    const refused = await client.post('/HoSoHocSinh/Luu', profileBody(LegacyClient.token(doc), student));
    expect(refused.status).toBe(403);
    const list = await client.page('/HoSoHocSinh/DanhSach?lopId=601');
    expect(textOf(one(list.doc, '.lock-banner'))).toContain('chỉ được xem đến 00:00 ngày 18/12/2025');
  });
});

describe('both generations', () => {
  it('lock periods and update windows follow the SMAS calendar of Vĩnh Long (locks 9/9, the 17th, 31/12, 25/5, 31/5, 15/8; windows before them)', () => {
    const at = (local: string) => smasLockStatus(Date.parse(`${local}+07:00`));
    const lockIds = {
      '2025-09-09T10:00:00': 'after-opening-lock',
      '2025-10-17T00:00:00': 'monthly-lock',
      '2025-12-31T23:59:00': 'semester-1-lock',
      '2026-05-25T08:00:00': 'thcs-graduation-lock',
      '2026-05-31T08:00:00': 'school-year-lock',
      '2026-08-15T08:00:00': 'thpt-graduation-lock',
    };
    for (const [local, id] of Object.entries(lockIds)) {
      const status = at(local);
      expect(status.locked, local).toBe(true);
      expect(status.lock?.entryId, local).toBe(id);
      expect(status.until!.getTime() - status.lock!.at.getTime(), local).toBe(LOCK_LASTS_MS);
    }
    const windows = {
      '2025-09-03T08:00:00': 'after-opening-update',
      '2025-11-15T23:00:00': 'monthly-update',
      '2025-12-27T08:00:00': 'semester-1-update',
      '2026-05-22T08:00:00': 'thcs-graduation-update',
      '2026-05-28T08:00:00': 'school-year-update',
      '2026-08-07T08:00:00': 'thpt-graduation-update',
    };
    for (const [local, id] of Object.entries(windows)) {
      const status = at(local);
      expect(status.locked, local).toBe(false);
      expect(status.window?.entryId, local).toBe(id);
    }
    // The day after a lock is open again; the default simulated day (20/11) is neither.
    expect(at('2025-10-18T00:00:00').locked).toBe(false);
    expect(at('2025-11-20T08:00:00')).toMatchObject({ locked: false, nextLock: { entryId: 'monthly-lock' } });
    expect(at('2025-11-20T08:00:00').window).toBeUndefined();
  });

  it('the data is seeded and deterministic: the same seed gives the same school, another seed another', () => {
    const strip = (roster: ReturnType<typeof buildSmasRoster>) => ({
      classes: roster.classes,
      truth: [...roster.truth],
      examples: roster.examples,
    });
    expect(strip(buildSmasRoster(2025))).toEqual(strip(buildSmasRoster(2025)));
    expect(buildSmasRoster(7).bulkClass.students.map((s) => s.fullName)).not.toEqual(
      buildSmasRoster(2025).bulkClass.students.map((s) => s.fullName),
    );
    const roster = buildSmasRoster();
    expect(roster.bulkClass.students).toHaveLength(60);
    expect(roster.classes.filter((c) => c !== roster.bulkClass).every((c) => c.students.length < 60)).toBe(
      true,
    );
    expect(new Set(roster.classes.map((c) => c.level))).toEqual(new Set(['primary', 'lower-secondary']));
    const everyone = roster.classes.flatMap((c) => c.students);
    expect(new Set(everyone.map((s) => s.studentId)).size).toBe(everyone.length);
    expect(everyone.every((s) => /^\d{10}$/.test(s.studentCode))).toBe(true);
    const ids = everyone.map((s) => s.citizenId).filter((id) => id !== '');
    expect(new Set(ids).size).toBe(ids.length);
    // The legacy simulator serves exactly these records.
    const portal = createSmasLegacyPortal();
    expect(portal.state.records.get(roster.examples.tcvn3.studentId)).toEqual(roster.examples.tcvn3);
  });

  it('the seeded data carries each kind of realistic mistake, recorded in the truth, on 10–15% of students', () => {
    const roster = buildSmasRoster();
    const everyone = roster.classes.flatMap((c) => c.students);
    const truthOf = (s: SmasStudent) => roster.truth.get(s.studentId)!;
    const kinds = new Set(everyone.flatMap((s) => truthOf(s).mistakes.map((m) => m.kind)));
    expect([...kinds].sort()).toEqual([...MISTAKE_KINDS].sort());
    const share = everyone.filter((s) => truthOf(s).mistakes.length > 0).length / everyone.length;
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.15);
    const person = (s: Pick<SmasStudent, 'gender' | 'birthDate'>) =>
      ({ gender: s.gender === 'Nữ' ? 'female' : 'male', birthYear: Number(s.birthDate.slice(6)) }) as const;
    // Every CCCD without a seeded mistake agrees with its record; the wrong ones disagree on gender.
    for (const s of everyone) {
      const problems = fields.checkCccd(truthOf(s).correct.citizenId, person(truthOf(s).correct));
      expect(problems, s.fullName).toEqual([]);
    }
    const { examples } = roster;
    expect(
      fields.checkCccd(examples.wrongCccd.citizenId, person(examples.wrongCccd)).map((p) => p.code),
    ).toEqual(['cccd.gender']);
    expect(fields.convertOldMobile(examples.oldPhone.parentPhone)).toBe(
      truthOf(examples.oldPhone).correct.parentPhone,
    );
    expect(examples.nfdName.fullName).not.toBe(examples.nfdName.fullName.normalize('NFC'));
    expect(examples.nfdName.fullName.normalize('NFC')).toBe(truthOf(examples.nfdName).correct.fullName);
    const [leftover] = truthOf(examples.tcvn3).mistakes;
    expect(decodeTcvn3(leftover!.stored)).toBe(leftover!.correct);
    expect(examples.blankRequired.citizenId).toBe('');
    expect(truthOf(examples.blankRequired)).toMatchObject({ complete: false, missing: ['citizenId'] });
    expect(truthOf(examples.threeMistakes).mistakes.map((m) => m.kind)).toEqual([
      'cccd-gender',
      'phone-11-digits',
      'name-nfd',
    ]);
    expect(truthOf(examples.clean)).toMatchObject({ mistakes: [], complete: true });
    // The examples are among the first rows of the 60-student class, on the grid's first page.
    const firstPage = roster.bulkClass.students.slice(0, 20);
    expect(Object.values(examples).every((s) => firstPage.includes(s))).toBe(true);
    // Completeness is the required fields' being filled.
    for (const s of everyone)
      expect(truthOf(s).complete, s.fullName).toBe(REQUIRED_FIELDS.every((f) => s[f] !== ''));
  });
});
