import type { FrameLocator } from 'playwright';
import { expect as pwExpect } from 'playwright/test';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Mistake } from '../portals/smas/common/mistakes';
import { REQUIRED_FIELDS } from '../portals/smas/common/record-fields';
import { buildSmasRoster, type SmasStudent } from '../portals/smas/common/roster';
import {
  type Harness,
  overlay,
  postJson,
  screenshot,
  setExtensionClock,
  setLanguage,
  startHarness,
} from './harness';

// Record pages of the simulated SMAS (legacy generation) with the built extension in Chromium: the
// student profile form in the RadWindow's iframe checked as it opens and as the user types (a CCCD
// whose gender digit disagrees with the record, an old 11-digit phone with its one-click
// conversion saved through the portal's own model, an NFD name), the per-record completeness
// meter, the class list's meter against the seeded truth, and the calendar's countdown.

const roster = buildSmasRoster();
const CLASS = roster.bulkClass;
/** A calm day of the seeded school year: no lock, no update window open. */
const CALM = '2025-11-20T08:00:00+07:00';

let h: Harness;
let smas: string;

const control = (path: string, body: unknown = {}) => postJson(`${smas}/__test/${path}`, body);

async function at(iso: string): Promise<void> {
  await control('clock', { now: iso });
  await setExtensionClock(h, iso);
}

beforeAll(async () => {
  h = await startHarness();
  smas = new URL(h.portals.smasLegacy.url).origin;
}, 120_000);

afterAll(async () => {
  await h?.cleanup();
});

beforeEach(async () => {
  await control('reset');
  await setLanguage(h, 'vi');
  await at(CALM);
  await logIn();
});

/** A session for the page's cookie jar, without the log-on form (the conformance test covers it). */
async function logIn(): Promise<void> {
  await h.page.context().request.post(`${smas}/__test/login`, { data: { username: 'longphuoc.thcs' } });
}

async function openList(): Promise<void> {
  await h.page.goto(`${smas}/HoSoHocSinh/DanhSach?lopId=${CLASS.id}`);
  await h.page.locator('#gridHocSinh .rgDataDiv tr.rgRow').first().waitFor();
  await h.page
    .locator('#edulens-overlay[data-page="records"]')
    .waitFor({ state: 'attached', timeout: 15_000 });
}

/** Clicks the student's "Sửa" and answers the form's frame once the form is in it. */
async function openRecord(student: SmasStudent): Promise<FrameLocator> {
  await h.page.locator(`#gridHocSinh_row_${student.studentId} a.rgEdit`).click();
  const frame = h.page.frameLocator('#ifrHoSo');
  await frame.locator(`#StudentID[value="${student.studentId}"]`).waitFor({ state: 'attached' });
  return frame;
}

const note = (frame: FrameLocator, field: string) => frame.locator(`[data-edulens-note="${field}"]`);

function mistakeOf(student: SmasStudent, kind: Mistake['kind']): Mistake {
  const found = roster.truth.get(student.studentId)?.mistakes.find((m) => m.kind === kind);
  if (!found) throw new Error(`${student.fullName} has no ${kind} mistake`);
  return found;
}

describe('SMAS record form', () => {
  it('marks a CCCD whose gender digit disagrees with the record, with the rule’s message', async () => {
    const student = roster.examples.wrongCccd;
    const { stored } = mistakeOf(student, 'cccd-gender');
    await openList();
    const frame = await openRecord(student);
    // The 4th digit: odd for a woman, even for a man.
    const encoded = Number(stored[3]) % 2 === 1 ? 'nữ' : 'nam';
    const recorded = student.gender === 'Nữ' ? 'nữ' : 'nam';
    expect(encoded).not.toBe(recorded);
    await pwExpect(note(frame, 'citizenId')).toHaveText(
      `Số CCCD ${stored} ứng với giới tính ${encoded}, nhưng hồ sơ ghi ${recorded}.`,
    );
    await pwExpect(frame.locator('#SoCCCD')).toHaveAttribute('data-edulens-mark', 'error');
    await screenshot(h.page, 'smas-record-cccd');

    // Typing the other gender into the combo puts the record right: the note goes as you type.
    await frame.locator('#cbGioiTinh_Input').fill(encoded === 'nữ' ? 'Nữ' : 'Nam');
    await frame.locator('#cbGioiTinh_Input').blur();
    await pwExpect(note(frame, 'citizenId')).toHaveCount(0);
  });

  it('offers the new number for an old 11-digit phone and the converted value reaches the portal’s model', async () => {
    const student = roster.examples.oldPhone;
    const mistake = mistakeOf(student, 'phone-11-digits');
    const inputId = mistake.field === 'phone' ? '#DienThoai' : '#DienThoaiPhuHuynh';
    await openList();
    const frame = await openRecord(student);
    await pwExpect(note(frame, mistake.field)).toContainText(
      `Số điện thoại "${mistake.stored}" là số 11 chữ số cũ; từ năm 2018 đã chuyển thành ${mistake.correct}.`,
    );
    await note(frame, mistake.field).locator('button[data-edulens-fix="phone.old-prefix"]').click();
    await pwExpect(frame.locator(inputId)).toHaveValue(mistake.correct);
    await pwExpect(note(frame, mistake.field)).toHaveCount(0);

    await frame.locator('#btnLuu').click();
    await pwExpect(frame.locator('p.message-of-success')).toHaveText(
      'Thầy/cô đã cập nhật hồ sơ học sinh thành công.',
      { timeout: 15_000 },
    );
    const stored = (await (await fetch(`${smas}/__test/records/${student.studentId}`)).json()) as SmasStudent;
    expect(stored[mistake.field]).toBe(mistake.correct);
  });

  it('marks a name stored in NFD and normalises it on request', async () => {
    const student = roster.examples.nfdName;
    const { stored } = mistakeOf(student, 'name-nfd');
    const nfc = stored.normalize('NFC');
    await openList();
    const frame = await openRecord(student);
    await pwExpect(note(frame, 'fullName')).toContainText(
      `Tên "${nfc}" đang ở dạng Unicode tổ hợp (không phải NFC)`,
    );
    await note(frame, 'fullName').locator('button[data-edulens-fix="name.nfc"]').click();
    const value = await frame.locator('#HoTen').inputValue();
    expect(value).toBe(nfc);
    expect(value).not.toBe(stored);
    await pwExpect(note(frame, 'fullName')).toHaveCount(0);
  });

  it('speaks English when the extension is set to English', async () => {
    await setLanguage(h, 'en');
    const student = roster.examples.nfdName;
    const nfc = mistakeOf(student, 'name-nfd').stored.normalize('NFC');
    await openList();
    const frame = await openRecord(student);
    await pwExpect(note(frame, 'fullName')).toContainText(
      `Name "${nfc}" is in decomposed Unicode (not NFC); it will be normalised to NFC when stored.`,
    );
    await pwExpect(note(frame, 'fullName').locator('button')).toHaveText('Normalise to NFC');
    await pwExpect(overlay(h.page).locator('[data-testid="record-completeness"]')).toHaveText(
      '6/6 required fields',
    );
  });

  it('counts the required fields of the record and jumps to a missing one', async () => {
    const student = roster.examples.blankRequired;
    const missing = roster.truth.get(student.studentId)!.missing;
    expect(missing.length).toBeGreaterThan(0);
    await openList();
    const frame = await openRecord(student);
    const meter = overlay(h.page).locator('[data-testid="record-completeness"]');
    await pwExpect(meter).toHaveText(
      `${REQUIRED_FIELDS.length - missing.length}/${REQUIRED_FIELDS.length} trường bắt buộc`,
    );
    const inputOf: Readonly<Record<string, string>> = {
      citizenId: '#SoCCCD',
      birthDate: '#NgaySinh',
      ethnicity: '#cbDanToc_Input',
    };
    const first = missing[0]!;
    await overlay(h.page).locator(`button[data-field="${first}"]`).click();
    const focused = await frame
      .locator(inputOf[first]!)
      .evaluate((input) => input.ownerDocument.activeElement === input);
    expect(focused).toBe(true);
  });
});

describe('SMAS student list', () => {
  it('counts the 60-student class’s complete records as the seeded truth says', async () => {
    const complete = CLASS.students.filter((s) => roster.truth.get(s.studentId)!.complete).length;
    // The simulator's stored records agree with the seed before anything is saved.
    const stored = (await (await fetch(`${smas}/__test/records?lopId=${CLASS.id}`)).json()) as SmasStudent[];
    expect(stored).toHaveLength(60);
    expect(stored.filter((s) => REQUIRED_FIELDS.every((f) => s[f].trim() !== '')).length).toBe(complete);
    expect(complete).toBeLessThan(60);

    await openList();
    const meter = overlay(h.page).locator('[data-testid="list-completeness"]');
    // The first page's 20 records are read as it shows; the rest through the pager.
    await pwExpect(meter).toHaveAttribute('data-read', '20', { timeout: 30_000 });
    await overlay(h.page).locator('[data-testid="list-read-all"]').click();
    await pwExpect(meter).toHaveText(`${complete}/60 hồ sơ đủ thông tin bắt buộc`, { timeout: 60_000 });
    const listed = await overlay(h.page).locator('[data-testid="incomplete-record"]').count();
    expect(listed).toBe(60 - complete);
    // Back on the page it showed before the check.
    await pwExpect(h.page.locator('#gridHocSinh span.rgInfoPart')).toContainText('Trang 1/3');
    await screenshot(h.page, 'smas-list-completeness');
  });

  it('reads the whole list from page 2 and shows page 2 again afterwards', async () => {
    const complete = CLASS.students.filter((s) => roster.truth.get(s.studentId)!.complete).length;
    await openList();
    const info = h.page.locator('#gridHocSinh span.rgInfoPart');
    const firstRow = h.page.locator('#gridHocSinh .rgDataDiv tr.rgRow').first();
    const meter = overlay(h.page).locator('[data-testid="list-completeness"]');
    await pwExpect(meter).toHaveAttribute('data-read', '20', { timeout: 30_000 });
    // The overlay's panel may lie over the pager: the click goes to the pager's button itself.
    await h.page.locator('#gridHocSinh input.rgPageNext').dispatchEvent('click');
    await pwExpect(info).toContainText('Trang 2/3');
    await pwExpect(meter).toHaveAttribute('data-read', '40', { timeout: 30_000 });
    await overlay(h.page).locator('[data-testid="list-read-all"]').click();
    await pwExpect(meter).toHaveText(`${complete}/60 hồ sơ đủ thông tin bắt buộc`, { timeout: 60_000 });
    // The grid is where the teacher left it: page 2, its own rows.
    await pwExpect(info).toContainText('Trang 2/3', { timeout: 30_000 });
    await pwExpect(firstRow).toHaveAttribute('id', `gridHocSinh_row_${CLASS.students[20]!.studentId}`);
    expect(await overlay(h.page).locator('[data-testid="incomplete-record"]').count()).toBe(60 - complete);
  });
});

describe('SMAS record pages countdown', () => {
  it('shows the next lock and its update window from the Vĩnh Long calendar', async () => {
    await openList();
    const lock = overlay(h.page).locator('[data-testid="record-lock"]');
    const window = overlay(h.page).locator('[data-testid="record-window"]');
    await pwExpect(lock).toHaveText('Khóa SMAS: Báo cáo tháng sau 26 ngày 16 giờ');
    await pwExpect(window).toHaveText('Cập nhật dữ liệu Báo cáo tháng: mở sau 24 ngày 16 giờ');

    // Inside the update window, two days before the lock: open, closing, warning colours.
    await setExtensionClock(h, '2025-12-15T10:00:00+07:00');
    await pwExpect(window).toHaveText('Đang mở: Cập nhật dữ liệu Báo cáo tháng, đóng sau 14 giờ');
    await pwExpect(lock).toHaveText('Khóa SMAS: Báo cáo tháng sau 1 ngày 14 giờ');
    await pwExpect(overlay(h.page).locator('[data-testid="record-countdown"]')).toHaveAttribute(
      'data-state',
      'warning',
    );
  });

  it('says the portal has locked the record on a lock day of the calendar', async () => {
    // The monthly report's lock (the 17th): the portal shows every input disabled for the day.
    await at('2025-12-17T08:00:00+07:00');
    await logIn(); // the session of the calm day has expired since
    await openList();
    const frame = await openRecord(roster.examples.clean);
    await pwExpect(frame.locator('#HoTen')).toBeDisabled();
    const lock = overlay(h.page).locator('[data-testid="record-lock"]');
    await pwExpect(lock).toHaveText('Cổng đang khóa hồ sơ');
    await pwExpect(overlay(h.page).locator('[data-testid="record-countdown"]')).toHaveAttribute(
      'data-state',
      'locked',
    );
    await pwExpect(
      overlay(h.page).locator('.rc-panel:has([data-testid="record-completeness"])'),
    ).toContainText('Hồ sơ đang bị khóa trên cổng: chỉ xem.');
  });
});
