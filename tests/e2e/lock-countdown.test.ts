import { expect as pwExpect } from 'playwright/test';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import {
  type Harness,
  openGradeBook,
  overlay,
  screenshot,
  setExtensionClock,
  setLanguage,
  startHarness,
} from './harness';

// The lock countdown at fixed clock times. The vnEdu profile's calendar locks the semester I
// book after 15/01 (00:00 on 16/01, GMT+7) and the year's book after 31/05; the simulator's own
// lock is moved to the same instants so that the portal and EduLens agree.

const SEMESTER_I_LOCK = '2026-01-16T00:00:00+07:00';
const YEAR_LOCK = '2026-06-01T00:00:00+07:00';

let h: Harness;

async function at(iso: string): Promise<void> {
  await h.control('clock', { now: iso });
  await setExtensionClock(h, iso);
}

beforeAll(async () => {
  h = await startHarness();
}, 120_000);

afterAll(async () => {
  await h?.cleanup();
});

beforeEach(async () => {
  await h.control('reset');
  await h.control('lock', { hk: 1, at: SEMESTER_I_LOCK });
  await h.control('lock', { hk: 2, at: YEAR_LOCK });
});

const banner = () => overlay(h.page).locator('[data-testid="lock-banner"]');

describe('lock countdown', () => {
  it('counts down, turns to warning colours in the last 48 hours, then says "Đã khóa"', async () => {
    await at('2026-01-12T20:00:00+07:00');
    await openGradeBook(h);
    await pwExpect(banner()).toHaveText('Khóa sổ điểm HK I sau 3 ngày 4 giờ');
    await pwExpect(banner()).toHaveAttribute('data-state', 'normal');
    await pwExpect(banner()).toHaveAttribute('title', 'Khóa lúc 00:00 16/01/2026 (GMT+7)');

    // The banner follows the clock without a reload.
    await setExtensionClock(h, '2026-01-14T18:30:00+07:00');
    await pwExpect(banner()).toHaveText('Khóa sổ điểm HK I sau 1 ngày 5 giờ');
    await pwExpect(banner()).toHaveAttribute('data-state', 'warning');
    await screenshot(h.page, 'lock-countdown-warning');

    await setExtensionClock(h, '2026-01-15T22:15:00+07:00');
    await pwExpect(banner()).toHaveText('Khóa sổ điểm HK I sau 1 giờ 45 phút');
    await pwExpect(banner()).toHaveAttribute('data-state', 'urgent');

    // Past the instant: the portal renders the book locked, EduLens says so.
    await at('2026-01-16T07:00:00+07:00');
    await openGradeBook(h);
    await pwExpect(banner()).toHaveText('Đã khóa sổ điểm HK I');
    await pwExpect(banner()).toHaveAttribute('data-state', 'locked');
    await pwExpect(banner()).toHaveAttribute('title', 'Đã khóa lúc 00:00 16/01/2026 (GMT+7)');
    await screenshot(h.page, 'lock-countdown-locked');
  });

  it('says "Đã khóa" when the portal shows the book locked before the calendar date', async () => {
    await at('2025-12-01T09:00:00+07:00');
    await h.control('lock', { hk: 1, locked: true });
    await openGradeBook(h);
    await pwExpect(banner()).toHaveText('Đã khóa sổ điểm HK I');
    await pwExpect(banner()).toHaveAttribute('data-state', 'locked');
  });

  it('shows the semester II book against the year’s lock, in English when chosen', async () => {
    await at('2026-05-30T12:00:00+07:00');
    await setLanguage(h, 'en');
    try {
      await openGradeBook(h, { hk: 2 });
      await pwExpect(banner()).toHaveText('Grade book semester II locks in 1 d 12 h');
      await pwExpect(banner()).toHaveAttribute('data-state', 'warning');
      await pwExpect(banner()).toHaveAttribute('title', 'Locks at 00:00 01 Jun 2026 (GMT+7)');
    } finally {
      await setLanguage(h, 'vi');
    }
  });

  it('counts down to the lock day the principal set in the options page, and back to the default', async () => {
    const options = await h.context.newPage();
    try {
      await options.goto(`chrome-extension://${h.extensionId}/options.html`);
      const semesterI = options.locator('#lock-day-vnedu-default-semester-1-score-lock');
      await pwExpect(semesterI).toHaveValue(/^\d{4}-01-15$/);
      await pwExpect(options.locator('label[for="lock-day-vnedu-default-semester-1-score-lock"]')).toHaveText(
        'Khóa sổ điểm học kỳ I (mặc định)',
      );
      // The principal locks semester I after 10 January instead.
      await semesterI.fill('2027-01-10');
      await options.locator('#save-lock-days').click();
      await pwExpect(options.locator('#lock-days-message')).toHaveText(/^Đã lưu ngày khóa sổ/);
      await pwExpect(options.locator('label[for="lock-day-vnedu-default-semester-1-score-lock"]')).toHaveText(
        'Khóa sổ điểm học kỳ I',
      );

      await at('2026-01-08T20:00:00+07:00');
      await openGradeBook(h);
      await pwExpect(banner()).toHaveText('Khóa sổ điểm HK I sau 2 ngày 4 giờ');
      await pwExpect(banner()).toHaveAttribute('title', 'Khóa lúc 00:00 11/01/2026 (GMT+7)');

      // 29 February does not exist every year: refused, nothing changes.
      await options.locator('#lock-day-vnedu-default-year-score-lock').fill('2028-02-29');
      await options.locator('#save-lock-days').click();
      await pwExpect(options.locator('#lock-days-message')).toHaveText(/^Không dùng được ngày 29\/2/);

      await options.locator('#reset-lock-days').click();
      await pwExpect(options.locator('#lock-days-message')).toHaveText('Đã trở về ngày khóa sổ mặc định.');
      await openGradeBook(h);
      await pwExpect(banner()).toHaveText('Khóa sổ điểm HK I sau 7 ngày 4 giờ');
    } finally {
      await h.serviceWorker.evaluate(async () => {
        await chrome.storage.local.set({ 'settings.schoolLockDays': {} });
      });
      await options.close();
    }
  });
});

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
