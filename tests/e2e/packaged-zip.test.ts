import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { allMatchPatterns, builtInProfiles, originPattern } from '@edulens/shared/profiles';
import { unzipSync } from 'fflate';
import { type BrowserContext, chromium, type Worker } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';
import { type RunningPortals, startPortals } from '../portals/start-portals';
import {
  EXTENSION_ID,
  extensionRoot,
  repoRoot,
  runWxt,
  TEACHER,
  WAIT,
  withExtensionBuildLock,
} from './harness';

// What a school installs: the packaged zips of `npm run zip` (Chromium and Firefox), not the test
// build the other end-to-end tests load. The Chromium zip, unzipped, is loaded into Chromium; the
// Firefox zip, unzipped, goes through Mozilla's `web-ext lint`.

const version = (JSON.parse(readFileSync(join(extensionRoot, 'package.json'), 'utf8')) as { version: string })
  .version;
const outDir = join(extensionRoot, '.output');
const chromeZip = join(outDir, `edulens-${version}-chrome.zip`);
const firefoxZip = join(outDir, `edulens-${version}-firefox.zip`);

interface Manifest {
  version: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: unknown;
  browser_specific_settings?: { gecko?: { id?: string } };
}

interface Messages {
  [key: string]: { message: string };
}

let temp: string;
let buildOutput = '';
let chromeDir: string;
let firefoxDir: string;

/** Unzips without an `unzip` program, which a fresh machine may not have. */
function unzip(zip: string, into: string): void {
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), bytes);
  }
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

beforeAll(() => {
  // The packaged build: EDULENS_TEST_BUILD is cleared, whatever the shell running the tests says.
  withExtensionBuildLock(() => {
    buildOutput = runWxt(['zip'], { EDULENS_TEST_BUILD: '' });
    buildOutput += runWxt(['zip', '-b', 'firefox'], { EDULENS_TEST_BUILD: '' });
  });
}, 120_000);

it('builds without a warning a person building it would read as a failure', () => {
  expect(buildOutput).not.toMatch(/warn|cannot interpret/i);
});

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'edulens-zip-'));
  chromeDir = join(temp, 'chrome');
  firefoxDir = join(temp, 'firefox');
  unzip(chromeZip, chromeDir);
  unzip(firefoxZip, firefoxDir);
});

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('the packaged Chromium zip', () => {
  it('is named by version and carries icons, the fixed id and no test scaffolding', () => {
    expect(statSync(chromeZip).size).toBeGreaterThan(10_000);
    const manifest = readJson<Manifest>(chromeDir, 'manifest.json');
    expect(manifest.version).toBe(version);
    for (const icons of [manifest.icons, manifest.action?.default_icon]) {
      expect(Object.keys(icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
      for (const [size, file] of Object.entries(icons ?? {})) {
        const png = readFileSync(join(chromeDir, file));
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect(png.readUInt32BE(16)).toBe(Number(size)); // IHDR width
      }
    }
    expect(manifest.permissions?.sort()).toEqual(['alarms', 'scripting', 'sidePanel', 'storage']);
    // The built-in profiles' portals (no simulator), the agent, and any portal only at run time.
    const portals = allMatchPatterns(builtInProfiles, { test: false });
    const origins = [...new Set(portals.map(originPattern))];
    expect(manifest.host_permissions?.sort()).toEqual(['http://127.0.0.1/*', ...origins].sort());
    expect(manifest.optional_host_permissions?.sort()).toEqual(['http://*/*', 'https://*/*']);
    const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches);
    expect(matches.sort()).toEqual([...portals].sort());
    // Nothing web-accessible: the background injects the on-demand scripts and answers the
    // language's messages, so no site can probe for the extension's files.
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  describe('loaded unpacked into Chromium', () => {
    let userDataDir: string;
    let context: BrowserContext;
    let worker: Worker;
    let portals: RunningPortals;
    let vi: Messages;

    beforeAll(async () => {
      vi = readJson<Messages>(chromeDir, '_locales/vi/messages.json');
      portals = await startPortals({ port: 0 });
      userDataDir = await mkdtemp(join(tmpdir(), 'edulens-zip-profile-'));
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        headless: true,
        locale: 'vi-VN',
        args: [`--disable-extensions-except=${chromeDir}`, `--load-extension=${chromeDir}`, ...chromiumArgs],
      });
      worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', WAIT));
    }, 60_000);

    afterAll(async () => {
      await context?.close().catch(() => undefined);
      await portals?.stop();
      if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    });

    it('starts its service worker under the fixed id', async () => {
      expect(worker.url()).toBe(`chrome-extension://${EXTENSION_ID}/background.js`);
      const loaded = await worker.evaluate(() => chrome.runtime.getManifest().version);
      expect(loaded).toBe(version);
    });

    it('renders the popup and the options page in Vietnamese', async () => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
      await popup.locator('#app[data-ready="1"]').waitFor(WAIT);
      expect(await popup.locator('h1').first().textContent()).toBe(vi.extName?.message);
      expect(await popup.locator('h2').allTextContents()).toContain(vi.popup_locks?.message);

      const options = await context.newPage();
      await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      await options.locator('h1').first().waitFor(WAIT);
      expect(await options.locator('h1').first().textContent()).toBe(vi.options_title?.message);
      expect(await options.title()).toBe(vi.options_title?.message);
      await Promise.all([popup.close(), options.close()]);
    });

    it('does not run on the portal simulator (no test scaffolding)', async () => {
      const origin = new URL(portals.vnedu.url).origin;
      const page = await context.newPage();
      await page.request.post(`${origin}/__test/login`, { data: { username: TEACHER } });
      await page.goto(`${origin}/v5/?open=nhap-diem&lop=6A1&mon=TOAN&hk=1&poll=0`);
      await page.locator('table.tablefix tbody tr').first().waitFor(WAIT);
      // A content script would answer (or at least listen); none is there to receive.
      const reply = await worker.evaluate(async (url) => {
        const [tab] = await chrome.tabs.query({ url: `${url}/*` });
        if (tab?.id === undefined) return 'no tab';
        return chrome.tabs.sendMessage(tab.id, { type: 'ping' }).then(
          () => 'answered',
          (error: unknown) => String(error),
        );
      }, origin);
      expect(reply).toMatch(/Receiving end does not exist/);
      expect(await page.locator('#edulens-overlay').count()).toBe(0);
      await page.close();
    });
  });
});

describe('the packaged Firefox zip', () => {
  it('passes web-ext lint with no errors', () => {
    const manifest = readJson<Manifest>(firefoxDir, 'manifest.json');
    expect(manifest.version).toBe(version);
    expect(manifest.browser_specific_settings?.gecko?.id).toBe('edulens@edulens.vn');
    const webExt = join(repoRoot, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
    const args = ['lint', '--source-dir', firefoxDir, '--output', 'json', '--no-config-discovery'];
    const result = spawnSync(process.execPath, [webExt, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const report = JSON.parse(result.stdout) as {
      errors: { code: string; message: string }[];
      summary: { errors: number; warnings: number };
    };
    expect(report.errors.map((error) => `${error.code}: ${error.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 60_000);
});

// Evaluated in the extension's service worker.
declare const chrome: {
  runtime: { getManifest(): { version: string } };
  tabs: {
    query(query: { url: string }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};
