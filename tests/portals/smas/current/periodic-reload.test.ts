import { expect, it } from 'vitest';
import { launchChromium } from '../../../helpers/chromium';
import { startPortals } from '../../start-portals';
import { MAIN_TEACHER } from './accounts';

// The app's options that other tests lean on: a periodic reload (refreshMs) that rebuilds the
// rows while keeping what was typed, and access tokens short enough to expire mid-session.

it('with refreshMs and a one-second token, the app reloads the book on its own (new rows, typed values kept) and refreshes the token on each 401', async () => {
  const portals = await startPortals({ port: 0, smasCurrent: { refreshMs: 700, accessTokenSeconds: 1 } });
  const browser = await launchChromium();
  try {
    const { url, ssoUrl } = portals.smasCurrent;
    const page = await browser.newPage();
    const calls: string[] = [];
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname === '/api/marks' || pathname === '/connect/token')
        calls.push(`${pathname} ${response.status()}`);
    });
    await page.goto(`${url}?classId=601&subjectId=11&semester=1`);
    await page.waitForURL((u) => u.origin === new URL(ssoUrl).origin);
    await page.fill('#username', MAIN_TEACHER.username);
    await page.fill('#password', MAIN_TEACHER.password);
    await page.click('#btnLogin');
    const firstRow = page.locator('table.mark-table tbody > tr[data-student-id]').first();
    await firstRow.waitFor();
    // Seeded scores are never below 4: '2' is a change.
    await firstRow.locator('input.mark-input').first().fill('2');
    const typedRow = await firstRow.elementHandle();
    await expect.poll(() => typedRow!.evaluate((node) => node.isConnected), { timeout: 5000 }).toBe(false);
    await expect
      .poll(() => calls.filter((call) => call === '/api/marks 401').length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => calls.at(-1), { timeout: 5000 }).toBe('/api/marks 200');
    expect(calls).toContain('/connect/token 200');
    expect(await firstRow.locator('input.mark-input').first().inputValue()).toBe('2');
    expect(await firstRow.locator('td.dirty').count()).toBe(1);
  } finally {
    await browser.close();
    await portals.stop();
  }
});
