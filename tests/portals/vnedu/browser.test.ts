import { type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium';
import { type RunningPortals, startPortals } from '../start-portals';
import type { TestBook } from './test-client';

// The page's own script in a real Chromium: framework-controlled inputs, click-to-edit, locks,
// session expiry, the iframe variant, background re-fill and partial rendering of rows.

let portals: RunningPortals;
let browser: Browser;
let page: Page;
let origin: string;

const control = (path: string, body: unknown = {}) =>
  fetch(`${origin}/__test/${path}`, { method: 'POST', body: JSON.stringify(body) });
const stored = async (hk: 1 | 2) =>
  (await (await fetch(`${origin}/__test/scores?lop=6A1&mon=TOAN&hk=${hk}`)).json()) as TestBook;
/** The input of a TT22 cell: its row is the student code, its cell names the column in data-cot. */
const cell = (code: string, key = 'tx1') => `table.tablefix tr[id="${code}"] td[data-cot="${key}"] input`;
const SAVE = '[id="win_so_diembtLuu"] button';

/** Fills the login form on screen, reading the captcha as tests may, and submits it. */
async function submitLoginForm(): Promise<void> {
  await page.fill('#username', 'annv.thcsnd');
  await page.fill('#password', 'Vnedu@2025');
  await page.fill('#captcha', (await page.getAttribute('img.captcha', 'data-test-captcha')) ?? '');
  await page.click('#btnLogin');
}

/** Logs in through the test endpoint and opens the desktop with the grade window (one page for all tests). */
async function openGrid(flags: string): Promise<void> {
  await page.context().request.post(`${origin}/__test/login`, { data: { username: 'annv.thcsnd' } });
  await page.goto(`${origin}/v5/?open=nhap-diem&lop=6A1&mon=TOAN&${flags}`);
  const grid = flags.includes('frame=1')
    ? page.frameLocator('#ifrNhapDiem')
    : page.locator('.ux-desktop-active-win');
  await grid.locator('table.tablefix tbody tr').first().waitFor();
}

async function saveAndConfirm(): Promise<string> {
  await page.click(SAVE);
  const text = await page.locator('.x-message-box .x-window-text').innerText();
  await page.click('.x-message-box button');
  return text;
}

beforeAll(async () => {
  portals = await startPortals({ port: 0 });
  origin = new URL(portals.vnedu.url).origin;
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await portals?.stop();
});

beforeEach(async () => {
  await control('reset');
});

describe('vnEdu simulator in Chromium', () => {
  it('saves only values that reach the model: real typing or the native setter plus events', async () => {
    await openGrid('hk=2&poll=0');
    const [naive, eventsOnly, native, typed] = (await stored(2)).rows.map((row) => row.maHs);
    await page.$eval(cell(naive!), (input) => {
      input.value = '7';
    });
    await page.$eval(cell(eventsOnly!), (input) => {
      input.value = '6';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.$eval(cell(native!), (input) => {
      // The native setter, as EduLens fills cells: HTMLInputElement.prototype's, not the element's.
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set?.call(input, '8,5');
      for (const type of ['input', 'change', 'blur']) input.dispatchEvent(new Event(type, { bubbles: true }));
    });
    await page.fill(cell(typed!), '9');

    expect(await saveAndConfirm()).toBe('Lưu dữ liệu thành công! Đã cập nhật 2 ô.');
    const rows = (await stored(2)).rows;
    expect(rows.slice(0, 4).map((row) => row.values.tx1)).toEqual([undefined, undefined, '8.5', '9']);
    // The grid is drawn again from the model: the foreign writes are gone from the page too.
    expect(await page.inputValue(cell(naive!))).toBe('');
    expect(await page.getAttribute(cell(typed!), 'value0')).toBe('9');
    expect(await page.locator('.ux-desktop-active-win .x-window-header-text').innerText()).toBe(
      '[2025-2026] Sổ điểm',
    );

    const header = page.locator('table.tablefix thead tr');
    const groups = [
      'STT',
      'Mã HS',
      'Họ và tên',
      'Ngày sinh',
      'ĐĐGtx',
      'ĐĐGgk',
      'ĐĐGck',
      'ĐTBmhk',
      'TB cả năm',
      'Nhận xét',
      'SMS',
    ];
    expect(await header.nth(0).locator('td').allTextContents()).toEqual(groups);
    expect(await header.nth(0).locator('td', { hasText: 'ĐĐGtx' }).getAttribute('colspan')).toBe('4');
    expect(await header.nth(1).locator('td').allInnerTexts()).toEqual(['1', '2', '3', '4']);
  });

  it('turns click-to-edit spans into inputs, and locks cells with disabled inputs or none', async () => {
    await openGrid('hk=2&poll=0&edit=click');
    const first = (await stored(2)).rows[0]!;
    const span = `span.input_diem[data-name="${first.names.tx1}"]`;
    expect(await page.locator(cell(first.maHs)).count()).toBe(0);
    await page.click(span);
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    expect(await page.locator(span).innerText()).toBe('7');
    expect(await saveAndConfirm()).toContain('Đã cập nhật 1 ô.');
    expect((await stored(2)).rows[0]!.values.tx1).toBe('7');

    await control('lock', { hk: 2, lop: '6A1', mon: 'TOAN', columns: ['tx1'] });
    await page.reload();
    await page.waitForSelector('table.tablefix tbody tr');
    expect(await page.locator(`[data-name="${first.names.tx1}"]`).count()).toBe(0);
    const locked = page.locator(`tr[id="${first.maHs}"] td.allowedit1[data-cot="tx1"] input`);
    expect(await locked.isDisabled()).toBe(true);
    expect(await locked.inputValue()).toBe('7');

    await control('lock', { hk: 2, locked: true });
    await page.goto(`${origin}/v5/?open=nhap-diem&lop=6A1&mon=TOAN&hk=2&poll=0&locked=none`);
    await page.waitForSelector('table.tablefix tbody tr');
    expect(
      await page.locator('table.tablefix tbody :is(input:not(.input_diem_tbm), span.input_diem)').count(),
    ).toBe(0);
    expect(await page.locator(`tr[id="${first.maHs}"] td[data-cot="tx1"]`).innerText()).toBe('7');
    await page.click(SAVE);
    await page.waitForSelector('.x-message-box .x-message-box-error');
    expect(await page.locator('.x-message-box .x-window-text').innerText()).toContain('đã bị khóa');
  });

  it('loses typed values when the session has expired by the time "Lưu" is pressed', async () => {
    await openGrid('hk=2&poll=0');
    const code = (await stored(2)).rows[0]!.maHs;
    await page.fill(cell(code), '5');
    await control('expire-session');
    await page.click(SAVE);
    await page.waitForURL((url) => url.pathname === '/v5/login');
    expect(await page.locator('.login-info').innerText()).toContain('Phiên làm việc đã hết hạn');
    expect((await stored(2)).rows[0]!.values).toEqual({});

    await submitLoginForm();
    await page.waitForSelector('table.tablefix tbody tr');
    expect(await page.inputValue(cell(code))).toBe('');
  });

  it('re-fills typed cells from the server in the iframe variant', async () => {
    await openGrid('hk=1&poll=150&frame=1');
    const frame = page.frameLocator('#win_so_diem iframe#ifrNhapDiem');
    const row = (await stored(1)).rows.find((r) => r.values.tx1 !== undefined)!;
    await frame.locator(cell(row.maHs)).fill('1');
    await control('refill');
    await expect.poll(() => frame.locator(cell(row.maHs)).inputValue()).toBe(row.values.tx1);
  });

  it('loads a new grid fragment into the window when a toolbar combo changes', async () => {
    await openGrid('hk=1&poll=0');
    const pick = async (combo: string, value: string) => {
      await page.click(`.x-combo[data-combo="${combo}"] .x-form-trigger`);
      await page.click(`.x-boundlist-item[data-value="${value}"]`);
    };
    const heading = page.locator('.ux-desktop-active-win table.tieude');
    const url = page.url();
    await pick('khoi', '7');
    await expect.poll(() => heading.innerText()).toContain('Lớp: 7A1');
    await pick('hk', '2');
    await expect.poll(() => heading.innerText()).toContain('Môn học: Toán - Học kỳ 2');
    expect(page.url()).toBe(url);
    expect(await page.locator('label[for="win_so_diem-cbo-lop-inputEl"]').innerText()).toBe('Lớp:');
    expect(await page.inputValue('#win_so_diem-cbo-lop-inputEl')).toBe('7A1');
    expect(await page.inputValue('#win_so_diem_iHocKy')).toBe('2');
  });

  it('keeps only part of the class in the DOM when paged or virtually scrolled', async () => {
    const students = (await stored(1)).rows;
    const last = students.at(-1)!.maHs;
    await openGrid('hk=1&poll=0&paging=pages');
    expect(await page.locator('table.tablefix tbody tr[id]').count()).toBe(20);
    await page.click('.x-paging button:has-text("Trang sau")');
    expect(await page.locator('table.tablefix tbody tr[id]').first().getAttribute('id')).toBe(
      students[20]!.maHs,
    );

    await openGrid('hk=1&poll=0&paging=virtual');
    expect(await page.locator('table.tablefix tbody tr[id]').count()).toBeLessThan(students.length);
    expect(await page.locator(`tr[id="${last}"]`).count()).toBe(0);
    await page.locator('.x-scroller').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
    await page.waitForSelector(`tr[id="${last}"]`);
  });
});
