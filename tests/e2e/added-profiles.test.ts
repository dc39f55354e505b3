import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { vneduProfile } from '@edulens/shared/profiles';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_DEMAND_SCRIPTS } from '../../extension/lib/on-demand-scripts';
import {
  ensureExtensionBuilt,
  type ExtensionBrowser,
  launchWithExtension,
  overlay,
  pastePreview,
  repoRoot,
  WAIT,
  waitForOverlay,
} from './harness';

// A portal EduLens has no built-in profile for: the manifest leaves room for it (optional host
// permissions, `scripting`), and the options page adds it from a profile file, asks for its
// origin, and the content script then runs on its pages, in the chosen language, with the engines
// it loads on demand, although none of the extension's files is web-accessible.

interface Manifest {
  permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown;
}

describe("the test build's manifest", () => {
  const dir = ensureExtensionBuilt();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  it('asks for any portal origin only at run time, and may register content scripts', () => {
    expect(manifest.optional_host_permissions?.sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.permissions).toContain('scripting');
  });

  it('exposes none of its files to web pages, so no site can probe for it', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    const onDemand = readdirSync(dir).filter((file) => file.endsWith('.js') && file !== 'background.js');
    // Every script the background may inject is built, and no other script is.
    expect(onDemand.sort()).toEqual(ON_DEMAND_SCRIPTS.map((script) => script.slice(1)).sort());
  });
});

describe('a portal added from a profile file', () => {
  let b: ExtensionBrowser;
  let server: Server;
  let portalUrl: string;
  const gradePage = readFileSync(join(repoRoot, 'tests/portals/vnedu/pages/tt22-hk1.html'), 'utf8');

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      // Under so-diem/, a vnEdu grade book as the simulator saved it (tests/portals/vnedu/pages).
      response.end(
        request.url?.includes('/so-diem/')
          ? gradePage
          : '<!doctype html><html lang="vi"><title>Cổng thử</title><p>Trang chủ</p></html>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    portalUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cong-thu/`;
    b = await launchWithExtension();
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Which profile the content script of the portal's tab answers with, or null if none runs there. */
  async function profileOnPortal(): Promise<string | null> {
    return b.serviceWorker.evaluate(async (prefix) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix));
      if (tab?.id === undefined) return null;
      try {
        const reply = (await chrome.tabs.sendMessage(
          tab.id,
          { edulens: 1, type: 'page.state', payload: {} },
          { frameId: 0 },
        )) as { ok: boolean; value?: { profileId: string } } | undefined;
        return reply?.value?.profileId ?? null;
      } catch {
        return null;
      }
    }, portalUrl);
  }

  async function openPortal(path = ''): Promise<Page> {
    const page = await b.context.newPage();
    await page.goto(`${portalUrl}${path}`);
    return page;
  }

  /** Adds the profile from its file on the options page and allows its origin. */
  async function addProfile(page: Page, match: string[]): Promise<void> {
    await page.locator('#profile-file').setInputFiles({
      name: 'cong-thu.json',
      mimeType: 'application/json',
      buffer: profileFile(match),
    });
    await page.locator('#profile-allow').click();
    await expect.poll(() => page.locator('#profiles-added li').count()).toBe(1);
  }

  function profileFile(match: string[], id = 'cong-thu'): Buffer {
    const profile = { ...vneduProfile, id, name: 'Cổng thử', match, testMatch: undefined };
    return Buffer.from(JSON.stringify({ format: 'edulens-profile', formatVersion: 1, profile }));
  }

  async function options(): Promise<Page> {
    const page = await b.context.newPage();
    await page.goto(`chrome-extension://${b.extensionId}/options.html`);
    await page.locator('#profiles-section').waitFor(WAIT);
    return page;
  }

  it('refuses a file that is not a profile, in Vietnamese', async () => {
    const page = await options();
    await page.locator('#profile-file').setInputFiles({
      name: 'hong.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"edulens-profile","formatVersion":1,"profile":{"id":"x"}}'),
    });
    await expect
      .poll(() => page.locator('#profiles-message').textContent())
      .toMatch(/^Tệp "hong.json" không phải hồ sơ cổng hợp lệ: /);
    await expect.poll(() => page.locator('#profile-pending').isHidden()).toBe(true);
    await page.close();
  });

  it("asks for the portal's origin on the click, then the content script runs on its pages", async () => {
    const before = await openPortal();
    expect(await profileOnPortal()).toBeNull();
    await before.close();

    const page = await options();
    await page.locator('#profile-file').setInputFiles({
      name: 'cong-thu.json',
      mimeType: 'application/json',
      buffer: profileFile(['http://127.0.0.1/cong-thu/*']),
    });
    await expect
      .poll(() => page.locator('#profile-pending p').textContent())
      .toBe('Thêm cổng "Cổng thử"? EduLens cần được phép chạy trên: http://127.0.0.1/*.');
    // The origin is one the test build holds already, so the browser grants it without a prompt
    // (a prompt cannot be answered headless); a new origin is asked for the same way.
    await page.locator('#profile-allow').click();
    await expect
      .poll(() => page.locator('#profiles-message').textContent())
      .toBe('Đã thêm cổng "Cổng thử". Mở lại trang của cổng để EduLens chạy trên đó.');
    await expect.poll(() => page.locator('#profiles-added li').count()).toBe(1);

    const registered = await b.serviceWorker.evaluate(async () =>
      (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches })),
    );
    expect(registered).toEqual([
      { id: 'edulens-profile-cong-thu', matches: ['http://127.0.0.1/cong-thu/*'] },
    ]);
    const portal = await openPortal();
    await expect.poll(profileOnPortal, { timeout: 10_000 }).toBe('cong-thu');
    await portal.close();

    await page.locator('#profiles-added li[data-profile="cong-thu"] button').click();
    await expect.poll(() => page.locator('#profiles-added li').count()).toBe(0);
    await expect
      .poll(() =>
        b.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length),
      )
      .toBe(0);
    const after = await openPortal();
    expect(await profileOnPortal()).toBeNull();
    await after.close();
    await page.close();
  });

  it("applies the language chosen in the options and loads the bulk-fill engine, and the page cannot fetch the extension's files", async () => {
    const en = JSON.parse(
      readFileSync(join(ensureExtensionBuilt(), '_locales/en/messages.json'), 'utf8'),
    ) as Record<string, { message: string }>;
    const settings = await options();
    await settings.locator('select#language').selectOption('en');
    await settings.locator('html[lang="en"] #profiles-section').waitFor(WAIT);
    await addProfile(settings, ['http://127.0.0.1/cong-thu/*']);

    const portal = await openPortal('so-diem/');
    await waitForOverlay(portal);
    const panel = overlay(portal).locator('[data-testid="bulkfill-panel"]');
    await expect.poll(() => panel.locator('header .grow').textContent()).toBe(en.bulkFill_title?.message);
    const code = await portal.locator('table.tablefix tbody tr[id]').first().getAttribute('id');
    await pastePreview(portal, ['Mã HS\tĐĐGtx 1', `${code}\t9,5`].join('\r\n'));
    // The preview is the engine's own work, in the language the engine was given too.
    const preview = overlay(portal).locator('[data-testid="bulkfill-preview"]');
    await expect.poll(() => preview.locator('[data-status="matched"]').count()).toBe(1);
    expect(await preview.locator('[data-testid="bulkfill-confirm"]').textContent()).toBe(
      en.bulkFill_confirm?.message.replace('$1', '1'),
    );
    // The page's own scripts cannot reach any of the extension's files.
    const probes = await portal.evaluate(async (origin) => {
      const paths = ['/bulk-fill-engine.js', '/_locales/vi/messages.json', '/manifest.json'];
      return Promise.all(
        paths.map((path) =>
          fetch(`${origin}${path}`).then(
            () => `${path}: read`,
            () => `${path}: refused`,
          ),
        ),
      );
    }, `chrome-extension://${b.extensionId}`);
    expect(probes).toEqual([
      '/bulk-fill-engine.js: refused',
      '/_locales/vi/messages.json: refused',
      '/manifest.json: refused',
    ]);
    await portal.close();

    await settings.locator('select#language').selectOption('vi');
    await settings.locator('html[lang="vi"] #profiles-section').waitFor(WAIT);
    await settings.locator('#profiles-added li[data-profile="cong-thu"] button').click();
    await expect.poll(() => settings.locator('#profiles-added li').count()).toBe(0);
    await settings.close();
  });

  it('refuses a second profile with an id already taken', async () => {
    const page = await options();
    await page.locator('#profile-file').setInputFiles({
      name: 'vnedu.json',
      mimeType: 'application/json',
      buffer: profileFile(['http://127.0.0.1/khac/*'], 'vnedu'),
    });
    await expect
      .poll(() => page.locator('#profiles-message').textContent())
      .toBe('Đã có một cổng mang mã "vnedu".');
    await page.close();
  });
});

// Evaluated in the extension's service worker.
declare const chrome: {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};
