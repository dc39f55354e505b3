import { text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cellInput,
  confirmFill,
  draftField,
  expireAndLogIn,
  type GradeFrame,
  type Harness,
  openGradeBook,
  overlay,
  pickFillFile,
  pressSave,
  restoreOffered,
  rowCodes,
  saveInPortal,
  scoreFor,
  screenshot,
  shuffled,
  startHarness,
  storedBook,
  type StoredBook,
  unsavedDrafts,
  WAIT,
} from './harness';

// Bulk fill, undo and drafts on grids that hold only part of the class in the DOM — 20 rows a
// page with a pager (paging=pages), or the rows scrolled into view (paging=virtual) — with the
// built extension in Chromium against the vnEdu simulator. The simulator keeps every row in the
// page's model, draws one page of it, and "Lưu" posts the whole model, as vnEdu's ExtJS store does.

const CLASS = '8A1'; // 45 students
const UNKNOWN = { code: '6399999999', name: 'Phan Thị Không Có' };
/** The simulator's row height in virtual mode (client/grade-grid.js). */
const ROW_HEIGHT = 26;
const PAGE_SIZE = 20;

type Paging = 'pages' | 'virtual';

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

interface FileRow {
  code: string;
  name: string;
  scores: Record<string, string>;
}

/** Every student of the class in a shuffled order, every fourth one (with a unique name) without a code. */
function classFile(view: StoredBook, withUnknown: boolean): FileRow[] {
  const keys = view.columns.map((column) => column.key);
  const nameCount = new Map<string, number>();
  for (const row of view.rows) nameCount.set(row.hoTen, (nameCount.get(row.hoTen) ?? 0) + 1);
  const rows = view.rows.map((row, i) => ({
    code: i % 4 === 1 && nameCount.get(row.hoTen) === 1 ? '' : row.maHs,
    name: row.hoTen,
    scores: Object.fromEntries(keys.map((key, j) => [key, scoreFor(i, j, row.values[key])])),
  }));
  if (withUnknown) {
    rows.splice(23, 0, {
      code: UNKNOWN.code,
      name: UNKNOWN.name,
      scores: Object.fromEntries(keys.map((key) => [key, '7'])),
    });
  }
  return shuffled(rows, 11);
}

/** An .xlsx with a title row and a one-row header, names typed in TCVN3 as old school files have them. */
async function workbook(view: StoredBook, rows: readonly FileRow[]): Promise<Buffer> {
  const keys = view.columns.map((column) => column.key);
  const label = (key: string) =>
    key.startsWith('tx') ? `ĐĐGtx ${key.slice(2)}` : key === 'gk' ? 'ĐĐGgk' : 'ĐĐGck';
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(CLASS);
  sheet.addRow([`BẢNG ĐIỂM MÔN TOÁN – LỚP ${CLASS}`]);
  sheet.addRow(['STT', 'Mã HS', 'Họ và tên', ...keys.map(label)]);
  rows.forEach((row, i) =>
    sheet.addRow([
      i + 1,
      row.code,
      text.encodeTcvn3(row.name),
      ...keys.map((key) => Number(row.scores[key])),
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function pickFile(page: Page, view: StoredBook, rows: readonly FileRow[]): Promise<void> {
  await pickFillFile(page, `bang-diem-${CLASS}.xlsx`, await workbook(view, rows));
}

const preview = (page: Page) => overlay(page).locator('[data-testid="bulkfill-preview"]');
const resultText = (page: Page) => overlay(page).locator('[data-testid="bulkfill-result-text"]');
const waitingCount = async (page: Page) => Number(await resultText(page).getAttribute('data-waiting'));

/** Walks a partial grid screen by screen: the pager's pages, or the scroller a view at a time. */
function screens(page: Page, grid: GradeFrame, paging: Paging, codes: readonly string[]) {
  const scroller = grid.locator('.x-scroller');
  const pager = (which: 'prev' | 'next') => grid.locator(`.x-paging button.x-tbar-page-${which}`);
  const firstShown = async () => (await rowCodes(grid))[0];
  let index = 0;
  let top = 0;

  const scrollTo = async (y: number) => {
    top = y;
    await scroller.evaluate((element, to) => {
      element.scrollTop = to;
    }, y);
    // The row at the top of the view is drawn (the page draws a few more above and below).
    await grid
      .locator(`tr[id="${codes[Math.min(codes.length - 1, Math.floor(y / ROW_HEIGHT))]}"]`)
      .waitFor(WAIT);
  };

  /** A pager click: the portal draws a new grid, and EduLens mounts on it (typing before that goes unseen). */
  const turn = async (which: 'prev' | 'next') => {
    const mounted = await page.evaluateHandle(() => document.getElementById('edulens-overlay'));
    await pager(which).click();
    await page.waitForFunction(
      (old) => {
        const host = document.getElementById('edulens-overlay');
        return host !== null && host !== old && host.dataset.ready === '1';
      },
      mounted,
      WAIT,
    );
    await mounted.dispose();
  };

  return {
    async first(): Promise<void> {
      if (paging === 'virtual') return scrollTo(0);
      while (await pager('prev').isEnabled()) await turn('prev');
      await expect.poll(firstShown, WAIT).toBe(codes[0]);
      index = 0;
    },
    async next(): Promise<boolean> {
      if (paging === 'virtual') {
        const { clientHeight, scrollHeight } = await scroller.evaluate((element) => ({
          clientHeight: element.clientHeight,
          scrollHeight: element.scrollHeight,
        }));
        if (top + clientHeight >= scrollHeight) return false;
        await scrollTo(Math.min(scrollHeight - clientHeight, top + clientHeight - 3 * ROW_HEIGHT));
        return true;
      }
      if (!(await pager('next').isEnabled())) return false;
      await turn('next');
      index++;
      await expect.poll(firstShown, WAIT).toBe(codes[index * PAGE_SIZE]);
      return true;
    },
    /** Calls `visit` on each screen, from the first one on. */
    async each(visit: () => Promise<void>): Promise<void> {
      await this.first();
      do await visit();
      while (await this.next());
    },
  };
}

/** One drawn row as the teacher sees it: its inputs by column key, locked cells' texts, draft marks. */
interface ShownRow {
  code: string;
  inputs: Record<string, string>;
  locked: Record<string, string>;
  drafts: number;
}

/** The rows drawn now, read in one go (the machine is shared: few round trips keep the tests quick). */
async function shownRows(grid: GradeFrame, keys: readonly string[]): Promise<ShownRow[]> {
  return grid.locator('table.tablefix tbody tr[id]').evaluateAll(
    (trs, columns) =>
      trs.map((tr) => {
        const cells = columns.map((key) => tr.querySelector(`td[data-cot="${key}"]`));
        const byKey = (pick: (td: Element) => string | undefined) =>
          Object.fromEntries(
            cells.flatMap((td, i) => {
              const value = td ? pick(td) : undefined;
              return value === undefined ? [] : [[columns[i], value]];
            }),
          );
        return {
          code: tr.getAttribute('id') ?? '',
          inputs: byKey((td) =>
            td.classList.contains('allowedit') ? td.querySelector('input')?.value : undefined,
          ),
          locked: byKey((td) =>
            td.classList.contains('allowedit1') ? (td.querySelector('input')?.value ?? '') : undefined,
          ),
          drafts: tr.querySelectorAll('td[data-edulens-mark~="draft"]').length,
        };
      }),
    [...keys],
  );
}

/** Rows drawn now that `wrong` finds fault with, by code (polled until there are none). */
async function rowsWhere(grid: GradeFrame, keys: readonly string[], wrong: (row: ShownRow) => boolean) {
  return (await shownRows(grid, keys)).filter(wrong).map((row) => row.code);
}

describe.each<Paging>(['pages', 'virtual'])('paging=%s', (paging) => {
  it('fills a class of 45 from an .xlsx page by page, each student once, never a locked cell, and "Lưu" stores all', async () => {
    await h.control('lock', { hk: 1, lop: CLASS, mon: 'TOAN', columns: ['tx1'] });
    const before = await storedBook(h, { lop: CLASS, hk: 1 });
    expect(before.rows).toHaveLength(45);
    const keys = before.columns.map((column) => column.key);
    const fillable = keys.filter((key) => key !== 'tx1');
    const file = classFile(before, true);
    const expected = new Map(
      file.filter((row) => row.code !== UNKNOWN.code).map((row) => [row.name, row.scores]),
    );
    const scoresOf = (code: string) => expected.get(before.rows.find((row) => row.maHs === code)!.hoTen)!;
    const codes = before.rows.map((row) => row.maHs);
    const page = h.page;
    const grid = await openGradeBook(h, { lop: CLASS, paging });
    const walk = screens(page, grid, paging, codes);
    const firstScreen = await rowCodes(grid);
    expect(firstScreen.length).toBeLessThan(45);

    await pickFile(page, before, file);
    await preview(page).waitFor(WAIT);
    // The students not drawn wait for their rows; none is reported as unknown yet.
    const waitingAtFirst = 46 - firstScreen.length;
    await expect.poll(() => preview(page).locator('[data-status="pending"]').count()).toBe(waitingAtFirst);
    expect(await preview(page).locator('[data-status="unknown"]').count()).toBe(0);
    expect(await preview(page).locator('[data-status="matched"]').count()).toBe(firstScreen.length);
    const confirm = preview(page).locator('[data-testid="bulkfill-confirm"]');
    expect(await confirm.textContent()).toContain(`rồi ${waitingAtFirst} học sinh ở trang khác`);
    await screenshot(page, `paged-${paging}-preview`);
    await confirmFill(page);
    await expect
      .poll(() => resultText(page).textContent(), WAIT)
      .toContain(`Đã điền ${firstScreen.length}/46 học sinh`);
    expect(await resultText(page).textContent()).toContain(
      `${waitingAtFirst} học sinh ở trang khác — chuyển trang hoặc cuộn để điền tiếp`,
    );
    await screenshot(page, `paged-${paging}-filled-first`);

    // The teacher corrects a filled cell: paging away and back must not fill it again.
    const corrected = firstScreen[0]!;
    await cellInput(grid, corrected, 'gk').fill('2');

    // Every screen fills as it is drawn.
    const seen = new Set<string>();
    await walk.each(async () => {
      await expect
        .poll(() => rowsWhere(grid, keys, (row) => row.inputs.ck !== scoresOf(row.code).ck), WAIT)
        .toEqual([]);
      for (const code of await rowCodes(grid)) seen.add(code);
    });
    expect(seen.size).toBe(45);
    await expect.poll(() => waitingCount(page), WAIT).toBe(1);
    expect(await resultText(page).textContent()).toContain('Đã điền 45/46 học sinh');
    expect(await overlay(page).locator('[data-testid="bulkfill-waiting"]').textContent()).toContain(
      UNKNOWN.name,
    );

    // Once more through the class: every value in place, the correction kept, locked cells as they were.
    const wanted = (code: string) =>
      Object.fromEntries(
        fillable.map((key) => [key, code === corrected && key === 'gk' ? '2' : scoresOf(code)[key]]),
      );
    await walk.each(async () => {
      for (const row of await shownRows(grid, keys)) {
        expect(row.inputs, row.code).toEqual(wanted(row.code));
        const original = before.rows.find((r) => r.maHs === row.code)!.values.tx1 ?? '';
        expect(row.locked, row.code).toEqual({ tx1: original });
      }
    });

    await overlay(page).locator('[data-testid="bulkfill-stop-waiting"]').click();
    await expect
      .poll(() => resultText(page).textContent(), WAIT)
      .toContain('1 dòng không được điền vì đã thôi chờ');
    expect(await resultText(page).textContent()).toContain(`Đã điền ${45 * fillable.length} ô`);

    expect(await saveInPortal(grid)).toContain(`Đã cập nhật ${45 * fillable.length} ô`);
    const after = await storedBook(h, { lop: CLASS, hk: 1 });
    for (const row of after.rows) {
      const original = before.rows.find((r) => r.maHs === row.maHs)!;
      expect(row.values.tx1 ?? '', row.maHs).toBe(original.values.tx1 ?? '');
      for (const key of fillable) {
        const wanted = row.maHs === corrected && key === 'gk' ? '2' : scoresOf(row.maHs)[key];
        expect(Number(row.values[key]), `${row.maHs} ${key}`).toBe(Number(wanted));
      }
    }
    // Saved by the portal: none of it is a draft any more, on this page or the others.
    await expect.poll(async () => (await unsavedDrafts(h, CLASS, 1)).length, WAIT).toBe(0);
  });

  it('undoes a fill across pages, holds "Lưu" until every page is undone, and leaves no drafts behind', async () => {
    const before = await storedBook(h, { lop: CLASS, hk: 1 });
    const keys = before.columns.map((column) => column.key);
    const codes = before.rows.map((row) => row.maHs);
    const page = h.page;
    const grid = await openGradeBook(h, { lop: CLASS, paging });
    const walk = screens(page, grid, paging, codes);
    await pickFile(page, before, classFile(before, false));
    await confirmFill(page);
    await walk.each(async () => {
      await expect.poll(() => rowsWhere(grid, keys, (row) => row.inputs.ck === ''), WAIT).toEqual([]);
    });
    await expect.poll(() => waitingCount(page), WAIT).toBe(0);
    const cells = 45 * keys.length;
    expect(await resultText(page).textContent()).toContain(`Đã điền ${cells} ô`);
    // The fill made drafts of what it wrote.
    await expect.poll(async () => (await unsavedDrafts(h, CLASS, 1)).length, WAIT).toBe(cells);

    // Undo from the last screen: the cells drawn now go back at once, the others wait for their rows.
    await overlay(page).locator('[data-testid="bulkfill-undo"]').click();
    await expect.poll(() => resultText(page).textContent(), WAIT).toMatch(/ô ở trang khác sẽ được trả lại/);
    const [, restoredNow, waitingNow] =
      /Đã trả lại (\d+) ô; (\d+) ô/.exec((await resultText(page).textContent()) ?? '') ?? [];
    expect(Number(restoredNow) + Number(waitingNow)).toBe(cells);
    expect(Number(waitingNow)).toBeGreaterThan(0);

    // "Lưu" now would store the filled values of the other pages: it is held.
    await pressSave(grid);
    const held = overlay(page).locator('[data-testid="bulkfill-undo-waiting"]');
    await held.waitFor(WAIT);
    await screenshot(page, `paged-${paging}-undo-held`);
    expect(await page.locator('.x-message-box').count()).toBe(0);
    await held.locator('[data-testid="bulkfill-recheck-cancel"]').click();

    const original = (code: string) => {
      const { values } = before.rows.find((row) => row.maHs === code)!;
      return Object.fromEntries(keys.map((key) => [key, values[key] ?? '']));
    };
    await walk.each(async () => {
      // Back at the portal's values, and so not drafts.
      const wrong = (row: ShownRow) =>
        row.drafts > 0 || JSON.stringify(row.inputs) !== JSON.stringify(original(row.code));
      await expect.poll(() => rowsWhere(grid, keys, wrong), WAIT).toEqual([]);
    });
    await expect
      .poll(() => resultText(page).textContent(), WAIT)
      .toBe(`Đã hoàn tác: trả lại ${cells} ô như trước khi điền.`);
    await expect.poll(async () => (await unsavedDrafts(h, CLASS, 1)).length, WAIT).toBe(0);

    expect(await saveInPortal(grid)).toContain('Không có ô nào thay đổi');
    expect((await storedBook(h, { lop: CLASS, hk: 1 })).rows).toEqual(before.rows);
  });

  it('restores drafts typed on two pages after a session expiry, the rows off screen as they are drawn', async () => {
    // A book of its own: drafts stay in the browser from test to test.
    const lop = paging === 'pages' ? CLASS : '7A1';
    const before = await storedBook(h, { lop, hk: 2 });
    const keys = before.columns.map((column) => column.key);
    const codes = before.rows.map((row) => row.maHs);
    const page = h.page;
    const grid = await openGradeBook(h, { lop, hk: 2, paging });
    const walk = screens(page, grid, paging, codes);
    const typed = new Map<string, [code: string, key: string, value: string]>();
    const type = async (code: string, key: string, wanted: string) => {
      const input = cellInput(grid, code, key);
      // A value the portal already holds would be no draft.
      const value = (await input.inputValue()) === wanted ? '4.5' : wanted;
      await input.fill(value);
      typed.set(draftField(code, key), [code, key, value]);
    };
    await walk.first();
    const [, a, b] = await rowCodes(grid);
    await type(a!, 'tx1', '9.5');
    await type(b!, 'ck', '3.5');
    while (await walk.next());
    const last = await rowCodes(grid);
    await type(last.at(-1)!, 'tx1', '9.5');
    await type(last.at(-2)!, 'ck', '3.5');
    expect(last).not.toContain(a);
    await expect
      .poll(async () => (await unsavedDrafts(h, lop, 2)).map((draft) => draft.field).sort(), WAIT)
      .toEqual([...typed.keys()].sort());

    // The session dies; "Lưu" sends the window to the login page and the typing is gone.
    await expireAndLogIn(h, grid);
    const [firstCode, firstKey] = typed.values().next().value!;
    expect(await cellInput(grid, firstCode, firstKey).inputValue()).not.toBe('9.5');

    // Every draft of the book is offered, though half of them are on rows not drawn.
    expect(await restoreOffered(page)).toBe('Khôi phục 4 điểm chưa lưu');
    const note = overlay(page).locator('[data-edulens="drafts-note"]');
    await expect
      .poll(() => note.textContent(), WAIT)
      .toContain('Đã khôi phục 2 điểm; 2 điểm ở trang khác sẽ được khôi phục khi trang đó hiện ra');

    const notBack = (row: ShownRow) =>
      [...typed.values()].some(([code, key, value]) => code === row.code && row.inputs[key] !== value);
    await walk.each(async () => {
      await expect.poll(() => rowsWhere(grid, keys, notBack), WAIT).toEqual([]);
    });
    await expect.poll(() => note.textContent(), WAIT).toContain('Đã khôi phục 4 điểm.');

    expect(await saveInPortal(grid)).toContain('Đã cập nhật 4 ô');
    const after = await storedBook(h, { lop, hk: 2 });
    for (const [code, key, value] of typed.values())
      expect(after.rows.find((row) => row.maHs === code)!.values[key]).toBe(value);
    await expect.poll(async () => (await unsavedDrafts(h, lop, 2)).length, WAIT).toBe(0);
  });
});
