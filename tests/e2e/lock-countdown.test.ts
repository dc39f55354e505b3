import { expect as pwExpect } from 'playwright/test';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { type Harness, openGradeBook, overlay, screenshot, setExtensionClock, startHarness } from './harness';

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
    await h.serviceWorker.evaluate(async () => {
      await chrome.storage.local.set({ 'settings.language': 'en' });
    });
    try {
      await openGradeBook(h, { hk: 2 });
      await pwExpect(banner()).toHaveText('Grade book semester II locks in 1 d 12 h');
      await pwExpect(banner()).toHaveAttribute('data-state', 'warning');
      await pwExpect(banner()).toHaveAttribute('title', 'Locks at 00:00 01 Jun 2026 (GMT+7)');
    } finally {
      await h.serviceWorker.evaluate(async () => {
        await chrome.storage.local.set({ 'settings.language': 'vi' });
      });
    }
  });
});

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
