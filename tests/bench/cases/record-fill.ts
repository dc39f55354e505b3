import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright';
import { launchWithExtension, overlay, postJson } from '../../e2e/harness';
import { launchChromium } from '../../helpers/chromium';
import type { SmasStudent } from '../../portals/smas/common/roster';
import { startPortals } from '../../portals/start-portals';
import type { BenchCase, BenchRow } from '../bench-row';

// Bulk fill of student records against the simulated legacy SMAS (its own save delay, 300 ms):
// the 60 records of 6A1, three grid pages, each opened with "Sửa" in the iframe window, written,
// "Lưu", answer awaited, read back. The extension's fill times itself: the time it waited for the
// portal (paging, the form's frame loading, the save's round trip, the pop-up) apart from
// everything else (reading the form, writing the fields, checking) — EduLens's own share, goal
// ≤ 10 %. Baseline in the same run: a bare Playwright script filling one record the same way
// (click "Sửa", fill each field, "Lưu", wait for the answer, close the pop-up and the window), no
// extension.

const ACCOUNT = 'longphuoc.thcs';
const SAVE_DELAY_MS = 300;
const BARE_RECORDS = 6;
const OWN_SHARE_GOAL = 0.1;

/** The file's columns (header text → the record's field). */
export const RECORD_FILE_COLUMNS = [
  ['Mã học\nsinh', 'studentCode'],
  ['Họ và tên', 'fullName'],
  ['Ngày\nsinh', 'birthDate'],
  ['Giới tính', 'gender'],
  ['Dân tộc', 'ethnicity'],
  ['Số định danh\ncá nhân', 'citizenId'],
  ['Điện thoại', 'phone'],
  ['Điện thoại\ncha/mẹ', 'parentPhone'],
  ['Họ tên cha', 'fatherName'],
  ['Địa chỉ', 'address'],
] as const;

export type RecordFileRow = Record<(typeof RECORD_FILE_COLUMNS)[number][1], string>;

/** An .xlsx as a school has one: title rows, then a header with line breaks, then the rows. */
export async function recordFillWorkbook(rows: readonly RecordFileRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  sheet.addRow(['SỞ GIÁO DỤC VÀ ĐÀO TẠO VĨNH LONG']);
  sheet.addRow(['DANH SÁCH HỌC SINH LỚP 6A1 — NĂM HỌC 2025-2026']);
  sheet.addRow([]);
  sheet.addRow(['STT', ...RECORD_FILE_COLUMNS.map(([header]) => header)]);
  rows.forEach((row, i) => sheet.addRow([i + 1, ...RECORD_FILE_COLUMNS.map(([, field]) => row[field])]));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A session of the simulator's lower-secondary account, as the browser's cookie. */
export async function logInSmasLegacy(page: Page, base: string): Promise<void> {
  const answer = (await postJson(`${base}__test/login`, { username: ACCOUNT })) as {
    cookie: { name: string; value: string };
  };
  await page
    .context()
    .addCookies([{ name: answer.cookie.name, value: answer.cookie.value, domain: 'localhost', path: '/' }]);
}

/** One record filled by a bare script, as a person would: "Sửa", each field, "Lưu", the answer, OK, close. */
async function bareRecord(page: Page, student: SmasStudent, row: RecordFileRow): Promise<number> {
  const start = performance.now();
  await page.locator(`#gridHocSinh_row_${student.studentId} a.rgEdit`).click();
  const frame = page.frameLocator('iframe#ifrHoSo');
  const code = frame.locator('#MaHocSinh');
  await code.waitFor();
  if ((await code.inputValue()) !== student.studentCode) throw new Error('another form');
  const text = {
    fullName: '#HoTen',
    birthDate: '#NgaySinh',
    citizenId: '#SoCCCD',
    phone: '#DienThoai',
    parentPhone: '#DienThoaiPhuHuynh',
    fatherName: '#HoTenCha',
    address: '#DiaChi',
  } as const;
  for (const [field, selector] of Object.entries(text))
    await frame.locator(selector).fill(row[field as keyof typeof text]);
  for (const [field, id] of [
    ['gender', 'cbGioiTinh'],
    ['ethnicity', 'cbDanToc'],
  ] as const) {
    const input = frame.locator(`#${id} input.rcbInput`);
    await input.fill(row[field]);
    await input.dispatchEvent('change');
  }
  await frame.locator('#btnLuu').click();
  await frame.locator('p.message-of-success').waitFor();
  await frame.locator('div.rwAlert a.rwPopupButton').click();
  // The window covers the list: close it, as a person does before the next "Sửa".
  await page.locator('#winHoSo a.rwCloseButton').click();
  await page.locator('#winHoSo').waitFor({ state: 'hidden' });
  return performance.now() - start;
}

export const recordFillCase: BenchCase = async (): Promise<BenchRow[]> => {
  const portals = await startPortals({ port: 0, smasLegacy: { saveDelayMs: SAVE_DELAY_MS } });
  let extension: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  let plain: Browser | undefined;
  try {
    const base = portals.smasLegacy.url.replace(/\/?$/, '/');
    const state = portals.smasLegacy.handle.state;
    const bulk = state.roster.bulkClass;
    const rowOf = (student: SmasStudent, round: number): RecordFileRow => {
      const correct = state.roster.truth.get(student.studentId)!.correct;
      return {
        ...correct,
        studentCode: student.studentCode,
        address: `Ấp ${round}-${student.studentId}, xã Long Phước`,
      };
    };
    const listUrl = `${base}HoSoHocSinh/DanhSach?lopId=${bulk.id}`;

    // Baseline: a bare script, no extension.
    await postJson(`${base}__test/reset`, {});
    plain = await launchChromium();
    const bare = await plain.newPage();
    await logInSmasLegacy(bare, base);
    await bare.goto(listUrl);
    const bareTimes: number[] = [];
    for (const student of bulk.students.slice(0, BARE_RECORDS))
      bareTimes.push(await bareRecord(bare, student, rowOf(student, 0)));
    bareTimes.sort((a, b) => a - b);
    const barePerRecord = bareTimes[Math.floor(bareTimes.length / 2)]!;

    // The extension: all 60 records from a file.
    await postJson(`${base}__test/reset`, {});
    extension = await launchWithExtension();
    const page = await extension.context.newPage();
    await logInSmasLegacy(page, base);
    await page.goto(listUrl);
    await overlay(page).locator('[data-testid=rf-panel]').waitFor({ timeout: 30_000 });
    await overlay(page)
      .locator('[data-testid=rf-file]')
      .setInputFiles({
        name: 'ho-so-6A1.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await recordFillWorkbook(bulk.students.map((student) => rowOf(student, 1))),
      });
    await overlay(page).locator('[data-testid=rf-preview]').waitFor({ timeout: 60_000 });
    await overlay(page).locator('[data-testid=rf-start]').click();
    await overlay(page).locator('[data-testid=rf-finished]').waitFor({ timeout: 300_000 });
    const fill = overlay(page).locator('[data-testid=rf-fill]');
    const records = Number(await fill.getAttribute('data-records'));
    const portalMs = Number(await fill.getAttribute('data-portal-ms'));
    const totalMs = Number(await fill.getAttribute('data-total-ms'));
    if (records !== bulk.students.length)
      throw new Error(`filled ${records} records, not ${bulk.students.length}`);
    const perRecord = totalMs / records;
    const ownPerRecord = (totalMs - portalMs) / records;
    return [
      {
        case: `record bulk fill, 60 records over 3 pages (SMAS legacy, save ${SAVE_DELAY_MS} ms), per record; baseline: bare Playwright fill of one record`,
        figure: perRecord,
        unit: 'ms',
        baseline: barePerRecord,
      },
      {
        case: "record bulk fill: EduLens's own time per record (not waiting for the portal); baseline: the whole per-record time",
        figure: ownPerRecord,
        unit: 'ms',
        baseline: perRecord,
        ratioGoal: { max: OWN_SHARE_GOAL },
      },
    ];
  } finally {
    await extension?.close().catch(() => undefined);
    await plain?.close().catch(() => undefined);
    await portals.stop();
  }
};
