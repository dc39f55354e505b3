import { expect as pwExpect } from 'playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cellInput,
  type Harness,
  openGradeBook,
  rowCodes,
  storedBook,
  screenshot,
  setExtensionClock,
  startHarness,
} from './harness';

// The popup and the side panel, opened as pages for the portal's tab (`?tab=<id>`): the page's
// profile and book, lock countdowns, the agent's status, the problems list with jump-to-cell and
// the drafts of the book.

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.control('reset');
  await h.control('clock', { now: '2026-01-12T20:00:00+07:00' });
  await setExtensionClock(h, '2026-01-12T20:00:00+07:00');
}, 120_000);

afterAll(async () => {
  await h?.cleanup();
});

async function portalTabId(): Promise<number> {
  const id = await h.serviceWorker.evaluate(async (origin) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url?.startsWith(origin))?.id ?? -1;
  }, h.origin);
  expect(id).toBeGreaterThan(0);
  return id;
}

describe('popup and side panel', () => {
  it('show the page, its locks, the agent, its problems and drafts', async () => {
    const grid = await openGradeBook(h);
    const [first, second] = await rowCodes(grid);
    await cellInput(grid, first!, 'tx1').fill('12');
    await cellInput(grid, second!, 'gk').fill('7.5');
    const tabId = await portalTabId();

    const popup = await h.context.newPage();
    await popup.setViewportSize({ width: 360, height: 460 });
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('#app[data-ready="1"]').waitFor();
    await pwExpect(popup.getByTestId('profile')).toHaveText('Cổng: vnEdu');
    await pwExpect(popup.getByTestId('context')).toHaveText('6A1 · Toán · Học kỳ I · 2025-2026');
    await pwExpect(popup.getByTestId('problems')).toHaveText('1 lỗi trên trang');
    const locks = popup.getByTestId('locks').locator('li');
    await pwExpect(locks).toHaveCount(2);
    await pwExpect(locks.first()).toContainText('Khóa sổ điểm học kỳ I');
    await pwExpect(locks.first()).toContainText('3 ngày 4 giờ');
    await pwExpect(locks.first()).toHaveAttribute('title', '00:00 16/01/2026 (GMT+7)');
    await pwExpect(locks.nth(1)).toContainText('Khóa sổ điểm cả năm');
    await pwExpect(popup.getByTestId('agent')).toContainText(/Chưa ghép nối|Không kết nối được/);
    await screenshot(popup, 'popup');
    await popup.close();

    const panel = await h.context.newPage();
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.locator('#app[data-ready="1"]').waitFor();
    await pwExpect(panel.getByTestId('sidepanel-context')).toHaveText('6A1 · Toán · Học kỳ I');
    const problems = panel.getByTestId('sidepanel-problems').locator('li');
    await pwExpect(problems).toHaveCount(1);
    await pwExpect(problems.first()).toContainText('ĐĐGtx 1');
    const drafts = panel.getByTestId('sidepanel-drafts').locator('li');
    await pwExpect(drafts).toHaveCount(2);
    await pwExpect(panel.getByTestId('sidepanel-drafts')).toContainText('7.5');

    // Live: a new problem typed in the portal shows up in the open panel.
    await cellInput(grid, second!, 'ck').fill('99');
    await pwExpect(problems).toHaveCount(2);
    await screenshot(panel, 'sidepanel');

    // Jump from the panel focuses the cell in the portal's tab.
    await problems.first().locator('button').click();
    const { rows } = await storedBook(h, { lop: '6A1', hk: 1 });
    await pwExpect
      .poll(() => h.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? ''))
      .toBe(rows.find((row) => row.maHs === first)!.names.tx1);
    await panel.close();
  });

  it('popup, when not paired, says what to do and opens the settings page', async () => {
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${await portalTabId()}`);
    await popup.locator('#app[data-ready="1"]').waitFor();
    await pwExpect(popup.getByTestId('agent')).toContainText(
      'Chưa ghép nối với EduLens trên máy này. Cách ghép nối:',
    );
    await pwExpect(popup.getByTestId('pair-steps').locator('li')).toHaveText([
      'Chạy EduLens trên máy này: "npm start" trong thư mục EduLens, hoặc "edulens agent" nếu đã cài EduLens.',
      'Bấm "Cài đặt" bên dưới để mở trang Cài đặt.',
      'Nhập mã ghép nối mà EduLens đã in ra, rồi bấm "Ghép nối".',
    ]);
    const [options] = await Promise.all([
      h.context.waitForEvent('page'),
      popup.getByTestId('open-options').click(),
    ]);
    await options.waitForURL(/\/options\.html$/);
    // The settings page has what the steps name: the code field, the "Ghép nối" button and the
    // command to run, as it exists for a repository user and for an installed one.
    await pwExpect(options.locator('#pair-code')).toBeVisible();
    await pwExpect(options.locator('#pair')).toHaveText('Ghép nối');
    await pwExpect(options.locator('#pair-form .hint')).toContainText(
      '"npm start" trong thư mục EduLens, hoặc "edulens agent" nếu đã cài EduLens',
    );
    await options.close();
    await popup.close();
  });
});

declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
