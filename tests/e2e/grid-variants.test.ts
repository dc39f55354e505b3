import ExcelJS from 'exceljs';
import type { Frame, Page } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  confirmFill,
  draftField,
  expireAndLogIn,
  type GradeBookOptions,
  type GradeFrame,
  type Harness,
  loginThroughForm,
  openGradeBook,
  overlay,
  pickFillFile,
  pressSave,
  restoreOffered,
  rowCodes,
  saveInPortal,
  scoreFor,
  startHarness,
  storedBook,
  type StoredBook,
  type StoredRow,
  TEACHER,
  typeScore,
  unsavedDrafts,
  WAIT,
} from './harness';

// Bulk fill and drafts on the other shapes of vnEdu's grade window, with the built extension in
// Chromium against the simulator: the grade page inside an <iframe> of its window (frame=1), and
// cells that are spans until clicked (edit=click). Then the moment after the portal draws a grid —
// a pager click, or a slow book arriving in a fresh iframe — before EduLens has mounted on it: what
// the teacher types then must still be a draft.

const PAGE_SIZE = 20;

interface Variant {
  name: string;
  options: GradeBookOptions;
  /** Classes of its own for the drafts tests: drafts stay in the browser from test to test. */
  classes: { drafts: string; paged: string };
}

const VARIANTS: Variant[] = [
  { name: 'frame=1', options: { frame: true }, classes: { drafts: '6A2', paged: '8A2' } },
  { name: 'edit=click', options: { edit: 'click' }, classes: { drafts: '7A2', paged: '9A1' } },
];

/** Cells typed by the test: student code, column key, value. */
type Typed = Array<[code: string, key: string, value: string]>;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.cleanup();
});

beforeEach(async () => {
  await h.control('reset');
  await h.control('config', { saveDelayMs: 50 });
});

/** A score for every student and column (every third student by name only), as an .xlsx. */
async function classWorkbook(
  view: StoredBook,
  lop: string,
): Promise<{ file: Buffer; scores: Map<string, Record<string, string>> }> {
  const keys = view.columns.map((column) => column.key);
  const label = (key: string) =>
    key.startsWith('tx') ? `ĐĐGtx ${key.slice(2)}` : key === 'gk' ? 'ĐĐGgk' : 'ĐĐGck';
  const names = view.rows.map((row) => row.hoTen);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(lop);
  sheet.addRow([`BẢNG ĐIỂM MÔN TOÁN – LỚP ${lop}`]);
  sheet.addRow(['STT', 'Mã HS', 'Họ và tên', ...keys.map(label)]);
  const scores = new Map<string, Record<string, string>>();
  view.rows.forEach((row, i) => {
    const values = Object.fromEntries(keys.map((key, j) => [key, scoreFor(i, j, row.values[key])]));
    scores.set(row.maHs, values);
    const byName = i % 3 === 1 && names.indexOf(row.hoTen) === names.lastIndexOf(row.hoTen);
    sheet.addRow([i + 1, byName ? '' : row.maHs, row.hoTen, ...keys.map((key) => Number(values[key]))]);
  });
  return { file: Buffer.from(await wb.xlsx.writeBuffer()), scores };
}

/** Every row drawn: each entry cell's value as the teacher sees it (input or span), and draft marks. */
async function shownRows(grid: GradeFrame, keys: readonly string[]) {
  return grid.locator('table.tablefix tbody tr[id]').evaluateAll(
    (trs, columns) =>
      trs.map((tr) => {
        const cells = columns.map((key) => tr.querySelector(`td[data-cot="${key}"]`));
        return {
          code: tr.getAttribute('id') ?? '',
          values: Object.fromEntries(
            cells.map((td, i) => [columns[i], td?.querySelector('input')?.value ?? td?.textContent?.trim()]),
          ) as Record<string, string>,
          drafts: tr.querySelectorAll('td[data-edulens-mark~="draft"]').length,
        };
      }),
    [...keys],
  );
}

/** A score to type: `wanted`, unless the portal holds it already (then it would be no draft). */
function typedScore(row: StoredRow, key: string, wanted: string): string {
  return Number(row.values[key]) === Number(wanted) ? '4.5' : wanted;
}

/** What a book should show: the values it held, with the typed ones over them. */
function withTyped(view: StoredBook, typed: Typed) {
  return (code: string) => ({
    ...view.rows.find((row) => row.maHs === code)!.values,
    ...Object.fromEntries(typed.filter(([c]) => c === code).map(([, key, value]) => [key, value])),
  });
}

const byField = (x: { field: string }, y: { field: string }) => x.field.localeCompare(y.field);

/** The drafts `typed` should have left, sorted like `bookDrafts`. */
function draftsOf(typed: Typed) {
  return typed.map(([code, key, value]) => ({ field: draftField(code, key), value })).sort(byField);
}

async function bookDrafts(lop: string) {
  return (await unsavedDrafts(h, lop, 1)).sort(byField);
}

/** Codes of the rows drawn whose cells do not show `wanted` (polled until there are none). */
async function rowsNotShowing(
  grid: GradeFrame,
  keys: readonly string[],
  wanted: (code: string) => Record<string, string>,
): Promise<string[]> {
  const rows = await shownRows(grid, keys);
  return rows.filter((row) => !sameScores(row.values, wanted(row.code), keys)).map((row) => row.code);
}

/** Same scores (as numbers; '' only equals ''). */
function sameScores(a: Record<string, string>, b: Record<string, string>, keys: readonly string[]): boolean {
  return keys.every((key) => (a[key] ?? '') === (b[key] ?? '') || Number(a[key]) === Number(b[key]));
}

const preview = (page: Page) => overlay(page).locator('[data-testid="bulkfill-preview"]');
const resultText = (page: Page) => overlay(page).locator('[data-testid="bulkfill-result-text"]');

async function fillFromFile(page: Page, lop: string, file: Buffer, students: number): Promise<void> {
  await pickFillFile(page, `bang-diem-${lop}.xlsx`, file);
  await preview(page).waitFor(WAIT);
  await expect.poll(() => preview(page).locator('[data-status="matched"]').count(), WAIT).toBe(students);
  await confirmFill(page);
  await expect.poll(() => preview(page).count(), WAIT).toBe(0);
}

describe.each(VARIANTS)('$name', ({ options, classes }) => {
  const lop = '6A1';

  it('fills every student from an .xlsx, and "Lưu" stores every value', async () => {
    const before = await storedBook(h, { lop, hk: 1 });
    const keys = before.columns.map((column) => column.key);
    const { file, scores } = await classWorkbook(before, lop);
    const page = h.page;
    const grid = await openGradeBook(h, { ...options, lop });

    await fillFromFile(page, lop, file, before.rows.length);
    const cells = before.rows.length * keys.length;
    await expect.poll(() => resultText(page).textContent(), WAIT).toContain(`Đã điền ${cells} ô`);
    await expect.poll(() => rowsNotShowing(grid, keys, (code) => scores.get(code)!), WAIT).toEqual([]);

    expect(await saveInPortal(grid)).toContain(`Đã cập nhật ${cells} ô`);
    const after = await storedBook(h, { lop, hk: 1 });
    for (const row of after.rows)
      expect(sameScores(row.values, scores.get(row.maHs)!, keys), row.maHs).toBe(true);
    // Saved by the portal: none of it is a draft any more.
    await expect.poll(async () => (await bookDrafts(lop)).length, WAIT).toBe(0);
  });

  it('undoes a fill: every cell and the page’s own model are back, and no draft is left', async () => {
    const before = await storedBook(h, { lop, hk: 1 });
    const keys = before.columns.map((column) => column.key);
    const { file, scores } = await classWorkbook(before, lop);
    const page = h.page;
    const grid = await openGradeBook(h, { ...options, lop });

    await fillFromFile(page, lop, file, before.rows.length);
    await expect.poll(() => rowsNotShowing(grid, keys, (code) => scores.get(code)!), WAIT).toEqual([]);
    await overlay(page).locator('[data-testid="bulkfill-undo"]').click();
    const cells = before.rows.length * keys.length;
    await expect
      .poll(() => resultText(page).textContent(), WAIT)
      .toBe(`Đã hoàn tác: trả lại ${cells} ô như trước khi điền.`);
    await expect.poll(() => rowsNotShowing(grid, keys, withTyped(before, [])), WAIT).toEqual([]);
    expect((await shownRows(grid, keys)).filter((row) => row.drafts > 0)).toEqual([]);
    await expect.poll(async () => (await bookDrafts(lop)).length, WAIT).toBe(0);

    expect(await saveInPortal(grid)).toContain('Không có ô nào thay đổi');
    expect((await storedBook(h, { lop, hk: 1 })).rows).toEqual(before.rows);
  });

  it('keeps typed scores as drafts through a session expiry, restores them, and "Lưu" stores them', async () => {
    const lop = classes.drafts;
    const before = await storedBook(h, { lop, hk: 1 });
    const keys = before.columns.map((column) => column.key);
    const page = h.page;
    const grid = await openGradeBook(h, { ...options, lop });
    const [a, b] = before.rows;
    const typed: Typed = [
      [a!.maHs, 'tx1', typedScore(a!, 'tx1', '9.5')],
      [a!.maHs, 'gk', typedScore(a!, 'gk', '7.5')],
      [b!.maHs, 'ck', typedScore(b!, 'ck', '8.5')],
    ];
    for (const [code, key, value] of typed) await typeScore(page, grid, code, key, value);
    await expect.poll(() => bookDrafts(lop), WAIT).toEqual(draftsOf(typed));
    expect((await shownRows(grid, keys)).slice(0, 2).map((row) => row.drafts)).toEqual([2, 1]);

    await expireAndLogIn(h, grid);
    // The typing is gone from the page…
    expect(await rowsNotShowing(grid, keys, withTyped(before, []))).toEqual([]);
    // …and comes back.
    expect(await restoreOffered(page)).toBe('Khôi phục 3 điểm chưa lưu');
    await expect.poll(() => rowsNotShowing(grid, keys, withTyped(before, typed)), WAIT).toEqual([]);

    expect(await saveInPortal(grid)).toContain('Đã cập nhật 3 ô');
    const after = await storedBook(h, { lop, hk: 1 });
    for (const row of after.rows) expect(row.values, row.maHs).toEqual(withTyped(before, typed)(row.maHs));
    await expect.poll(async () => (await bookDrafts(lop)).length, WAIT).toBe(0);
  });

  it('keeps what is typed right after a pager click, before EduLens mounts again', () =>
    typedRightAfterPagerClick(options, classes.paged));
});

describe('plain grid', () => {
  it('keeps what is typed right after a pager click, before EduLens mounts again', () =>
    typedRightAfterPagerClick({}, '8A1'));
});

describe('frame=1, the grid drawn long after its iframe loaded', () => {
  it('keeps what is typed as soon as the grid shows after a new login', async () => {
    const lop = '9A2';
    const before = await storedBook(h, { lop, hk: 1 });
    const page = h.page;
    const grid = await openGradeBook(h, { frame: true, lop });
    const [a, b] = before.rows;
    const typed: Typed = [
      [a!.maHs, 'gk', typedScore(a!, 'gk', '5.5')],
      [b!.maHs, 'tx1', typedScore(b!, 'tx1', '7.5')],
    ];
    // A slow portal: the book arrives a second after the window's iframe has loaded.
    const gridLoad = (url: URL) => url.search === '?load=edu.so_diem.nhap';
    await page.route(gridLoad, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    try {
      await h.control('expire-session', { username: TEACHER });
      await pressSave(grid);
      await loginThroughForm(page);
      const frame = await gridDocument(page, { frame: true });
      await frame.waitForURL(/nhap-diem/, WAIT);
      expect(await typeRightAfterDrawing(page, frame, undefined, typed)).toBe(true);
    } finally {
      await page.unroute(gridLoad);
    }
    await expect.poll(() => bookDrafts(lop), WAIT).toEqual(draftsOf(typed));
    const keys = before.columns.map((column) => column.key);
    expect((await shownRows(grid, keys)).slice(0, 2).map((row) => row.drafts)).toEqual([1, 1]);
    expect(await saveInPortal(grid)).toContain('Đã cập nhật 2 ô');
    const after = await storedBook(h, { lop, hk: 1 });
    for (const row of after.rows) expect(row.values, row.maHs).toEqual(withTyped(before, typed)(row.maHs));
  });
});

// ---------------------------------------------------------------------------------------------
// The moment after a re-draw

/** The frame whose document holds the grid: the page, or the window's iframe. */
async function gridDocument(page: Page, options: GradeBookOptions): Promise<Frame> {
  if (!options.frame) return page.mainFrame();
  const frame = await (await page.locator('iframe#ifrNhapDiem').elementHandle(WAIT))?.contentFrame();
  if (!frame) throw new Error('the grade window has no iframe');
  return frame;
}

/**
 * The portal draws rows — after a pager click, or a grid still loading — and the teacher's keystrokes
 * come in the very next task, before EduLens has mounted on them. Resolves once EduLens has mounted;
 * returns whether the typing was indeed done before that.
 */
async function typeRightAfterDrawing(
  page: Page,
  frame: Frame,
  pager: 'prev' | 'next' | undefined,
  cells: Typed,
): Promise<boolean> {
  const old = await page.evaluateHandle(() => document.getElementById('edulens-overlay'));
  const typedEarly = await frame.evaluate(
    async ([button, cells]) => {
      const overlayNow = () => window.top!.document.getElementById('edulens-overlay');
      const mounted = overlayNow();
      if (button) document.querySelector<HTMLButtonElement>(`.x-paging .x-tbar-page-${button}`)!.click();
      await new Promise<void>((resolve) => {
        const drawn = () => document.querySelector('table.tablefix tbody tr') !== null;
        if (drawn()) return resolve();
        const observer = new MutationObserver(() => {
          if (!drawn()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      // Typed in the same task as the drawing: no timer of EduLens (its scan, its fallback) can
      // mount in between, whatever the machine's load.
      for (const [code, key, value] of cells) {
        const row = `table.tablefix tr[id="${code}"]`;
        const target = document.querySelector<HTMLElement>(
          `${row} input[c="${key}"], ${row} span[data-name*="_${key}_"]`,
        )!;
        target.click(); // a click-to-edit span turns into a focused input
        const input = (target.tagName === 'INPUT' ? target : document.activeElement) as HTMLInputElement;
        input.focus();
        input.select();
        document.execCommand('insertText', false, value);
        input.blur();
      }
      return overlayNow() === mounted;
    },
    [pager, cells] as const,
  );
  await page.waitForFunction(
    (previous) => {
      const host = document.getElementById('edulens-overlay');
      return host !== null && host !== previous && host.dataset.ready === '1';
    },
    old,
    WAIT,
  );
  await old.dispose();
  return typedEarly;
}

/**
 * paging=pages: scores typed on the second page as it is first drawn and on the first page drawn
 * again, each before EduLens mounted on the new rows, are drafts; one typed back to what the portal
 * holds is not. They survive a session expiry, are restored page by page, and "Lưu" stores them.
 */
async function typedRightAfterPagerClick(options: GradeBookOptions, lop: string): Promise<void> {
  const before = await storedBook(h, { lop, hk: 1 });
  const keys = before.columns.map((column) => column.key);
  const page = h.page;
  const grid = await openGradeBook(h, { ...options, lop, paging: 'pages' });
  const [a, b] = before.rows;
  const c = before.rows[PAGE_SIZE]!;
  // A score the portal holds on the second page, to be typed back.
  const d = before.rows.slice(PAGE_SIZE + 1).find((row) => row.values.gk);
  if (!d) throw new Error(`${lop} has no ĐĐGgk on its second page`);
  const onFirst: Typed = [
    [a!.maHs, 'tx1', typedScore(a!, 'tx1', '9.5')],
    [b!.maHs, 'ck', typedScore(b!, 'ck', '3.5')],
  ];
  const onSecond: Typed = [
    [c.maHs, 'tx2', typedScore(c, 'tx2', '8.5')],
    [d.maHs, 'gk', typedScore(d, 'gk', '6.5')],
  ];

  const frame = await gridDocument(page, options);
  expect(await typeRightAfterDrawing(page, frame, 'next', onSecond)).toBe(true);
  expect((await rowCodes(grid))[0]).toBe(c.maHs);
  await typeScore(page, grid, d.maHs, 'gk', d.values.gk!);
  expect(await typeRightAfterDrawing(page, frame, 'prev', onFirst)).toBe(true);
  expect((await rowCodes(grid))[0]).toBe(a!.maHs);
  const typed = [...onFirst, onSecond[0]!];
  await expect.poll(() => bookDrafts(lop), WAIT).toEqual(draftsOf(typed));
  expect((await shownRows(grid, keys)).slice(0, 2).map((row) => row.drafts)).toEqual([1, 1]);

  await expireAndLogIn(h, grid);
  expect(await restoreOffered(page)).toBe('Khôi phục 3 điểm chưa lưu');
  const wanted = withTyped(before, typed);
  await expect.poll(() => rowsNotShowing(grid, keys, wanted), WAIT).toEqual([]);
  await grid.locator('.x-paging .x-tbar-page-next').click();
  await expect.poll(async () => (await rowCodes(grid))[0], WAIT).toBe(c.maHs);
  await expect.poll(() => rowsNotShowing(grid, keys, wanted), WAIT).toEqual([]);

  expect(await saveInPortal(grid)).toContain('Đã cập nhật 3 ô');
  const after = await storedBook(h, { lop, hk: 1 });
  for (const row of after.rows) expect(row.values, row.maHs).toEqual(wanted(row.maHs));
  await expect.poll(async () => (await bookDrafts(lop)).length, WAIT).toBe(0);
}
