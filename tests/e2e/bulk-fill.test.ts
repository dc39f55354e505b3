import { text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cellInput,
  confirmFill,
  type GradeFrame,
  type Harness,
  openGradeBook,
  overlay,
  pickFillFile,
  pressSave,
  saveInPortal,
  scoreFor,
  screenshot,
  shuffled,
  startHarness,
  storedBook,
  type StoredBook,
  waitSaved,
} from './harness';

// Bulk fill end to end: the built extension in Chromium against the vnEdu simulator. A whole
// class from an .xlsx (title rows, merged two-row header, TCVN3 names, shuffled rows, students
// without codes, one unknown student, a locked column) → preview → fill → "Lưu" accepted by the
// simulator; a block pasted onto the grid → fill → undo; a background refill after a fill caught
// before "Lưu" and re-applied.

const BOOK = { lop: '6A1', mon: 'TOAN', hk: 1 } as const;
const UNKNOWN = { code: '6399999999', name: 'Phan Thị Không Có' };

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
  scores: Record<string, number>;
}

/** What the homeroom teacher's workbook holds for the class, in file order. */
function classFile(view: StoredBook): FileRow[] {
  const keys = view.columns.map((column) => column.key);
  const nameCount = new Map<string, number>();
  for (const row of view.rows) nameCount.set(row.hoTen, (nameCount.get(row.hoTen) ?? 0) + 1);
  const rows = view.rows.map((row, i) => ({
    // Every fourth student with a unique name has no code: matched by name.
    code: i % 4 === 1 && nameCount.get(row.hoTen) === 1 ? '' : row.maHs,
    name: row.hoTen,
    scores: Object.fromEntries(keys.map((key, j) => [key, Number(scoreFor(i, j))])),
  }));
  const unknown = {
    code: UNKNOWN.code,
    name: UNKNOWN.name,
    scores: Object.fromEntries(keys.map((key) => [key, 7])),
  };
  return shuffled([...rows, unknown], 42);
}

/** An .xlsx as a school exports it: title rows, a merged two-row header, names in TCVN3. */
async function workbook(view: StoredBook, rows: readonly FileRow[]): Promise<Buffer> {
  const keys = view.columns.map((column) => column.key);
  const tx = keys.filter((key) => key.startsWith('tx'));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Nhập điểm vào trang "6A1"']);
  const sheet = wb.addWorksheet('6A1');
  const width = 3 + keys.length + 1;
  sheet.addRow(['TRƯỜNG THCS NGUYỄN DU']);
  sheet.addRow(['BẢNG ĐIỂM MÔN TOÁN – LỚP 6A1 – HỌC KỲ I – NĂM HỌC 2025-2026']);
  sheet.addRow([]);
  sheet.mergeCells(1, 1, 1, width);
  sheet.mergeCells(2, 1, 2, width);
  sheet.addRow([
    'STT',
    'Mã HS',
    'Họ và tên',
    'ĐĐGtx',
    ...tx.slice(1).map(() => null),
    'ĐĐGgk',
    'ĐĐGck',
    'ĐTBmhk',
  ]);
  sheet.addRow([null, null, null, ...tx.map((_, i) => i + 1), null, null, null]);
  for (const col of [1, 2, 3, 4 + tx.length, 5 + tx.length, 6 + tx.length]) sheet.mergeCells(4, col, 5, col);
  sheet.mergeCells(4, 4, 4, 3 + tx.length);
  rows.forEach((row, i) => {
    const values = keys.map((key, j) => {
      const score = row.scores[key]!;
      // Some cells typed as text with a decimal comma, as Vietnamese Excel shows them.
      return j === 1 && !Number.isInteger(score) ? String(score).replace('.', ',') : score;
    });
    sheet.addRow([i + 1, row.code, text.encodeTcvn3(row.name), ...values, null]);
  });
  sheet.addRow([]);
  sheet.addRow([null, null, 'Người lập biểu']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const dialog = (page: Page) => overlay(page).locator('[data-testid="bulkfill-preview"]');

async function inputValues(grid: GradeFrame, code: string, keys: readonly string[]): Promise<string[]> {
  return Promise.all(keys.map((key) => cellInput(grid, code, key).inputValue()));
}

describe('bulk fill', () => {
  it('fills a whole class from an .xlsx, reports the unknown student, leaves locked cells alone, and "Lưu" stores it', async () => {
    await h.control('lock', { hk: 1, lop: BOOK.lop, mon: BOOK.mon, columns: ['tx1'] });
    const before = await storedBook(h, BOOK);
    const file = classFile(before);
    const grid = await openGradeBook(h);
    const page = h.page;

    await pickFillFile(page, 'bang-diem-6A1.xlsx', await workbook(before, file));
    await dialog(page).waitFor();
    const rows = dialog(page).locator('[data-testid="bulkfill-row"]');
    expect(await rows.count()).toBe(file.length);
    // The student of another class (a code not in this one) is reported, first, and matched to nobody.
    const unknown = dialog(page).locator('[data-status="not-in-class"]');
    await expect.poll(() => unknown.count()).toBe(1);
    expect(await unknown.textContent()).toContain(UNKNOWN.name);
    // Students with a code by code; the others by their (TCVN3-repaired) name.
    const methods = await rows.evaluateAll((trs) =>
      trs.map((tr) => [(tr as HTMLElement).dataset.key ?? '', (tr as HTMLElement).dataset.method ?? '']),
    );
    for (const row of file.filter((r) => r.code !== UNKNOWN.code)) {
      const code = row.code || before.rows.find((r) => r.hoTen === row.name)!.maHs;
      expect(methods).toContainEqual([code, row.code ? 'code' : 'exact']);
    }
    expect(await dialog(page).locator('[data-reason="locked"]').count()).toBeGreaterThan(0);
    expect(await dialog(page).textContent()).toContain('TCVN3');
    await screenshot(page, 'bulk-fill-preview');

    await confirmFill(page);
    await overlay(page).locator('[data-testid="bulkfill-result-text"]').waitFor();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await overlay(page).locator('[data-testid="bulkfill-result-text"]').textContent()).toMatch(
      /1 dòng không có học sinh/,
    );
    await screenshot(page, 'bulk-fill-done');

    // Locked cells (td.allowedit1, disabled input): untouched, same value as before.
    const lockedTexts = await grid
      .locator('table.tablefix td.allowedit1[data-cot="tx1"] input')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(lockedTexts).toHaveLength(before.rows.length);
    expect(lockedTexts).toEqual(before.rows.map((row) => row.values.tx1 ?? ''));

    await saveInPortal(grid);
    const after = await storedBook(h, BOOK);
    for (const row of file) {
      if (row.code === UNKNOWN.code) continue;
      const stored = after.rows.find(
        (r) => r.hoTen === row.name && (row.code === '' || r.maHs === row.code),
      )!;
      const original = before.rows.find((r) => r.maHs === stored.maHs)!;
      for (const [key, score] of Object.entries(row.scores)) {
        if (key === 'tx1') expect(stored.values.tx1 ?? '').toBe(original.values.tx1 ?? '');
        else expect(Number(stored.values[key]), `${stored.maHs} ${key}`).toBe(score);
      }
    }
    expect(after.rows.some((row) => row.maHs === UNKNOWN.code)).toBe(false);
  });

  it('fills a block pasted onto the grid, and undo puts every value back', async () => {
    const before = await storedBook(h, BOOK);
    const grid = await openGradeBook(h);
    const page = h.page;
    const deaccent = (name: string) => text.deaccentKey(name).replace(/\b\w/g, (c) => c.toUpperCase());
    const sameName = (name: string) => before.rows.filter((r) => deaccent(r.hoTen) === deaccent(name)).length;
    const picked = before.rows.filter((row) => sameName(row.hoTen) === 1).slice(0, 5);
    // The class has two students of the same name: a row naming them without a code is not guessed.
    const twin = before.rows.find((row) => sameName(row.hoTen) > 1)!;
    const keys = ['tx1', 'tx2', 'gk', 'ck'];
    const lines = [
      ['Mã HS', 'Họ và tên', 'ĐĐGtx 1', 'ĐĐGtx 2', 'ĐĐGgk', 'ĐĐGck'].join('\t'),
      ...picked.map((row, i) =>
        [
          i < 2 ? '' : row.maHs,
          i < 2 ? deaccent(row.hoTen) : row.hoTen,
          '8,5',
          '9',
          i === 4 ? '11' : '7',
          '6,5',
        ].join('\t'),
      ),
      ['', twin.hoTen, '1', '1', '1', '1'].join('\t'),
    ];
    const originals = await Promise.all(picked.map((row) => inputValues(grid, row.maHs, keys)));

    await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
    await page.evaluate((tsv) => navigator.clipboard.writeText(tsv), `${lines.join('\r\n')}\r\n`);
    await cellInput(grid, picked[0]!.maHs, 'tx1').click();
    await page.keyboard.press('Control+V');
    await dialog(page).waitFor();
    const methods = await dialog(page)
      .locator('[data-testid="bulkfill-row"]')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.method));
    expect(methods.sort()).toEqual(['code', 'code', 'code', 'deaccent', 'deaccent', 'exact']);
    expect(await dialog(page).locator('[data-status="ambiguous"]').textContent()).toContain(twin.maHs);
    expect(await dialog(page).locator('[data-reason="invalid"]').count()).toBe(1);
    await confirmFill(page);
    await overlay(page).locator('[data-testid="bulkfill-undo"]').waitFor();

    for (const [i, row] of picked.entries()) {
      expect(await inputValues(grid, row.maHs, keys)).toEqual([
        '8.5',
        '9',
        i === 4 ? originals[i]![2] : '7',
        '6.5',
      ]);
    }
    // Validation re-ran over the filled cells: no problem left behind by them; the one value of the
    // block the rulepack refused is listed, with what the block said, until typed over.
    const problems = overlay(page).locator('[data-testid="validate-problems"] li');
    expect(await problems.count()).toBe(1);
    expect(await problems.textContent()).toContain('Tệp ghi');

    await overlay(page).locator('[data-testid="bulkfill-undo"]').click();
    await expect
      .poll(() => overlay(page).locator('[data-testid="bulkfill-result-text"]').textContent())
      .toMatch(/hoàn tác/i);
    for (const [i, row] of picked.entries())
      expect(await inputValues(grid, row.maHs, keys)).toEqual(originals[i]);
    // The page's own model is back too: saving now stores the old values.
    await saveInPortal(grid);
    const after = await storedBook(h, BOOK);
    for (const row of picked) expect(after.rows.find((r) => r.maHs === row.maHs)!.values).toEqual(row.values);
  });

  it('catches a background refill of filled cells before "Lưu", holds the save, and re-applies', async () => {
    const before = await storedBook(h, BOOK);
    // Cells the server holds a value for: a refill writes those back over the filled ones.
    const targets = before.rows.filter((row) => row.values.tx1 && row.values.tx2).slice(0, 4);
    expect(targets.length).toBeGreaterThan(0);
    const grid = await openGradeBook(h, { poll: 150 });
    const page = h.page;
    const filled = (value: string) => (value === '10' ? '9' : '10');
    const tsv = [
      'Mã HS\tHọ và tên\tĐĐGtx 1\tĐĐGtx 2',
      ...targets.map(
        (row) => `${row.maHs}\t${row.hoTen}\t${filled(row.values.tx1!)}\t${filled(row.values.tx2!)}`,
      ),
    ].join('\n');
    await overlay(page).locator('[data-testid="bulkfill-paste"]').fill(tsv);
    await overlay(page).locator('[data-testid="bulkfill-preview-paste"]').click();
    await confirmFill(page);
    await overlay(page).locator('[data-testid="bulkfill-undo"]').waitFor();
    const first = targets[0]!;
    expect(await cellInput(grid, first.maHs, 'tx1').inputValue()).toBe(filled(first.values.tx1!));

    await h.control('refill');
    await expect
      .poll(() => cellInput(grid, first.maHs, 'tx1').inputValue(), { timeout: 5000 })
      .toBe(first.values.tx1);
    await pressSave(grid);
    const recheck = overlay(page).locator('[data-testid="bulkfill-recheck"]');
    await recheck.waitFor();
    expect(await recheck.locator('li').count()).toBe(targets.length * 2);
    await screenshot(page, 'bulk-fill-recheck');
    // The save is held: nothing reached the server.
    expect(await page.locator('.x-message-box').count()).toBe(0);
    expect((await storedBook(h, BOOK)).rows.find((r) => r.maHs === first.maHs)!.values).toEqual(first.values);

    await recheck.locator('[data-testid="bulkfill-reapply"]').click();
    await waitSaved(grid);
    const after = await storedBook(h, BOOK);
    for (const row of targets) {
      const stored = after.rows.find((r) => r.maHs === row.maHs)!.values;
      expect([stored.tx1, stored.tx2]).toEqual([filled(row.values.tx1!), filled(row.values.tx2!)]);
    }
  });
});
