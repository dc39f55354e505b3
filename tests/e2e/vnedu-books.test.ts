import type { Page } from 'playwright';
import { expect as pwExpect } from 'playwright/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PageState } from '@edulens/shared/page';
import {
  cellInput,
  cellTd,
  confirmFill,
  type GradeFrame,
  type Harness,
  messageBox,
  openGradeBook,
  overlay,
  pastePreview,
  pressSave,
  rowCodes,
  saveInPortal,
  screenshot,
  setExtensionClock,
  startHarness,
  storedBook,
  WAIT,
} from './harness';

// The two books a school keeps, on the simulator rebuilt from pages saved from the live portal
// (quirks mode, several ExtJS windows, the context in hidden fields / heading / window title, the
// header as td cells, value0 and last-editor titles on every field, locked cells as disabled
// inputs): the primary book by period (TT27 cuối năm: comments, KT, XL, retake columns) and the
// secondary book (TT22). EduLens must read and write them as it reads its own simulator.

const PRIMARY_TEACHER = 'nhunglth.thtqt';
const PRIMARY_SCHOOL = 'thtqt';
/** End of year: semester II is open, its lock (01/06/2026) not yet reached. */
const END_OF_YEAR = '2026-05-20T08:00:00+07:00';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 120_000);

afterAll(async () => {
  await h?.cleanup();
});

beforeEach(async () => {
  await h.control('reset');
  await h.control('clock', { now: END_OF_YEAR });
  await setExtensionClock(h, END_OF_YEAR);
});

/** What the content script says of the page (the popup's and side panel's view of it). */
async function pageState(page: Page): Promise<PageState> {
  const url = page.url();
  return h.serviceWorker.evaluate(async (wanted) => {
    const [tab] = (await chrome.tabs.query({})).filter((t) => t.url === wanted);
    const reply = (await chrome.tabs.sendMessage(
      tab!.id!,
      { edulens: 1, type: 'page.state', payload: {} },
      { frameId: 0 },
    )) as { ok: boolean; value: unknown };
    return reply.value;
  }, url) as Promise<PageState>;
}

/** Full names as the page prints them on each row's SMS icon (`ho_ten`), by student code. */
async function namesOnPage(grid: GradeFrame): Promise<Record<string, string>> {
  const pairs = await grid
    .locator('.ux-desktop-active-win table.tablefix tbody tr[id] [ho_ten]')
    .evaluateAll((icons) =>
      icons.map((icon) => [icon.closest('tr')!.id, icon.getAttribute('ho_ten') ?? ''] as const),
    );
  return Object.fromEntries(pairs);
}

/** Sets a field as a script or a paste does (past the browser's own maxlength), with its events. */
async function setField(grid: GradeFrame, code: string, key: string, value: string): Promise<void> {
  await cellInput(grid, code, key).evaluate((field, text) => {
    const proto = Object.getPrototypeOf(field) as object;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

const ui = () => overlay(h.page);
const errorMark = /\berror\b/;

async function openPrimaryBook(options: { prefilled: boolean }): Promise<GradeFrame> {
  // Part of the book saved three days ago by the class teacher: value0 and titles on those cells.
  if (options.prefilled)
    await h.control('fill', {
      school: PRIMARY_SCHOOL,
      lop: '2D',
      mon: 'TV',
      muc: 'ck2',
      fraction: 0.5,
      columns: ['nx', 'xl'],
      at: END_OF_YEAR,
    });
  return openGradeBook(h, {
    username: PRIMARY_TEACHER,
    lop: '2D',
    mon: 'TV',
    hk: 2,
    muc: 'ck2',
    behind: ['so-nhan-xet'],
  });
}

describe('TT27 book: Tiếng Việt 2D, cuối năm, behind it another book', () => {
  it('is read whole: quirks mode, the front window, every student by code with the whole name, the context', async () => {
    const grid = await openPrimaryBook({ prefilled: true });
    expect(await h.page.evaluate(() => document.compatMode)).toBe('BackCompat');
    await pwExpect(h.page.locator('.x-window.book-window')).toHaveCount(2);

    const state = await pageState(h.page);
    expect(state.pageKind).toBe('grade-grid');
    expect(state.context).toMatchObject({
      schoolYear: '2025-2026',
      grade: '2',
      class: '2D',
      subject: 'Tiếng Việt',
      term: '2',
      period: 'ck2',
    });
    const codes = await rowCodes(grid);
    expect(codes).toHaveLength(38);
    const names = await namesOnPage(grid);
    expect(Object.keys(state.rowNames).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(state.rowNames[code]).toBe(names[code]);
    expect(Object.values(state.rowNames).every((name) => name.includes(' '))).toBe(true);
  });

  it('marks "11" in a KT cell, "X" in an XL cell and a 501-character comment; counts a comment as it is typed', async () => {
    const grid = await openPrimaryBook({ prefilled: true });
    const [first, second, third] = await rowCodes(grid);
    await cellInput(grid, first!, 'kt').fill('11');
    await cellInput(grid, second!, 'xl').fill('X');
    await setField(grid, third!, 'nx', 'Em chăm ngoan. '.repeat(33) + 'abcdef'); // 501 characters

    await pwExpect(cellTd(grid, first!, 'kt')).toHaveAttribute('data-edulens-mark', errorMark);
    await pwExpect(cellTd(grid, first!, 'kt')).toHaveAttribute('data-edulens-msg', /1 đến 10|0 đến 10/);
    await pwExpect(cellTd(grid, second!, 'xl')).toHaveAttribute('data-edulens-mark', errorMark);
    await pwExpect(cellTd(grid, second!, 'xl')).toHaveAttribute('data-edulens-msg', /T, H hoặc C/);
    await pwExpect(cellTd(grid, third!, 'nx')).toHaveAttribute('data-edulens-mark', errorMark);
    await pwExpect(cellTd(grid, third!, 'nx')).toHaveAttribute('data-edulens-msg', /501 ký tự/);
    await pwExpect(ui().locator('[data-testid="validate-problems"] li')).toHaveCount(3);

    // The comment's live count while it has the focus.
    await cellInput(grid, first!, 'nx').click();
    await h.page.keyboard.press('ControlOrMeta+A');
    await h.page.keyboard.type('Em đọc to');
    await pwExpect(cellTd(grid, first!, 'nx')).toHaveAttribute('data-edulens-badge', '9/500');

    // "Lưu" with the over-long comment is held back before the portal cuts it.
    await pressSave(grid);
    await pwExpect(ui().locator('[data-testid="comment-over"]')).toBeVisible();
    await pwExpect(ui().locator('[data-testid="comment-over"]')).toContainText('501/500');
    await pwExpect(messageBox(grid)).toHaveCount(0);
    await screenshot(h.page, 'tt27-validate');
  });

  it('fills a pasted block by code and by name into comments, KT and XL; the retake cell is listed as locked, never written; "Lưu" clears the unsaved badge', async () => {
    const grid = await openPrimaryBook({ prefilled: false });
    const before = await storedBook(h, { school: PRIMARY_SCHOOL, lop: '2D', mon: 'TV', hk: 2, muc: 'ck2' });
    const [a, b, c] = before.rows;
    const names = await namesOnPage(grid);
    const long = 'x'.repeat(501);
    const block = [
      'Mã HS\tHọ và tên\tNhận xét cuối kỳ\tKT CN\tXL CN\tKT CN(Sau thi lại)',
      `${a!.maHs}\t${names[a!.maHs]}\tEm đọc trôi chảy, viết đúng chính tả.\t9\tt\t7`,
      // No code: matched by name, written without tones as a teacher might.
      `\t${names[b!.maHs]!.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')}\tEm cần luyện viết chữ hoa.\t6\tH\t`,
      `${c!.maHs}\t${names[c!.maHs]}\t${long}\t8\tC\t`,
    ].join('\r\n');
    await pastePreview(h.page, block);
    const preview = ui().locator('[data-testid="bulkfill-preview"]');
    await pwExpect(preview.locator('[data-reason="locked"]')).toHaveCount(1);
    await pwExpect(preview.locator('[data-reason="locked"]')).toContainText('KT CN(Sau thi lại)');
    await pwExpect(preview.locator('[data-reason="invalid"]')).toContainText('501');
    // a: comment, KT, XL; b (by name): comment, KT, XL; c: KT, XL (its comment is refused).
    await pwExpect(ui().locator('[data-testid="bulkfill-confirm"]')).toContainText('8');
    await confirmFill(h.page);
    await ui().locator('[data-testid="bulkfill-undo"]').waitFor(WAIT);

    await pwExpect(cellInput(grid, a!.maHs, 'nx')).toHaveValue('Em đọc trôi chảy, viết đúng chính tả.');
    await pwExpect(cellInput(grid, a!.maHs, 'kt')).toHaveValue('9');
    await pwExpect(cellInput(grid, a!.maHs, 'xl')).toHaveValue('T');
    await pwExpect(cellInput(grid, b!.maHs, 'nx')).toHaveValue('Em cần luyện viết chữ hoa.');
    await pwExpect(cellInput(grid, b!.maHs, 'xl')).toHaveValue('H');
    await pwExpect(cellInput(grid, c!.maHs, 'kt')).toHaveValue('8');
    await pwExpect(cellInput(grid, c!.maHs, 'xl')).toHaveValue('C');
    await pwExpect(cellInput(grid, c!.maHs, 'nx')).not.toHaveValue(long);
    // The retake column is disabled until the retake: never written.
    await pwExpect(cellInput(grid, a!.maHs, 'ktl')).toBeDisabled();
    await pwExpect(cellInput(grid, a!.maHs, 'ktl')).toHaveValue('');

    const badge = ui().locator('[data-testid="unsaved-badge"]');
    await pwExpect(badge).toHaveText('8 ô chưa lưu');
    await screenshot(h.page, 'tt27-bulk-fill');
    expect(await saveInPortal(grid)).toMatch(/thành công/i);
    await pwExpect(badge).toBeHidden();

    const after = await storedBook(h, { school: PRIMARY_SCHOOL, lop: '2D', mon: 'TV', hk: 2, muc: 'ck2' });
    const row = (code: string) => after.rows.find((r) => r.maHs === code)!;
    expect(row(a!.maHs).values).toMatchObject({
      kt: '9',
      xl: 'T',
      nx: 'Em đọc trôi chảy, viết đúng chính tả.',
    });
    expect(row(a!.maHs).values.ktl ?? '').toBe('');
    expect(row(b!.maHs).values).toMatchObject({ kt: '6', xl: 'H' });
    expect(row(c!.maHs).values.kt).toBe('8');
    expect(row(c!.maHs).values.nx ?? '').not.toBe(long);

    // Who changed this score: the last editor on hover, from the title the save wrote.
    await cellInput(grid, a!.maHs, 'kt').hover();
    await pwExpect(cellTd(grid, a!.maHs, 'kt')).toHaveAttribute(
      'data-edulens-msg',
      new RegExp(`Lưu lần cuối: ${PRIMARY_TEACHER} lúc \\d{2}:\\d{2}:\\d{2} 20/05/2026`),
    );
  });
});

describe('TT22 book: Toán 6A1, học kỳ I', () => {
  it('is read whole and its unsaved badge counts from value0', async () => {
    await h.control('clock', { now: '2025-11-20T08:00:00+07:00' });
    await setExtensionClock(h, '2025-11-20T08:00:00+07:00');
    const grid = await openGradeBook(h, { behind: ['so-nhan-xet'] });
    const state = await pageState(h.page);
    expect(state.context).toMatchObject({
      schoolYear: '2025-2026',
      grade: '6',
      class: '6A1',
      subject: 'Toán',
      term: '1',
    });
    const codes = await rowCodes(grid);
    const names = await namesOnPage(grid);
    expect(Object.keys(state.rowNames).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(state.rowNames[code]).toBe(names[code]);

    const [first, second, third] = codes;
    await cellInput(grid, first!, 'tx1').fill('11');
    await pwExpect(cellTd(grid, first!, 'tx1')).toHaveAttribute('data-edulens-mark', errorMark);
    await setField(grid, second!, 'nx', 'b'.repeat(501));
    await pwExpect(cellTd(grid, second!, 'nx')).toHaveAttribute('data-edulens-msg', /501 ký tự/);

    const badge = ui().locator('[data-testid="unsaved-badge"]');
    await pwExpect(badge).toHaveText('2 ô chưa lưu');
    // Typed back to what was saved: no longer unsaved.
    const saved = (await cellInput(grid, first!, 'tx1').getAttribute('value0')) ?? '';
    await cellInput(grid, first!, 'tx1').fill(saved);
    await setField(grid, second!, 'nx', (await cellInput(grid, second!, 'nx').getAttribute('value0')) ?? '');
    await pwExpect(badge).toBeHidden();
    await cellInput(grid, third!, 'gk').fill(saved === '9' ? '8' : '9');
    await pwExpect(badge).toHaveText('1 ô chưa lưu');

    // Leaving the page with an unsaved cell asks first.
    const dialog = h.page.waitForEvent('dialog', WAIT);
    void h.page.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.accept();
    h.page = await h.context.newPage();
  });

  it('fills scores and comments by code and by name, and "Lưu" stores them', async () => {
    await h.control('clock', { now: '2025-11-20T08:00:00+07:00' });
    await setExtensionClock(h, '2025-11-20T08:00:00+07:00');
    const grid = await openGradeBook(h);
    const book = await storedBook(h, { lop: '6A1', hk: 1 });
    const names = await namesOnPage(grid);
    const unique = (code: string) => Object.values(names).filter((n) => n === names[code]).length === 1;
    // b is filled by name alone: a name no classmate shares.
    const [a, b] = [book.rows[0]!, book.rows.find((row, i) => i > 0 && unique(row.maHs))!];
    const block = [
      'Mã HS\tHọ và tên\tĐĐGtx 1\tĐĐGgk\tĐĐGck\tNhận xét',
      `${a!.maHs}\t${names[a!.maHs]}\t7,5\t8\t9\tTiến bộ rõ ở học kỳ này.`,
      `\t${names[b!.maHs]}\t10\t6.5\t7\tCần cẩn thận hơn khi tính toán.`,
    ].join('\r\n');
    await pastePreview(h.page, block);
    await confirmFill(h.page);
    await ui().locator('[data-testid="bulkfill-undo"]').waitFor(WAIT);
    await pwExpect(cellInput(grid, a!.maHs, 'tx1')).toHaveValue('7.5');
    await pwExpect(cellInput(grid, a!.maHs, 'nx')).toHaveValue('Tiến bộ rõ ở học kỳ này.');
    await pwExpect(cellInput(grid, b!.maHs, 'gk')).toHaveValue('6.5');
    expect(await saveInPortal(grid)).toMatch(/thành công/i);
    await pwExpect(ui().locator('[data-testid="unsaved-badge"]')).toBeHidden();
    const after = await storedBook(h, { lop: '6A1', hk: 1 });
    const row = (code: string) => after.rows.find((r) => r.maHs === code)!;
    expect(row(a!.maHs).values).toMatchObject({
      tx1: '7.5',
      gk: '8',
      ck: '9',
      nx: 'Tiến bộ rõ ở học kỳ này.',
    });
    expect(row(b!.maHs).values).toMatchObject({ tx1: '10', gk: '6.5', ck: '7' });
  });
});

// The service worker's extension API, used inside evaluate().
declare const chrome: {
  tabs: {
    query(query: object): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};
