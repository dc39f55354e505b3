import ExcelJS from 'exceljs';
import type { Page } from 'playwright';
import { expect as pwExpect } from 'playwright/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  confirmFill,
  type Harness,
  overlay,
  pickFillFile,
  postJson,
  restoreOffered,
  scoreFor,
  screenshot,
  startHarness,
  storedDrafts,
  WAIT,
  waitForOverlay,
} from './harness';

// SMAS of the current generation (a single-page app over a JSON API) in Chromium with the built
// extension: the same grade features as on vnEdu, driven by the SMAS profile alone. A score book
// configured by the school's template with three TX columns for Toán; validation of what is typed;
// a token expiring mid-session, which the app refreshes and retries while it redraws the book, the
// overlay's marks coming back on the new rows; a whole class filled from an .xlsx and saved; typed
// values kept as drafts across a reload.

const TEACHER = { username: 'hanhnt.lp', password: 'Smas@2025' };
const BOOK = { className: '6A1', subjectId: 11, subjectName: 'Toán', semester: 1 } as const;
const POINTS = ['TX1', 'TX2', 'TX3', 'GK', 'CK'] as const;

let h: Harness;
let app = '';
let classId = 0;

interface StoredRow {
  studentId: number;
  studentCode: string;
  studentName: string;
  marks: Record<string, string>;
}

interface StoredMarks {
  txCount: number;
  points: string[];
  rows: StoredRow[];
}

beforeAll(async () => {
  h = await startHarness();
  const portal = h.portals.smasCurrent;
  app = new URL(portal.url).origin;
  const found = portal.handle.state.classes().find((c) => c.name === BOOK.className);
  if (!found) throw new Error(`no class ${BOOK.className} in the simulated SMAS`);
  classId = found.id;
}, 180_000);

afterAll(async () => {
  await h?.cleanup();
});

beforeEach(async () => {
  await postJson(`${app}/__test/reset`, {});
});

const control = (path: string, body: unknown = {}) => postJson(`${app}/__test/${path}`, body);

/** The stored marks of the book, every student listed, read through the simulator's test route. */
async function storedMarks(): Promise<StoredMarks> {
  const query = new URLSearchParams({
    classId: String(classId),
    subjectId: String(BOOK.subjectId),
    semester: String(BOOK.semester),
  });
  const response = await fetch(`${app}/__test/marks?${query}`);
  if (!response.ok) throw new Error(`/__test/marks → ${response.status}`);
  return (await response.json()) as StoredMarks;
}

const rowSelector = 'div.mark-book table.mark-table tbody tr[data-student-id]';

/** Opens the book (signing in at the SSO when the app sends the page there) and waits for EduLens. */
async function openBook(page: Page = h.page): Promise<void> {
  const query = new URLSearchParams({
    classId: String(classId),
    subjectId: String(BOOK.subjectId),
    semester: String(BOOK.semester),
  });
  await page.goto(`${app}/?${query}`);
  await page.waitForSelector(`#loginForm, ${rowSelector}`, WAIT);
  if (await page.locator('#loginForm').isVisible()) {
    await page.locator('#username').fill(TEACHER.username);
    await page.locator('#password').fill(TEACHER.password);
    await page.locator('#btnLogin').click();
  }
  await page.locator(rowSelector).first().waitFor(WAIT);
  await waitForOverlay(page);
}

/** A mark's input: the row of the student id, the column of the template's point key. */
function markInput(page: Page, studentId: number, pointKey: string) {
  return page.locator(
    `${rowSelector.replace('[data-student-id]', `[data-student-id="${studentId}"]`)} input.mark-input[data-key="${pointKey}"]`,
  );
}

const markTd = (page: Page, studentId: number, pointKey: string) =>
  markInput(page, studentId, pointKey).locator('xpath=..');
const problems = (page: Page) => overlay(page).locator('[data-testid="validate-problems"] li');

async function pressSave(page: Page): Promise<string> {
  const before = await page.locator('.toast-success').count();
  await page.locator('button.btn-save').click();
  const toast = page.locator('.toast-success').nth(before);
  await toast.waitFor(WAIT);
  return (await toast.textContent()) ?? '';
}

describe('SMAS (current generation) grade entry', () => {
  // First: a fresh browser profile has no drafts yet, so the offer counts only this test's.
  it('keeps typed values as drafts across a reload and offers them back', async () => {
    await openBook();
    const [a, b] = (await storedMarks()).rows;
    const typed: [StoredRow, string, string][] = [
      [a!, 'TX1', scoreFor(0, 0, a!.marks.TX1)],
      [b!, 'CK', scoreFor(1, 4, b!.marks.CK)],
    ];
    for (const [row, point, value] of typed) await markInput(h.page, row.studentId, point).fill(value);

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const fields = typed.map(([row, point]) => `${row.studentCode}|${point === 'TX1' ? 'tx|0' : 'ck|0'}`);
    await pwExpect
      .poll(async () => (await storedDrafts(options)).drafts.map((d) => d.field).sort(), WAIT)
      .toEqual([...fields].sort());
    const { drafts } = await storedDrafts(options);
    expect(drafts[0]!.page).toEqual({
      schoolYear: '2025-2026',
      class: BOOK.className,
      subject: BOOK.subjectName,
      term: 'Học kỳ I',
    });
    await options.close();
    await h.page.bringToFront();

    // A reload loses the app's typed state; the drafts come back.
    await h.page.reload();
    await h.page.locator(rowSelector).first().waitFor(WAIT);
    for (const [row, point, value] of typed)
      await pwExpect(markInput(h.page, row.studentId, point)).not.toHaveValue(value);
    expect(await restoreOffered(h.page)).toBe('Khôi phục 2 điểm chưa lưu');
    for (const [row, point, value] of typed)
      await pwExpect(markInput(h.page, row.studentId, point)).toHaveValue(value);

    expect(await pressSave(h.page)).toMatch(/Lưu thành công 2 điểm/);
    const stored = await storedMarks();
    for (const [row, point, value] of typed) {
      const saved = stored.rows.find((r) => r.studentId === row.studentId)!;
      expect(Number(saved.marks[point])).toBe(Number(value));
    }
  });

  it('reads the configured book: three TX columns for Toán, mounted by the SMAS profile', async () => {
    await openBook();
    const stored = await storedMarks();
    expect(stored.txCount).toBe(3);
    const subHeader = await h.page
      .locator('div.mark-book table.mark-table thead tr:nth-child(2) th')
      .allTextContents();
    expect(subHeader.filter((text) => /^TX\d$/.test(text))).toEqual(['TX1', 'TX2', 'TX3']);

    // The SMAS profile's grade page, mounted with the same features as on vnEdu.
    await pwExpect(
      h.page.locator('#edulens-overlay[data-profile="smas"][data-page="grade-grid"]'),
    ).toHaveCount(1);
    await pwExpect(overlay(h.page).locator('[data-testid="validate-count"]')).toBeVisible();
    await pwExpect(overlay(h.page).locator('[data-testid="bulkfill-file"]')).toHaveCount(1);
  });

  it('marks a wrong score with the rulepack’s message, and lists it under its column', async () => {
    await openBook();
    const [a, b] = (await storedMarks()).rows;
    await pwExpect(overlay(h.page).locator('[data-testid="validate-count"]')).toHaveText('Không có lỗi');

    await markInput(h.page, a!.studentId, 'TX3').fill('11');
    await markInput(h.page, b!.studentId, 'GK').fill('8,55');

    await pwExpect(markTd(h.page, a!.studentId, 'TX3')).toHaveAttribute('data-edulens-mark', /\berror\b/);
    await pwExpect(markTd(h.page, a!.studentId, 'TX3')).toHaveAttribute('data-edulens-msg', /0 đến 10/);
    await pwExpect(markTd(h.page, b!.studentId, 'GK')).toHaveAttribute(
      'data-edulens-msg',
      /một chữ số thập phân/,
    );
    await pwExpect(problems(h.page)).toHaveCount(2);
    await pwExpect(problems(h.page).nth(0)).toContainText('TX3');
    await pwExpect(problems(h.page).nth(1)).toContainText('Giữa kỳ');
    await screenshot(h.page, 'smas-validate');

    // A correct value takes the mark away.
    await markInput(h.page, a!.studentId, 'TX3').fill('9.5');
    await pwExpect(markTd(h.page, a!.studentId, 'TX3')).not.toHaveAttribute('data-edulens-mark', /error/);
    await pwExpect(problems(h.page)).toHaveCount(1);
  });

  it('keeps the overlay through a 401 the app recovers from: the rebuilt rows get their marks again', async () => {
    await openBook();
    const [a] = (await storedMarks()).rows;
    await markInput(h.page, a!.studentId, 'TX2').fill('11');
    await pwExpect(markTd(h.page, a!.studentId, 'TX2')).toHaveAttribute('data-edulens-mark', /\berror\b/);
    // The table drawn now, to tell it from the ones the app draws later.
    await h.page.locator('div.mark-book table.mark-table').evaluate((table) => {
      (table as HTMLElement).dataset.testDrawn = 'before';
    });

    // The token expires; the next calls (another semester's book) answer 401, the app refreshes
    // its token once and retries them.
    await control('expire-tokens');
    const unauthorized = h.page.waitForResponse((r) => r.url().includes('/api/') && r.status() === 401, WAIT);
    const refreshed = h.page.waitForResponse(
      (r) => r.url().includes('/connect/token') && (r.request().postData() ?? '').includes('refresh_token'),
      WAIT,
    );
    await h.page.locator('select[name="semester"]').selectOption('2');
    await unauthorized;
    expect((await refreshed).ok()).toBe(true);
    await h.page.locator('div.mark-book table.mark-table:not([data-test-drawn])').waitFor(WAIT);
    // Back to semester I: rows rebuilt once more, the value typed before still in the app's state.
    await h.page.locator('select[name="semester"]').selectOption('1');
    await pwExpect(markInput(h.page, a!.studentId, 'TX2')).toHaveValue('11', WAIT);
    expect(new URL(h.page.url()).origin).toBe(app);
    expect(await h.page.locator('#loginForm').count()).toBe(0);
    await pwExpect(markTd(h.page, a!.studentId, 'TX2')).toHaveAttribute('data-edulens-mark', /\berror\b/);
    await pwExpect(markTd(h.page, a!.studentId, 'TX2')).toHaveAttribute('data-edulens-msg', /0 đến 10/);
    await pwExpect(h.page.locator('#edulens-overlay[data-ready="1"]')).toHaveCount(1);
    await pwExpect(problems(h.page)).toHaveCount(1);
    await screenshot(h.page, 'smas-after-401');
    // Typing in the new rows is seen as before.
    await markInput(h.page, a!.studentId, 'TX2').fill('7');
    await pwExpect(problems(h.page)).toHaveCount(0);
  });

  it('fills the whole book from an .xlsx, and "Lưu" stores every student’s TX1–TX3, GK and CK', async () => {
    const before = await storedMarks();
    const wanted = new Map(
      before.rows.map((row, i) => [
        row.studentCode,
        POINTS.map((point, j) => scoreFor(i, j, row.marks[point])),
      ]),
    );
    await openBook();
    await pickFillFile(h.page, 'so-diem-6A1-toan.xlsx', await workbook(before.rows, wanted));
    const preview = overlay(h.page).locator('[data-testid="bulkfill-preview"]');
    await preview.waitFor(WAIT);
    expect(await preview.locator('[data-testid="bulkfill-row"]').count()).toBe(before.rows.length);
    await confirmFill(h.page);
    await overlay(h.page).locator('[data-testid="bulkfill-result-text"]').waitFor(WAIT);
    await screenshot(h.page, 'smas-bulk-fill-done');

    // In the app's own state (what "Lưu" sends), not only in the inputs.
    expect(await pressSave(h.page)).toMatch(/Lưu thành công/);
    const after = await storedMarks();
    for (const row of after.rows) {
      const values = wanted.get(row.studentCode)!;
      expect(
        POINTS.map((point) => Number(row.marks[point])),
        row.studentCode,
      ).toEqual(values.map(Number));
    }
  });
});

/** A teacher's workbook for the book: a title, a merged two-row header, one row per student. */
async function workbook(rows: readonly StoredRow[], values: ReadonlyMap<string, string[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('6A1 - Toán');
  sheet.addRow(['BẢNG ĐIỂM MÔN TOÁN – LỚP 6A1 – HỌC KỲ I – NĂM HỌC 2025-2026']);
  sheet.mergeCells(1, 1, 1, 8);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Mã HS', 'Họ và tên', 'ĐĐGtx', null, null, 'ĐĐGgk', 'ĐĐGck']);
  sheet.addRow([null, null, null, 1, 2, 3, null, null]);
  for (const col of [1, 2, 3, 7, 8]) sheet.mergeCells(3, col, 4, col);
  sheet.mergeCells(3, 4, 3, 6);
  rows.forEach((row, i) => {
    // Decimal commas typed as text in a few cells, as Vietnamese Excel shows them.
    const scores = values
      .get(row.studentCode)!
      .map((score, j) => (j === 1 && score.includes('.') ? score.replace('.', ',') : Number(score)));
    sheet.addRow([i + 1, row.studentCode, row.studentName, ...scores]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
