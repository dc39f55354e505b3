import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { originPattern, vneduProfile } from '@edulens/shared/profiles';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureExtensionBuilt, type ExtensionBrowser, launchWithExtension, WAIT } from './harness';

// A portal EduLens has no built-in profile for: the manifest leaves room for it (optional host
// permissions, `scripting`, the language files and engines exposed on every content script's
// origin), and the options page adds it from a profile file, asks for its origin, and the content
// script then runs on its pages.

interface Manifest {
  permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
}

describe("the test build's manifest", () => {
  const dir = ensureExtensionBuilt();
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  it('asks for any portal origin only at run time, and may register content scripts', () => {
    expect(manifest.optional_host_permissions?.sort()).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.permissions).toContain('scripting');
  });

  it('exposes the language files and every script loaded on demand where the content script runs', () => {
    const exposed = manifest.web_accessible_resources ?? [];
    const resources = exposed.flatMap((entry) => entry.resources);
    const onDemand = readdirSync(dir).filter((file) => file.endsWith('.js') && file !== 'background.js');
    expect(onDemand).toContain('bulk-fill-engine.js');
    expect(resources.sort()).toEqual(['_locales/*/messages.json', ...onDemand].sort());
    const origins = (manifest.content_scripts ?? []).flatMap((script) => script.matches).map(originPattern);
    expect(origins).toContain('http://127.0.0.1/*');
    for (const entry of exposed) expect(entry.matches.sort()).toEqual([...new Set(origins)].sort());
  });
});

describe('a portal added from a profile file', () => {
  let b: ExtensionBrowser;
  let server: Server;
  let portalUrl: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="vi"><title>Cổng thử</title><p>Trang chủ</p></html>');
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

  async function openPortal(): Promise<Page> {
    const page = await b.context.newPage();
    await page.goto(portalUrl);
    return page;
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
