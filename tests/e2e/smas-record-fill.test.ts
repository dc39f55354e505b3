import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  logInSmasLegacy,
  RECORD_FILE_COLUMNS,
  type RecordFileRow,
  recordFillWorkbook,
} from '../bench/cases/record-fill';
import type { SmasStudent } from '../portals/smas/common/roster';
import { type Harness, overlay, postJson, startHarness } from './harness';

// Bulk fill of student records with the built extension in Chromium against the simulated legacy
// SMAS: 60 records of 6A1 across the RadGrid's three pages, each opened with "Sửa" in the iframe
// window, written, saved with "Lưu" and read back, from an .xlsx written by exceljs (title rows,
// line-broken headers, rows in the reverse order of the list). The simulator refuses one student's
// save with a message: the fill stops there, quoting it; "Tiếp tục" goes on from that record and
// finishes. The records stored by the simulator then hold the file's values, and the fields the
// file does not have are as they were.

const REFUSAL = 'Số CCCD của học sinh đang chờ Phòng GD&ĐT xác minh, chưa được sửa.';
/** Fields the file fills (Họ tên mẹ and Trạng thái are not in it). */
type FileField = Exclude<keyof RecordFileRow, 'studentCode'>;
const FILE_FIELDS = RECORD_FILE_COLUMNS.map(([, field]) => field).filter(
  (field): field is FileField => field !== 'studentCode',
);

let h: Harness;
let base: string;

beforeAll(async () => {
  h = await startHarness();
  base = h.portals.smasLegacy.url.replace(/\/?$/, '/');
}, 180_000);

afterAll(async () => {
  await h?.cleanup();
});

const control = (path: string, body: unknown = {}) => postJson(`${base}__test/${path}`, body);

async function storedRecords(classId: number): Promise<SmasStudent[]> {
  const response = await fetch(`${base}__test/records?lopId=${classId}`);
  return (await response.json()) as SmasStudent[];
}

/**
 * The legacy simulator given its first state back, its saves taking `saveDelayMs`: its state, the
 * class the fills work on, and that class's records as seeded, by student.
 */
async function freshBulkClass(saveDelayMs: number) {
  await control('reset');
  await control('config', { saveDelayMs });
  const state = h.portals.smasLegacy.handle.state;
  const bulk = state.roster.bulkClass;
  const seeded = new Map((await storedRecords(bulk.id)).map((record) => [record.studentId, record]));
  return { state, bulk, seeded };
}

/** Picks a workbook in the record fill panel and waits for the preview of what it changes. */
async function pickWorkbook(page: Page, name: string, buffer: Buffer): Promise<void> {
  await overlay(page).locator('[data-testid=rf-file]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await overlay(page).locator('[data-testid=rf-preview]').waitFor({ timeout: 60_000 });
}

describe('record bulk fill on the legacy SMAS', () => {
  it('fills 60 records across three pages, stops at the refused one with its message, resumes and finishes', async () => {
    const { state, bulk, seeded } = await freshBulkClass(40);
    expect(bulk.students).toHaveLength(60);
    // The records as they should be (every seeded mistake put right), a new address each.
    const expected = (student: SmasStudent): RecordFileRow => ({
      ...state.roster.truth.get(student.studentId)!.correct,
      studentCode: student.studentCode,
      address: `Ấp ${student.studentId % 9}, xã Long Phước, huyện Long Hồ`,
    });
    // In the reverse order of the list.
    const file = await recordFillWorkbook([...bulk.students].reverse().map(expected));
    // The 25th student of the list (page 2) is refused once.
    const refused = bulk.students[24]!;
    await control('refuse-next-save', { studentCode: refused.studentCode, message: REFUSAL });

    const page = h.page;
    await logInSmasLegacy(page, base);
    await page.goto(`${base}HoSoHocSinh/DanhSach?lopId=${bulk.id}`);
    const panel = overlay(page).locator('[data-testid=rf-panel]');
    await panel.waitFor({ timeout: 30_000 });
    await pickWorkbook(page, 'ho-so-6A1.xlsx', file);
    // Every row matched by its code; every record changes (a new address at least).
    await expect.poll(() => overlay(page).locator('[data-testid=rf-record]').count()).toBe(60);
    expect(await overlay(page).locator('[data-testid=rf-skipped]').count()).toBe(0);
    // Old → new from the records as stored (the list itself does not show the address).
    const clean = state.roster.examples.clean;
    const cleanRow = overlay(page).locator(`[data-testid=rf-record][data-key="${clean.studentCode}"]`);
    expect(await cleanRow.locator('[data-field=address]').textContent()).toContain(
      `${seeded.get(clean.studentId)!.address} → ${expected(clean).address}`,
    );
    // A record without a mistake changes only its address.
    expect(await cleanRow.locator('[data-field]').count()).toBe(1);
    // The mapping read the line-broken headers.
    expect(await overlay(page).locator('[data-testid=rf-map-1]').inputValue()).toBe('studentCode');
    expect(await overlay(page).locator('[data-testid=rf-map-6]').inputValue()).toBe('citizenId');
    expect(await overlay(page).locator('[data-testid=rf-map-8]').inputValue()).toBe('parentPhone');

    await overlay(page).locator('[data-testid=rf-start]').click();
    const stop = overlay(page).locator('[data-testid=rf-stop]');
    await stop.waitFor({ timeout: 180_000 });
    expect(await stop.getAttribute('data-kind')).toBe('refused');
    const message = await overlay(page).locator('[data-testid=rf-stop-message]').textContent();
    expect(message).toContain(REFUSAL);
    expect(message?.normalize('NFC')).toContain(refused.fullName.normalize('NFC'));
    // The fill goes page by page from the first, in the file's order within a page:
    // the records before the refused one are saved, it and those after are as they were.
    const pageOf = (student: SmasStudent) => Math.floor(bulk.students.indexOf(student) / 20);
    const order = [...bulk.students].reverse().sort((a, b) => pageOf(a) - pageOf(b));
    const savedFirst = new Set(order.slice(0, order.indexOf(refused)).map((student) => student.studentId));
    expect(savedFirst.size).toBe(35);
    const fill = overlay(page).locator('[data-testid=rf-fill]');
    expect(await fill.getAttribute('data-saved')).toBe(String(savedFirst.size));
    const midway = new Map((await storedRecords(bulk.id)).map((record) => [record.studentId, record]));
    for (const student of bulk.students) {
      const now = midway.get(student.studentId)!;
      if (savedFirst.has(student.studentId)) expect(now.address).toBe(expected(student).address);
      else expect(now).toEqual(seeded.get(student.studentId));
    }

    // The refusal was for one save only: "Tiếp tục" starts again from that record.
    await overlay(page).locator('[data-testid=rf-resume]').click();
    await overlay(page).locator('[data-testid=rf-finished]').waitFor({ timeout: 180_000 });
    expect(await fill.getAttribute('data-saved')).toBe('60');
    const portalMs = Number(await fill.getAttribute('data-portal-ms'));
    const totalMs = Number(await fill.getAttribute('data-total-ms'));
    expect(portalMs).toBeGreaterThan(0);
    expect(portalMs).toBeLessThanOrEqual(totalMs);

    const stored = await storedRecords(bulk.id);
    expect(stored).toHaveLength(60);
    for (const record of stored) {
      const student = bulk.students.find((s) => s.studentId === record.studentId)!;
      const want = expected(student);
      for (const field of FILE_FIELDS)
        expect(record[field], `${student.studentCode} ${field}`).toBe(want[field]);
      // Untouched by the file: as seeded.
      const before = seeded.get(record.studentId)!;
      expect(record.motherName).toBe(before.motherName);
      expect(record.status).toBe(before.status);
      expect(record.studentCode).toBe(before.studentCode);
    }
  }, 420_000);

  it('started while the teacher is on page 2, turns the pager back to page 1 and fills all 60', async () => {
    const { state, bulk, seeded } = await freshBulkClass(40);
    const address = (student: SmasStudent) => `Khóm ${student.studentId % 5}, phường 2, thành phố Vĩnh Long`;
    const file = await recordFillWorkbook(
      bulk.students.map((student) => ({
        ...state.roster.truth.get(student.studentId)!.correct,
        studentCode: student.studentCode,
        address: address(student),
      })),
    );
    const page = h.page;
    await logInSmasLegacy(page, base);
    await page.goto(`${base}HoSoHocSinh/DanhSach?lopId=${bulk.id}`);
    const info = page.locator('#gridHocSinh span.rgInfoPart');
    const firstRow = page.locator('#gridHocSinh .rgDataDiv tr.rgRow').first();
    // The teacher turns to page 2 before picking the file.
    // The overlay's panel may lie over the pager: the click goes to the pager's button itself.
    await page.locator('#gridHocSinh input.rgPageNext').dispatchEvent('click');
    await expect.poll(() => info.textContent()).toContain('Trang 2/3');
    const pageTwoFirst = `gridHocSinh_row_${bulk.students[20]!.studentId}`;
    expect(await firstRow.getAttribute('id')).toBe(pageTwoFirst);
    // From here on, each page the grid shows, by the pager's number.
    await page.evaluate(() => {
      const shown: string[] = [];
      (window as unknown as { shownPages: string[] }).shownPages = shown;
      const grid = document.getElementById('gridHocSinh')!;
      new MutationObserver(() => {
        const number = /Trang (\d+)\//.exec(grid.querySelector('span.rgInfoPart')?.textContent ?? '')?.[1];
        if (number !== undefined && shown.at(-1) !== number) shown.push(number);
      }).observe(grid, { childList: true, subtree: true });
    });
    /** The pages shown since the last call, "1 2 3". */
    const pagesShown = () =>
      page.evaluate(() => (window as unknown as { shownPages: string[] }).shownPages.splice(0).join(' '));
    await pickWorkbook(page, 'ho-so-6A1.xlsx', file);
    await expect.poll(() => overlay(page).locator('[data-testid=rf-record]').count()).toBe(60);
    // The students were read in the list the teacher sees, back to page 1 and on through the
    // pager, and the list is back where the teacher left it.
    expect(await pagesShown()).toBe('1 2 3 2');
    expect(await info.textContent()).toContain('Trang 2/3');
    expect(await firstRow.getAttribute('id')).toBe(pageTwoFirst);

    await overlay(page).locator('[data-testid=rf-start]').click();
    await overlay(page).locator('[data-testid=rf-finished]').waitFor({ timeout: 300_000 });
    expect(await overlay(page).locator('[data-testid=rf-fill]').getAttribute('data-saved')).toBe('60');
    // The fill went back to page 1 through the pager, then on page by page.
    expect(await pagesShown()).toBe('1 2 3');
    const stored = await storedRecords(bulk.id);
    expect(stored).toHaveLength(60);
    for (const record of stored) {
      const student = bulk.students.find((s) => s.studentId === record.studentId)!;
      expect(record.address, student.studentCode).toBe(address(student));
      expect(record.motherName).toBe(seeded.get(record.studentId)!.motherName);
    }
  }, 420_000);

  it('keeps a corrected column mapping for the next file of the same kind', async () => {
    await control('reset');
    const state = h.portals.smasLegacy.handle.state;
    const students = state.roster.bulkClass.students.slice(0, 3);
    const file = await recordFillWorkbook(
      students.map((student) => ({
        ...state.roster.truth.get(student.studentId)!.correct,
        studentCode: student.studentCode,
        fatherName: 'Huỳnh Văn Mới',
        address: 'Ấp Mới, xã Long Phước',
      })),
    );
    const page = h.page;
    await logInSmasLegacy(page, base);
    const pick = async () => {
      await page.goto(`${base}HoSoHocSinh/DanhSach?lopId=${state.roster.bulkClass.id}`);
      await pickWorkbook(page, 'ho-so.xlsx', file);
      await expect.poll(() => overlay(page).locator('[data-testid=rf-record]').count()).toBe(3);
    };
    const fatherColumn = overlay(page).locator('[data-testid=rf-map-9]');
    const fatherChanges = overlay(page).locator('[data-testid=rf-record] [data-field=fatherName]');

    await pick();
    expect(await fatherColumn.inputValue()).toBe('fatherName');
    expect(await fatherChanges.count()).toBe(3);
    // The teacher does not want the fathers' names from this file.
    await fatherColumn.selectOption('');
    await expect.poll(() => fatherChanges.count()).toBe(0);

    // The next time, on a new page, the same kind of file opens with the teacher's mapping.
    await pick();
    expect(await fatherColumn.inputValue()).toBe('');
    expect(await fatherChanges.count()).toBe(0);
    // Given back, for the tests after this one.
    await fatherColumn.selectOption('fatherName');
    await expect.poll(() => fatherChanges.count()).toBe(3);
  }, 180_000);

  it('stops when the teacher presses "Dừng": every record saved whole or left as it was, and says so', async () => {
    const { state, bulk, seeded } = await freshBulkClass(150);
    const expected = (student: SmasStudent): RecordFileRow => ({
      ...state.roster.truth.get(student.studentId)!.correct,
      studentCode: student.studentCode,
      address: `Tổ ${student.studentId % 7}, phường 1, thành phố Vĩnh Long`,
    });
    const page = h.page;
    await logInSmasLegacy(page, base);
    await page.goto(`${base}HoSoHocSinh/DanhSach?lopId=${bulk.id}`);
    await pickWorkbook(page, 'ho-so.xlsx', await recordFillWorkbook(bulk.students.map(expected)));
    await overlay(page).locator('[data-testid=rf-start]').click();
    const progress = overlay(page).locator('[data-testid=rf-progress]');
    await expect
      .poll(() => progress.textContent(), { timeout: 60_000 })
      .toMatch(/^[3-9]\/60 hồ sơ — còn khoảng/);
    await overlay(page).locator('[data-testid=rf-cancel]').click();
    const stop = overlay(page).locator('[data-testid=rf-stop]');
    await stop.waitFor({ timeout: 30_000 });
    expect(await stop.getAttribute('data-kind')).toBe('cancelled');
    expect(await overlay(page).locator('[data-testid=rf-stop-message]').textContent()).toContain(
      'hồ sơ này giữ nguyên như trước',
    );
    const saved = Number(await overlay(page).locator('[data-testid=rf-fill]').getAttribute('data-saved'));
    expect(saved).toBeGreaterThanOrEqual(3);
    expect(saved).toBeLessThan(60);
    // Each record holds all of the file's values or none of them; as many as the fill says.
    const stored = await storedRecords(bulk.id);
    let whole = 0;
    for (const record of stored) {
      const student = bulk.students.find((s) => s.studentId === record.studentId)!;
      const want = expected(student);
      if (record.address === want.address) {
        whole++;
        for (const field of FILE_FIELDS)
          expect(record[field], `${student.studentCode} ${field}`).toBe(want[field]);
      } else expect(record).toEqual(seeded.get(record.studentId));
    }
    expect(whole).toBe(saved);
  }, 180_000);
});
