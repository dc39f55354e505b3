import ExcelJS from 'exceljs';
import { expect as pwExpect } from 'playwright/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cellInput,
  cellTd,
  confirmFill,
  type Harness,
  openGradeBook,
  overlay,
  pastePreview,
  pickFillFile,
  saveInPortal,
  screenshot,
  startHarness,
  type StoredBook,
  storedBook,
  WAIT,
} from './harness';

// The bulk-fill policy in the browser, each test reading what the simulator stored after "Lưu":
// never a score in the wrong student's row (a stranger who shares a classmate's given name, a file
// of another class with or without codes), a file of another subject or class held back, the right
// sheet of a workbook with several classes, doubtful rows unticked, overwrites counted apart, and a
// refused value still marked on its cell after the preview closes.

const BOOK = { lop: '6A1', mon: 'TOAN', hk: 1 } as const;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 180_000);

afterAll(async () => {
  await h?.cleanup();
});

beforeEach(async () => {
  await h.control('reset');
});

const ui = () => overlay(h.page);
const preview = () => ui().locator('[data-testid="bulkfill-preview"]');

/** A school's export: title rows naming class, subject and term, then the header and the rows. */
async function workbook(
  sheets: { name: string; titles: string[]; rows: (string | number)[][] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const { name, titles, rows } of sheets) {
    const sheet = wb.addWorksheet(name);
    for (const title of titles) sheet.addRow([title]);
    sheet.addRow([]);
    sheet.addRow(['STT', 'Mã HS', 'Họ và tên', 'ĐĐGtx 1', 'ĐĐGgk', 'ĐĐGck']);
    rows.forEach((row, i) => sheet.addRow([i + 1, ...row]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const titles = (lop: string, mon = 'TOÁN') => [
  'TRƯỜNG THCS NGUYỄN DU',
  `BẢNG ĐIỂM MÔN ${mon} – LỚP ${lop} – HỌC KỲ I – NĂM HỌC 2025-2026`,
];

function unique(book: StoredBook) {
  return book.rows.filter((row) => book.rows.filter((other) => other.hoTen === row.hoTen).length === 1);
}

describe('bulk fill policy', () => {
  it('never fills a stranger who shares a classmate’s given name, and lists that classmate as missing', async () => {
    const grid = await openGradeBook(h);
    const before = await storedBook(h, BOOK);
    const [a, b] = unique(before);
    const given = b!.hoTen.split(' ').at(-1)!;
    // Another family and middle name: only the given name in common with b.
    const stranger = `${b!.hoTen.startsWith('Lê') ? 'Võ' : 'Lê'} Khắc ${given}`;
    await pastePreview(
      h.page,
      [
        'Mã HS\tHọ và tên\tĐĐGtx 1',
        `${a!.maHs}\t${a!.hoTen}\t9`,
        `\t${stranger}\t3`, // no code, only the given name in common with b
      ].join('\r\n'),
    );
    await pwExpect(preview().locator('[data-status="unknown"]')).toHaveCount(1);
    await pwExpect(preview().locator('[data-testid="bulkfill-missing"]')).toContainText(b!.hoTen);
    await confirmFill(h.page);
    await ui().locator('[data-testid="bulkfill-undo"]').waitFor(WAIT);
    await saveInPortal(grid);
    const after = await storedBook(h, BOOK);
    const row = (code: string) => after.rows.find((r) => r.maHs === code)!;
    expect(row(a!.maHs).values.tx1).toBe('9');
    expect(row(b!.maHs).values.tx1 ?? '').toBe(b!.values.tx1 ?? '');
  });

  it('holds back a file of another class, with its codes: "Tệp ghi LỚP 6A2", no row matched by name', async () => {
    const grid = await openGradeBook(h);
    const before = await storedBook(h, BOOK);
    const other = await storedBook(h, { lop: '6A2', mon: 'TOAN', hk: 1 });
    const file = await workbook([
      {
        name: '6A2',
        titles: titles('6A2'),
        rows: other.rows.slice(0, 10).map((row) => [row.maHs, row.hoTen, 8, 8, 8]),
      },
    ]);
    await pickFillFile(h.page, 'diem-6A2.xlsx', file);
    await preview().waitFor(WAIT);
    await pwExpect(preview().locator('[data-testid="bulkfill-mismatch"]')).toContainText('LỚP 6A2');
    await pwExpect(preview().locator('[data-testid="bulkfill-mismatch"]')).toContainText('6A1');
    await pwExpect(preview().locator('[data-status="not-in-class"]')).toHaveCount(10);
    await pwExpect(preview().locator('[data-testid="bulkfill-confirm"]')).toBeDisabled();
    // Nothing stored would be overwritten: no such confirmation asked.
    await pwExpect(preview().locator('[data-testid="bulkfill-allow-overwrite"]')).toBeHidden();
    await screenshot(h.page, 'bulk-fill-wrong-class');
    await preview().locator('[data-testid="bulkfill-cancel"]').click();
    expect(await saveInPortal(grid)).toContain('Không có ô nào thay đổi');
    expect((await storedBook(h, BOOK)).rows).toEqual(before.rows);
  });

  it('holds back a file of another class without codes (most rows are nobody here) and one of another subject', async () => {
    const grid = await openGradeBook(h);
    const before = await storedBook(h, BOOK);
    const other = await storedBook(h, { lop: '6A2', mon: 'TOAN', hk: 1 });
    await pastePreview(
      h.page,
      ['Mã HS\tHọ và tên\tĐĐGtx 1', ...other.rows.slice(0, 12).map((row) => `\t${row.hoTen}\t7`)].join(
        '\r\n',
      ),
    );
    await pwExpect(preview().locator('[data-testid="bulkfill-mismatch"]')).toContainText(
      'không khớp học sinh nào',
    );
    await pwExpect(preview().locator('[data-testid="bulkfill-confirm"]')).toBeDisabled();
    await preview().locator('[data-testid="bulkfill-cancel"]').click();

    const mine = await storedBook(h, BOOK);
    const file = await workbook([
      {
        name: 'Tin học',
        titles: titles('6A1', 'TIN HỌC'),
        rows: mine.rows.slice(0, 5).map((row) => [row.maHs, row.hoTen, 9, 9, 9]),
      },
    ]);
    await pickFillFile(h.page, 'diem-tin-6A1.xlsx', file);
    await preview().waitFor(WAIT);
    const mismatch = preview().locator('[data-testid="bulkfill-mismatch"]');
    await pwExpect(mismatch).toContainText('TIN HỌC');
    // Only a confirmation that repeats the mismatch lets the teacher go on.
    await pwExpect(mismatch.locator('label')).toContainText('TIN HỌC');
    await pwExpect(preview().locator('[data-testid="bulkfill-confirm"]')).toBeDisabled();
    await preview().locator('[data-testid="bulkfill-accept-mismatch"]').check();
    await preview().locator('[data-testid="bulkfill-allow-overwrite"]').check();
    await pwExpect(preview().locator('[data-testid="bulkfill-confirm"]')).toBeEnabled();
    await preview().locator('[data-testid="bulkfill-cancel"]').click();
    expect(await saveInPortal(grid)).toContain('Không có ô nào thay đổi');
    expect((await storedBook(h, BOOK)).rows).toEqual(before.rows);
  });

  it('takes the sheet of this class from a workbook of several, fills sure rows, leaves doubtful ones unticked, counts overwrites and keeps refused values marked', async () => {
    const grid = await openGradeBook(h);
    const mine = await storedBook(h, BOOK);
    const other = await storedBook(h, { lop: '6A2', mon: 'TOAN', hk: 1 });
    const [a, b, c, d] = unique(mine);
    // d's family name with a typo and no code: a close spelling, doubtful, not filled unless ticked.
    const typo = d!.hoTen.replace(/^(\S)(\S)/, '$2$1');
    const file = await workbook([
      {
        name: 'Lớp 6A2',
        titles: titles('6A2'),
        rows: other.rows.slice(0, 3).map((r) => [r.maHs, r.hoTen, 1, 1, 1]),
      },
      {
        name: 'Lớp 6A1',
        titles: titles('6A1'),
        rows: [
          [a!.maHs, a!.hoTen, 9.5, 8, 7],
          [b!.maHs, b!.hoTen, 11, 6, 5], // 11: refused, stays marked
          ['', c!.hoTen, 4, 4, 4],
          ['', typo, 2, 2, 2],
        ],
      },
    ]);
    await pickFillFile(h.page, 'diem-khoi-6.xlsx', file);
    await preview().waitFor(WAIT);
    await pwExpect(preview()).toContainText('Lớp 6A1');
    await pwExpect(preview().locator('[data-testid="bulkfill-mismatch"]')).toHaveCount(0);
    const doubtful = preview().locator('tr.doubtful');
    await pwExpect(doubtful).toHaveCount(1);
    await pwExpect(doubtful).toHaveAttribute('data-doubts', 'close-spelling');
    await pwExpect(doubtful.locator('[data-testid="bulkfill-tick"]')).not.toBeChecked();
    // Overwrites of stored scores are counted apart and confirmed on their own.
    const stored = [a, b, c].flatMap((row) =>
      ['tx1', 'gk', 'ck'].filter((key) => (row!.values[key] ?? '') !== ''),
    );
    const overwrites = await confirmFill(h.page);
    expect(overwrites).toBeGreaterThan(0);
    expect(overwrites).toBeLessThanOrEqual(stored.length);
    await ui().locator('[data-testid="bulkfill-undo"]').waitFor(WAIT);

    // The refused 11 is still marked on b's cell, with the file's value, and listed as a problem.
    await pwExpect(cellTd(grid, b!.maHs, 'tx1')).toHaveAttribute('data-edulens-mark', /skipped/);
    await pwExpect(cellTd(grid, b!.maHs, 'tx1')).toHaveAttribute('data-edulens-msg', /Tệp ghi "11"/);
    await pwExpect(ui().locator('[data-testid="validate-problems"] li')).toContainText([/ĐĐGtx 1/]);
    await screenshot(h.page, 'bulk-fill-policy-done');

    expect(await saveInPortal(grid)).toMatch(/thành công/i);
    await pwExpect(ui().locator('[data-testid="bulkfill-result-text"]')).toContainText('Cổng đã lưu');
    await pwExpect(ui().locator('[data-testid="bulkfill-result-text"]')).not.toContainText('Nhớ bấm');
    const after = await storedBook(h, BOOK);
    const row = (code: string) => after.rows.find((r) => r.maHs === code)!;
    expect(row(a!.maHs).values).toMatchObject({ tx1: '9.5', gk: '8', ck: '7' });
    expect(row(b!.maHs).values).toMatchObject({ gk: '6', ck: '5' });
    expect(row(b!.maHs).values.tx1 ?? '').toBe(b!.values.tx1 ?? '');
    expect(row(c!.maHs).values).toMatchObject({ tx1: '4', gk: '4', ck: '4' });
    // The doubtful row was not ticked: d is as before.
    expect(row(d!.maHs).values).toEqual(d!.values);
    await pwExpect(cellInput(grid, a!.maHs, 'tx1')).toHaveValue('9.5');
  });
});
