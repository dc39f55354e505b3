import { browser } from 'wxt/browser';

/**
 * The tab a popup or side panel is about: `?tab=<id>` in its own URL (tests, or a panel opened
 * for a given tab), else the active tab of the current window.
 */
export async function targetTab(): Promise<{ id: number; url: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) {
    const tab = await browser.tabs.get(Number(param)).catch(() => undefined);
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
}
