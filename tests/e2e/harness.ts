import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Frame, type Locator, type Page, type Worker } from 'playwright';
import { chromiumArgs, chromiumPath } from '../helpers/chromium';
import { type RunningPortals, startPortals } from '../portals/start-portals';

// Shared set-up of the end-to-end tests: the built extension (rebuilt only when a source is newer
// than the build), the vnEdu simulator in-process on a free port, and a headless Chromium with the
// extension loaded. Every helper returns plain Playwright objects.

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../..');
export const extensionRoot = join(repoRoot, 'extension');
/** The test build (`EDULENS_TEST_BUILD=1`: the content script also runs on the simulator). */
export const extensionDir = join(extensionRoot, '.output', 'test', 'chrome-mv3');
export const artifactsDir = join(repoRoot, 'artifacts');
export const screenshotsDir = join(artifactsDir, 'screenshots');

/** Fixed by the manifest `key` in extension/wxt.config.ts. */
export const EXTENSION_ID = 'jdpakbjhcfeagahdmceihcdijcnmiffm';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;

/** The simulator's teacher of Toán in 6A1 (THCS Nguyễn Du). */
export const TEACHER = 'annv.thcsnd';
export const TEACHER_PASSWORD = 'Vnedu@2025';

/** How long waits and polls allow: the machine runs other suites alongside (2 cores). */
export const WAIT = { timeout: 15_000 };

// ---------------------------------------------------------------------------------------------
// Build

const SOURCES = [
  join(extensionRoot, 'entrypoints'),
  join(extensionRoot, 'features'),
  join(extensionRoot, 'lib'),
  join(extensionRoot, 'public'),
  join(extensionRoot, 'wxt.config.ts'),
  join(extensionRoot, 'package.json'),
  join(repoRoot, 'shared', 'src'),
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function builtAt(): number {
  const manifest = join(extensionDir, 'manifest.json');
  return existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
}

export function extensionIsStale(): boolean {
  return newestMtime(SOURCES[0]!) === 0 || SOURCES.some((source) => newestMtime(source) > builtAt());
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `fn` holding the extension's build lock: test files run in parallel workers and every WXT
 * run writes extension/.wxt/, so one builds while the others wait.
 */
export function withExtensionBuildLock<T>(fn: () => T): T {
  const lock = join(extensionRoot, '.wxt-build-lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than 3 minutes belongs to a build that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000)
        rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('Timed out waiting for another extension build');
      sleep(250);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs the workspace's WXT (`build`, `zip -b firefox`…) in extension/; throws with its output. */
/** Runs the WXT command line in the extension folder; answers what it printed (stdout, then stderr). */
export function runWxt(args: readonly string[], env: Record<string, string> = {}): string {
  const wxt = join(repoRoot, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  const result = spawnSync(process.execPath, [wxt, ...args], {
    cwd: extensionRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  if (result.status !== 0) {
    throw new Error(`wxt ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return `${result.stdout}\n${result.stderr}`;
}

/**
 * Builds the extension's test build (`EDULENS_TEST_BUILD=1 wxt build`, into .output/test/: the
 * content script also runs on the simulator) when any source is newer than the last build.
 */
export function ensureExtensionBuilt(): string {
  if (!extensionIsStale() && process.env.EDULENS_FORCE_BUILD !== '1') return extensionDir;
  return withExtensionBuildLock(() => {
    if (extensionIsStale()) runWxt(['build'], { EDULENS_TEST_BUILD: '1' });
    return extensionDir;
  });
}

// ---------------------------------------------------------------------------------------------
// Browser

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** A persistent Chromium context with the built extension loaded (headless unless EDULENS_HEADED=1). */
export async function launchWithExtension(options: { headless?: boolean } = {}): Promise<ExtensionBrowser> {
  const dir = ensureExtensionBuilt();
  const userDataDir = await mkdtemp(join(tmpdir(), 'edulens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: options.headless ?? process.env.EDULENS_HEADED !== '1',
    viewport: { width: 1360, height: 860 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...chromiumArgs],
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker');
  const extensionId = serviceWorker.url().split('/')[2] ?? '';
  return {
    context,
    serviceWorker,
    extensionId,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Everything at once

export interface Harness extends ExtensionBrowser {
  portals: RunningPortals;
  /** The simulator's origin, e.g. http://127.0.0.1:40123 */
  origin: string;
  /** A first page of the context. */
  page: Page;
  /** POST /__test/<path> on the simulator. */
  control(path: string, body?: unknown): Promise<unknown>;
  cleanup(): Promise<void>;
}

export async function startHarness(options: { headless?: boolean } = {}): Promise<Harness> {
  const portals = await startPortals({ port: 0 });
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchWithExtension(options);
    const origin = new URL(portals.vnedu.url).origin;
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const b = browser;
    return {
      ...b,
      portals,
      origin,
      page,
      control: (path, body = {}) => postJson(`${origin}/__test/${path}`, body),
      async cleanup() {
        await b.close().catch(() => undefined);
        await portals.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await portals.stop();
    throw error;
  }
}

export async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${url} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

// ---------------------------------------------------------------------------------------------
// vnEdu pages

export interface GradeBookOptions {
  lop?: string;
  mon?: string;
  hk?: 1 | 2;
  /** Primary (TT27) books: the period gk1 | ck1 | gk2 | ck2. */
  muc?: 'gk1' | 'ck1' | 'gk2' | 'ck2';
  /** Windows opened before the grade window ("so-nhan-xet": another book left open behind it). */
  behind?: Array<'so-nhan-xet' | 'thong-bao'>;
  /** Locked cells as disabled inputs (default) or without inputs. */
  locked?: 'disabled' | 'none';
  edit?: 'input' | 'click';
  paging?: 'all' | 'pages' | 'virtual';
  /** Grade page in an iframe inside its window. */
  frame?: boolean;
  /** Background poll in ms (0 = off, the default here). */
  poll?: number;
  delay?: number;
  username?: string;
}

/** Logs in (test endpoint, no captcha) and opens the grade window; waits for EduLens's overlay. */
export async function openGradeBook(
  h: Harness,
  options: GradeBookOptions = {},
  page: Page = h.page,
): Promise<GradeFrame> {
  await page.context().request.post(`${h.origin}/__test/login`, {
    data: { username: options.username ?? TEACHER },
  });
  const query = new URLSearchParams({
    open: [...(options.behind ?? []), 'nhap-diem'].join(','),
    lop: options.lop ?? '6A1',
    mon: options.mon ?? 'TOAN',
    hk: String(options.hk ?? 1),
    poll: String(options.poll ?? 0),
  });
  if (options.muc) query.set('muc', options.muc);
  if (options.locked) query.set('locked', options.locked);
  if (options.edit) query.set('edit', options.edit);
  if (options.paging) query.set('paging', options.paging);
  if (options.frame) query.set('frame', '1');
  if (options.delay !== undefined) query.set('delay', String(options.delay));
  await page.goto(`${h.origin}/v5/?${query}`);
  const grid = gradeFrame(page, options.frame === true);
  await grid.locator('table.tablefix tbody tr').first().waitFor();
  await waitForOverlay(page);
  return grid;
}

/** Where the grid lives: the page, or the window's iframe. */
export type GradeFrame = Pick<Frame, 'locator'> & { frame: Frame | Page };

export function gradeFrame(page: Page, inIframe: boolean): GradeFrame {
  if (!inIframe) return { frame: page, locator: (selector: string) => page.locator(selector) } as GradeFrame;
  const frameLocator = page.frameLocator('#ifrNhapDiem');
  return {
    frame: page,
    locator: (selector: string) => frameLocator.locator(selector),
  } as GradeFrame;
}

/** The overlay's shadow host; Playwright's CSS locators pierce its open shadow root. */
export function overlay(page: Page): Locator {
  return page.locator('#edulens-overlay');
}

export async function waitForOverlay(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('#edulens-overlay[data-ready="1"]').waitFor({ state: 'attached', timeout });
}

/** The grade window's part of the page: the window in front, or the iframe's whole document. */
const BOOK = ':is(.ux-desktop-active-win, body.grade-page)';

/**
 * Input of one cell: the row is `tr#<maHs>`, the field (input, or a primary book's comment
 * textarea) names its column in its `c` attribute (`tx1|…|gk|ck|nx`, `nx|kt|xl|ktl|xll`).
 */
export function cellInput(grid: GradeFrame, code: string, key: string): Locator {
  return grid.locator(`${BOOK} table.tablefix tr[id="${code}"] :is(input, textarea)[c="${key}"]`);
}

/**
 * The element a teacher clicks to enter a score: the cell's input, or its click-to-edit span
 * (`edit=click`, `data-name="txt_<hoc_sinh_id>_<column>_<muc>"`), which the page turns into an input on click.
 */
export function scoreCell(grid: GradeFrame, code: string, key: string): Locator {
  const row = `${BOOK} table.tablefix tr[id="${code}"]`;
  return grid.locator(`${row} :is(input, textarea)[c="${key}"], ${row} span[data-name*="_${key}_"]`);
}

/** The table cell (`td`) of a cell. */
export function cellTd(grid: GradeFrame, code: string, key: string): Locator {
  const field = grid.locator(`:is(input, textarea)[c="${key}"], span[data-name*="_${key}_"]`);
  return grid.locator(`${BOOK} table.tablefix tr[id="${code}"] > td`).filter({ has: field });
}

/** Types a score as a teacher does, in either edit mode: click, select all, type, Tab away. */
export async function typeScore(
  page: Page,
  grid: GradeFrame,
  code: string,
  key: string,
  value: string,
): Promise<void> {
  await scoreCell(grid, code, key).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
}

/** The student codes of the rows on screen, in table order. */
export async function rowCodes(grid: GradeFrame): Promise<string[]> {
  return grid
    .locator(`${BOOK} table.tablefix tbody tr[id]`)
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('id') ?? ''));
}

/** Logs in through the portal's own form (after a session expiry sent the window there). */
export async function loginThroughForm(page: Page, username = TEACHER): Promise<void> {
  await page.waitForURL(/\/v5\/login/);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(TEACHER_PASSWORD);
  const captcha = await page.locator('img.captcha').getAttribute('data-test-captcha');
  await page.locator('#captcha').fill(captcha ?? '');
  await page.locator('#btnLogin').click();
}

/** The portal's "Lưu": `div#<windowId>btLuu > button` of the grade window (in the grid's document). */
export function saveButton(grid: GradeFrame): Locator {
  return grid.locator(`${BOOK} div[id$="btLuu"] > button`);
}

/** Clicks the portal's "Lưu" (in the grid's document). */
export async function pressSave(grid: GradeFrame): Promise<void> {
  await saveButton(grid).click();
}

/** The portal's message box after a save (`.x-window.x-message-box`, never a book window). */
export function messageBox(grid: GradeFrame): Locator {
  return grid.locator('.x-message-box');
}

/** Waits for the portal's "saved" message box (in the grid's document), closes it, and returns its text. */
export async function waitSaved(grid: GradeFrame): Promise<string> {
  await grid.locator('.x-message-box .x-message-box-info').waitFor(WAIT);
  const message = await grid.locator('.x-message-box .x-window-text').innerText();
  await grid.locator('.x-message-box button', { hasText: 'OK' }).click();
  return message;
}

/** "Lưu", then the portal's message box, closed; returns its text. */
export async function saveInPortal(grid: GradeFrame): Promise<string> {
  await pressSave(grid);
  return waitSaved(grid);
}

/**
 * The session dies; "Lưu" sends the window to the login page (the typing is gone), and the teacher
 * logs in again and is back at the grid.
 */
export async function expireAndLogIn(h: Harness, grid: GradeFrame): Promise<void> {
  await h.control('expire-session', { username: TEACHER });
  await pressSave(grid);
  await loginThroughForm(h.page);
  await grid.locator('table.tablefix tbody tr').first().waitFor(WAIT);
}

/** Chooses an .xlsx in the bulk-fill panel's file input, as a teacher does. */
export async function pickFillFile(page: Page, name: string, file: Buffer): Promise<void> {
  await overlay(page).locator('[data-testid="bulkfill-file"]').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
}

/** Waits until EduLens offers the unsaved drafts, restores them, and returns the offer's button text. */
export async function restoreOffered(page: Page): Promise<string> {
  const offer = overlay(page).locator('[data-edulens="drafts-offer"]');
  await offer.waitFor(WAIT);
  const label = (await offer.locator('[data-action="restore"]').textContent()) ?? '';
  await offer.locator('[data-action="restore"]').click();
  return label;
}

// ---------------------------------------------------------------------------------------------
// The simulator's stored book

export interface StoredRow {
  maHs: string;
  /** The portal's internal id (in input names), not the code. */
  hocSinhId: number;
  hoTen: string;
  /** Input name of each column: `txt_<hoc_sinh_id>_<column>_<muc>`. */
  names: Record<string, string>;
  /** Last editor of each saved cell: `"<username> - HH:MM:SS dd/mm/yyyy"`. */
  titles: Record<string, string>;
  /** Scores by column key (`tx1`, `gk`, `ck`…); a cell never entered has none. */
  values: Record<string, string>;
  /** The averages the portal computed, by key (`dtbhk`…). */
  computed: Record<string, string>;
}

export interface StoredBook {
  /** The assessed columns (scores, Đ/CĐ, KT, XL) in page order; the comment columns are in `comments`. */
  columns: Array<{ key: string; type: string }>;
  /** The book's free-text comment columns (TT22 `nx`, TT27 `nx`). */
  comments: Array<{ key: string; type: string }>;
  rows: StoredRow[];
}

/** A book as the simulator holds it (TEACHER's school unless `school` says another): what "Lưu" stored. */
export async function storedBook(
  h: Pick<Harness, 'origin'>,
  book: { lop: string; mon?: string; hk: 1 | 2; muc?: string; school?: string },
): Promise<StoredBook> {
  const query = new URLSearchParams({ lop: book.lop, mon: book.mon ?? 'TOAN', hk: String(book.hk) });
  if (book.muc) query.set('muc', book.muc);
  if (book.school) query.set('school', book.school);
  const response = await fetch(`${h.origin}/__test/scores?${query}`);
  if (!response.ok) throw new Error(`/__test/scores?${query} → ${response.status}`);
  const stored = (await response.json()) as Omit<StoredBook, 'comments'>;
  return {
    ...stored,
    columns: stored.columns.filter((column) => column.type !== 'comment'),
    comments: stored.columns.filter((column) => column.type === 'comment'),
  };
}

/** The score a teacher types: deterministic per student and column, never the value `stored` (if given). */
export function scoreFor(row: number, col: number, stored?: string): string {
  for (let shift = 0; ; shift++) {
    const score = String((40 + ((row * 7 + col * 13 + shift) % 61)) / 10);
    if (stored === undefined || Number(stored) !== Number(score)) return score;
  }
}

/** A copy of `items` in an order fixed by `seed` (Fisher–Yates over a small LCG): the same every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Extension state

/** Fixes the extension's clock (lock countdowns) at an instant; null returns to the real clock. */
export async function setExtensionClock(
  h: Pick<ExtensionBrowser, 'serviceWorker'>,
  iso: string | null,
): Promise<void> {
  const value = iso === null ? null : Date.parse(iso);
  await h.serviceWorker.evaluate(async (v) => {
    await chrome.storage.local.set({ 'dev.clockOverride': v });
  }, value);
}

/** Sets the extension's language setting. */
export async function setLanguage(
  h: Pick<ExtensionBrowser, 'serviceWorker'>,
  lang: 'vi' | 'en' | 'auto',
): Promise<void> {
  await h.serviceWorker.evaluate(async (v) => {
    await chrome.storage.local.set({ 'settings.language': v });
  }, lang);
}

/** The GridCell id drafts are kept by: `<code>|<kind>|<index>` (`tx2` → `<code>|tx|1`). */
export function draftField(code: string, key: string): string {
  return key.startsWith('tx') ? `${code}|tx|${Number(key.slice(2)) - 1}` : `${code}|${key}|0`;
}

export interface StoredDraft {
  field: string;
  value: string;
  /** The book it belongs to (`class`, `term`…). */
  page: Record<string, string>;
  savedToPortal: boolean;
}

/** Reads the extension's IndexedDB raw (plain JS: this file is also compiled without the DOM lib). */
const READ_DRAFTS_DB = `(async () => {
  const names = (await indexedDB.databases()).map((db) => db.name);
  if (!names.includes('edulens-drafts')) return { drafts: [], outbox: 0 };
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('edulens-drafts');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['drafts', 'outbox']);
  const drafts = tx.objectStore('drafts').getAll();
  const outbox = tx.objectStore('outbox').count();
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
  return { drafts: drafts.result, outbox: outbox.result };
})()`;

/**
 * Every draft in the extension's IndexedDB, and the number of changes queued for the agent. Read
 * from an extension page, which shares the extension's origin and hence its IndexedDB.
 */
export async function storedDrafts(extensionPage: Page): Promise<{ drafts: StoredDraft[]; outbox: number }> {
  return extensionPage.evaluate<{ drafts: StoredDraft[]; outbox: number }>(READ_DRAFTS_DB);
}

/** Unsaved drafts of one class and term, read from an options page opened for the purpose. */
export async function unsavedDrafts(
  h: Pick<Harness, 'context' | 'extensionId' | 'page'>,
  lop: string,
  hk: 1 | 2,
): Promise<Array<{ field: string; value: string }>> {
  const options = await h.context.newPage();
  try {
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const { drafts } = await storedDrafts(options);
    // The term as the page names it: "Học kỳ I" in a label, "1" in the hidden iHocKy field.
    const terms = [`Học kỳ ${hk === 1 ? 'I' : 'II'}`, String(hk)];
    return drafts
      .filter(
        (draft) => !draft.savedToPortal && draft.page.class === lop && terms.includes(draft.page.term ?? ''),
      )
      .map(({ field, value }) => ({ field, value }));
  } finally {
    await options.close();
    // A page in the background gets no animation frames: keep the portal in front.
    await h.page.bringToFront();
  }
}

/** Timings the content script recorded (ms per sample), by name; `reset` clears them after reading. */
export async function readPerf(page: Page, reset = false): Promise<Record<string, number[]>> {
  const json = await page.evaluate(
    (doReset) =>
      new Promise<string>((done) => {
        document.addEventListener('edulens:perf-response', (e) => done(e.detail), { once: true });
        document.dispatchEvent(new CustomEvent('edulens:perf-request', { detail: doReset ? 'reset' : null }));
      }),
    reset,
  );
  return JSON.parse(json) as Record<string, number[]>;
}

/** Saves a screenshot to artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await target.screenshot({ path });
  return path;
}

// Globals of the service worker and the page, used inside evaluate() callbacks: this file is also
// compiled without the DOM lib (the bench runner imports it).
declare const chrome: {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
};
declare const document: {
  addEventListener(type: string, listener: (event: { detail: string }) => void, options?: object): void;
  dispatchEvent(event: unknown): boolean;
};
declare const CustomEvent: new (type: string, init?: { detail?: unknown }) => unknown;

/**
 * Confirms the bulk-fill preview as a teacher does: when the fill would overwrite stored values,
 * the preview asks for that apart ("Cho phép ghi đè N điểm đã có"); this ticks it first. Returns
 * how many stored values the fill overwrites (0 when it only fills empty cells).
 */
export async function confirmFill(page: Page): Promise<number> {
  const preview = overlay(page).locator('[data-testid="bulkfill-preview"]');
  const allow = preview.locator('[data-testid="bulkfill-allow-overwrite"]');
  await preview.locator('[data-testid="bulkfill-confirm"]').waitFor(WAIT);
  let overwrites = 0;
  if (await allow.isVisible()) {
    overwrites = Number(/\d+/.exec((await allow.locator('xpath=..').textContent()) ?? '')?.[0] ?? 0);
    await allow.check();
  }
  await preview.locator('[data-testid="bulkfill-confirm"]').click();
  return overwrites;
}

/** Pastes a block into the bulk-fill panel and opens its preview. */
export async function pastePreview(page: Page, block: string): Promise<void> {
  await overlay(page).locator('[data-testid="bulkfill-paste"]').fill(block);
  await overlay(page).locator('[data-testid="bulkfill-preview-paste"]').click();
  await overlay(page)
    .locator('[data-testid="bulkfill-preview"] [data-testid="bulkfill-confirm"]')
    .waitFor(WAIT);
}
