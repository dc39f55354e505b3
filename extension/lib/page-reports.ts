import { browser } from 'wxt/browser';
import { locksFor } from './locks';
import { handle } from './messages';
import { schoolLockDays, tabReports } from './storage';

/**
 * Background side of `page.report` / `page.lastReport` (each tab's last report, in session
 * storage so it survives the service worker being stopped, for the popup and side panel) and of
 * `locks.forBook` (calendars stay out of the content script). Call once from the background's main().
 */
export function registerPageReports(): void {
  handle('locks.forBook', async ({ calendar, yearStart, now }) => {
    const schoolDays = (await schoolLockDays.getValue())[calendar.id];
    return { locks: locksFor(calendar, yearStart, now, schoolDays) };
  });
  handle('page.report', async (report, sender) => {
    if (sender.tabId !== undefined) {
      const all = await tabReports.getValue();
      await tabReports.setValue({ ...all, [String(sender.tabId)]: report });
    }
    return { ok: true as const };
  });
  handle('page.lastReport', async ({ tabId }) => {
    const all = await tabReports.getValue();
    return { report: all[String(tabId)] ?? null };
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabReports.getValue().then((all) => {
      if (!(String(tabId) in all)) return;
      const { [String(tabId)]: _gone, ...rest } = all;
      return tabReports.setValue(rest);
    });
  });
}
