import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright';
import { type AgentProcess, startAgentProcess } from '../tests/agent/agent-process';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { portalYearsFromEnv } from '../tests/portals/school-year';
import { schoolYearLabel } from '../tests/portals/smas/common/school';
import {
  DEFAULT_BASE_PORT,
  type RunningPortal,
  type RunningPortals,
  startPortals,
} from '../tests/portals/start-portals';
import { formatVnDateTime } from '../tests/portals/vnedu/sim-clock';

// `npm run demo`: the local agent, the simulated portals and Chromium with the built extension on
// the simulated vnEdu's grade book, the SMAS legacy student list and the SMAS current-generation
// score book (one tab each, vnEdu in front), all on this computer, until Ctrl+C.
//
// Data stays in artifacts/demo/ (git-ignored): `agent/` is the agent's EDULENS_HOME (SQLite
// drafts, tokens, log) and `chromium/` the browser profile (the extension's IndexedDB and its
// pairing), so drafts and pairing survive from one demo to the next. Delete the folder to start
// afresh. Settings: EDULENS_DEMO_AGENT_PORT (8787, the extension's default agent address),
// EDULENS_PORTALS_PORT (5301).
//
// Chromium opens headed when a display exists (DISPLAY or WAYLAND_DISPLAY); otherwise the script
// says how to run it with one and keeps the agent and the simulators running for another browser.
// Flags: --headless (open Chromium headless anyway, e.g. for a screenshot), --no-browser,
// --smoke (start everything, check it, stop: for CI).
//
// The simulated portals follow today's date (their school year, lock dates and clocks), as the
// extension does, so the lock banner and the portal's lock line tell the same story;
// EDULENS_PORTALS_SCHOOL_YEAR=2025 pins them to the tests' fixture year (tests/portals/school-year.ts).

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_ROOT = join(repoRoot, 'extension');
const TEST_BUILD_DIR = join(EXTENSION_ROOT, '.output', 'test');
const DEMO_DIR = join(repoRoot, 'artifacts', 'demo');
const AGENT_HOME = join(DEMO_DIR, 'agent');
const PROFILE_DIR = join(DEMO_DIR, 'chromium');
const TEACHER = { username: 'annv.thcsnd', password: 'Vnedu@2025' };
const GRADE_BOOK = '/v5/?open=nhap-diem&lop=6A1&mon=TOAN&hk=1';
/** SMAS legacy: the lower-secondary account, straight to the student list (no level to choose). */
const SMAS_RECORDS_USER = { username: 'longphuoc.thcs', password: 'Smas@2025' };
/** SMAS current: a teacher of the score book, signed in through the SSO. */
const SMAS_GRADES_USER = { username: 'hanhnt.lp', password: 'Smas@2025' };
/** Headless screenshots, in artifacts/demo/. */
const SHOTS = {
  vnedu: 'vnedu-grade-book.png',
  records: 'smas-student-list.png',
  grades: 'smas-mark-book.png',
};

const flags = new Set(process.argv.slice(2));
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function say(vi: string, en: string): void {
  console.log(`${vi}\n  ${en}`);
}

let built: string | undefined;

/** `wxt build` once per demo (a few seconds), so the browser always gets the current sources. */
function buildExtension(): string {
  if (built) return built;
  say('Đang đóng gói tiện ích (wxt build)…', 'Building the extension (wxt build)…');
  // The end-to-end tests build into the same folder; their lock folder keeps builds apart.
  const lock = join(EXTENSION_ROOT, '.wxt-build-lock');
  const deadline = Date.now() + 180_000;
  while (!tryMkdir(lock)) {
    if (Date.now() > deadline) throw new Error(`${lock} is held by another build`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
  }
  const wxt = join(repoRoot, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
  let result: ReturnType<typeof spawnSync>;
  try {
    result = spawnSync(process.execPath, [wxt, 'build'], {
      cwd: EXTENSION_ROOT,
      encoding: 'utf8',
      // The test build: its content script also runs on the simulator (http://127.0.0.1/v5/*),
      // where a packaged build does not; the folder the e2e tests load, named explicitly.
      env: { ...process.env, NO_COLOR: '1', EDULENS_TEST_BUILD: '1', EDULENS_WXT_OUT: TEST_BUILD_DIR },
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  if (result.status !== 0)
    throw new Error(
      `wxt build failed (${result.status}):\n${String(result.stdout)}\n${String(result.stderr)}`,
    );
  built = join(TEST_BUILD_DIR, 'chrome-mv3');
  return built;
}

function tryMkdir(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch {
    return false;
  }
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new RangeError(`${name}="${raw}" không phải số cổng hợp lệ / is not a valid port`);
  }
  return value;
}

/** Pairs the extension through its options page, exactly as a person would. */
async function pairThroughOptions(
  context: BrowserContext,
  extensionId: string,
  agent: AgentProcess,
): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#agent-url').fill(agent.url);
  await options.locator('#pair-code').fill(agent.pairingCode);
  await options.locator('#pair').click();
  await options.locator('#pair-message.ok, #pair-message.bad').waitFor({ timeout: 15_000 });
  const message = (await options.locator('#pair-message').textContent()) ?? '';
  if (!(await options.locator('#pair-message.ok').count())) throw new Error(`pairing failed: ${message}`);
  return options;
}

async function openBrowser(portals: RunningPortals, agent: AgentProcess, headless: boolean) {
  const extension = buildExtension();
  mkdirSync(PROFILE_DIR, { recursive: true });
  const context = await chromium.launchPersistentContext(PROFILE_DIR, {
    executablePath: chromiumPath,
    headless,
    viewport: null,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, ...chromiumArgs],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = worker.url().split('/')[2] ?? '';
  await pairThroughOptions(context, extensionId, agent);
  const origin = new URL(portals.vnedu.url).origin;
  const portal = context.pages()[0] ?? (await context.newPage());
  if (headless) {
    // Nobody can type the captcha: log in through the simulator's test door and show the grid.
    await context.request.post(`${origin}/__test/login`, { data: { username: TEACHER.username } });
    await portal.setViewportSize({ width: 1366, height: 768 }); // the common school laptop
    await portal.goto(`${origin}${GRADE_BOOK}`);
    await portal.locator('#edulens-overlay[data-ready="1"]').waitFor({ state: 'attached', timeout: 20_000 });
    await portal.screenshot({ path: join(DEMO_DIR, SHOTS.vnedu) });
    // One story: the portal's lock line and the extension's banner, side by side.
    const notice = await portal.locator('td.lock-notice').first().textContent({ timeout: 5000 });
    const banner = await portal
      .locator('[data-testid="lock-banner"]')
      .textContent({ timeout: 5000 })
      .catch(() => '(không có / none)');
    console.log(`  vnEdu:   ${notice?.trim()}`);
    console.log(`  EduLens: ${banner?.trim()}`);
  } else {
    await portal.goto(`${origin}/v5/login?${new URLSearchParams({ next: GRADE_BOOK })}`);
  }
  await openSmas(context, portals, headless);
  await portal.bringToFront();
  return { context, extensionId, extension };
}

/**
 * One tab each for the SMAS legacy student list and the current-generation score book, at their
 * login pages; headless, signed in as a person would (both have no captcha) and photographed.
 */
async function openSmas(context: BrowserContext, portals: RunningPortals, headless: boolean): Promise<void> {
  const records = await context.newPage();
  await records.goto(portals.smasLegacy.entry.url);
  const grades = await context.newPage();
  await grades.goto(portals.smasCurrent.entry.url);
  if (!headless) return;
  await records.setViewportSize({ width: 1366, height: 768 });
  await records.locator('#UserName').fill(SMAS_RECORDS_USER.username);
  await records.locator('#Password').fill(SMAS_RECORDS_USER.password);
  await records.locator('#btnLogOn').click();
  await records.locator('#gridHocSinh .rgDataDiv tr.rgRow').first().waitFor({ timeout: 20_000 });
  await records.screenshot({ path: join(DEMO_DIR, SHOTS.records) });
  await grades.setViewportSize({ width: 1366, height: 768 });
  await grades.locator('#username').fill(SMAS_GRADES_USER.username);
  await grades.locator('#password').fill(SMAS_GRADES_USER.password);
  await grades.locator('#btnLogin').click();
  await grades.locator('table.mark-table input.mark-input').first().waitFor({ timeout: 20_000 });
  await grades.screenshot({ path: join(DEMO_DIR, SHOTS.grades) });
}

/** A SMAS generation's lines: where to start, with which account, its year and clock. */
function printSmas(
  portal: RunningPortal,
  user: { username: string; password: string },
  what: { vi: string; en: string },
  schoolYear: number,
  now: number,
): void {
  console.log(`  ${portal.name}:  ${portal.url}`);
  console.log(`    ${user.username} / ${user.password}  — ${what.vi} / ${what.en}`);
  console.log(`    ${portal.entry.vi} / ${portal.entry.en}:`);
  console.log(`      ${portal.entry.url}`);
  console.log(`    Năm học / School year:        ${schoolYearLabel(schoolYear)}, ${formatVnDateTime(now)}`);
}

function printBanner(portals: RunningPortals, agent: AgentProcess, browser: string): void {
  const vnedu = portals.vnedu;
  console.log('');
  say('EduLens demo đang chạy.', 'The EduLens demo is running.');
  console.log(`  vnEdu (mô phỏng / simulated):  ${vnedu.url}`);
  console.log(`    ${TEACHER.username} / ${TEACHER.password}  — giáo viên Toán 6A1 / Toán teacher of 6A1`);
  console.log(`    Sổ điểm / Grade book:         ${new URL(GRADE_BOOK, vnedu.url).href}`);
  const { state } = vnedu.handle;
  const year = `${state.schoolYear}-${state.schoolYear + 1}`;
  console.log(`    Năm học / School year:        ${year}, ${formatVnDateTime(state.clock.now())}`);
  say(
    '    Mã xác nhận: chữ trong ảnh (dễ đọc). Buộc hết phiên: POST /__test/expire-session',
    '    Captcha: the letters in the image (readable). Force a session expiry: POST /__test/expire-session',
  );
  const legacy = portals.smasLegacy.handle.state;
  printSmas(
    portals.smasLegacy,
    SMAS_RECORDS_USER,
    { vi: 'hồ sơ học sinh cấp THCS', en: 'lower-secondary student records' },
    legacy.roster.schoolYear,
    legacy.clock.now(),
  );
  const current = portals.smasCurrent.handle.state;
  printSmas(
    portals.smasCurrent,
    SMAS_GRADES_USER,
    { vi: 'giáo viên, đăng nhập qua SSO', en: 'teacher, sign-in through the SSO' },
    current.schoolYear,
    current.clock.now(),
  );
  console.log(`  EduLens agent:                  ${agent.url}`);
  console.log(`    Mã ghép nối / Pairing code:   ${agent.pairingCode}`);
  console.log(`    Dữ liệu / Data:               ${AGENT_HOME}`);
  console.log(`  Chromium:                       ${browser}`);
  console.log('');
  say(
    'Thử: nhập vài điểm → buộc hết phiên → "Lưu" → đăng nhập lại → "Khôi phục N điểm chưa lưu".',
    'Try: type some scores → force a session expiry → "Lưu" → log in again → "Khôi phục N điểm chưa lưu".',
  );
  say('Nhấn Ctrl+C để dừng tất cả.', 'Press Ctrl+C to stop everything.');
}

function printNoDisplay(extensionDir: string): void {
  console.log('');
  say(
    'Không có màn hình (DISPLAY/WAYLAND_DISPLAY trống) nên chưa mở Chromium có giao diện. Cách chạy với màn hình:',
    'No display (DISPLAY/WAYLAND_DISPLAY unset), so no headed Chromium was opened. To run with a display:',
  );
  console.log(
    '    npm run demo                      # trong phiên làm việc có màn hình / in a desktop session',
  );
  console.log('    xvfb-run -a npm run demo          # màn hình ảo / virtual display (apt-get install xvfb)');
  console.log(
    '    npm run demo -- --headless        # Chromium không giao diện + ảnh chụp / headless + a screenshot',
  );
  say(
    `  Hoặc dùng trình duyệt của bạn: chrome://extensions → Chế độ nhà phát triển → Tải tiện ích đã giải nén → ${extensionDir}`,
    `  Or use your own browser: chrome://extensions → Developer mode → Load unpacked → ${extensionDir}`,
  );
  say(
    '  Sau đó ghép nối trong trang Cài đặt của tiện ích bằng địa chỉ và mã ghép nối bên dưới.',
    "  Then pair in the extension's settings page with the address and pairing code below.",
  );
}

async function main(): Promise<void> {
  const agentPort = port('EDULENS_DEMO_AGENT_PORT', 8787);
  const portalsPort = port('EDULENS_PORTALS_PORT', DEFAULT_BASE_PORT);
  mkdirSync(AGENT_HOME, { recursive: true });

  const portals = await startPortals({ port: portalsPort, ...portalYearsFromEnv() });
  let agent: AgentProcess;
  try {
    agent = await startAgentProcess(AGENT_HOME, { args: ['--port', String(agentPort)] });
  } catch (error) {
    await portals.stop();
    throw error;
  }
  let context: BrowserContext | undefined;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('Đang dừng…', 'Stopping…');
    await context?.close().catch(() => undefined);
    await agent.stop('SIGTERM');
    await portals.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  void agent.exited.then((code) => {
    if (stopping) return;
    say(`Agent đã dừng (mã ${code}).`, `The agent stopped (code ${code}).`);
    void stop(1);
  });

  try {
    const headless = flags.has('--headless') || (flags.has('--smoke') && !hasDisplay);
    let browser: string;
    if (flags.has('--no-browser') || (!hasDisplay && !headless)) {
      const extensionDir = buildExtension();
      printNoDisplay(extensionDir);
      browser = `${extensionDir} (chưa mở / not opened)`;
    } else {
      const opened = await openBrowser(portals, agent, headless);
      context = opened.context;
      context.on('close', () => {
        if (!stopping)
          say('Chromium đã đóng; máy chủ vẫn chạy.', 'Chromium was closed; the servers keep running.');
      });
      browser = `${headless ? 'headless' : 'headed'}, ${opened.extension}, id ${opened.extensionId}${
        headless
          ? `, ${Object.values(SHOTS)
              .map((shot) => join(DEMO_DIR, shot))
              .join(', ')}`
          : ''
      }`;
    }
    printBanner(portals, agent, browser);
    if (flags.has('--smoke')) {
      for (const shot of Object.values(SHOTS))
        if (headless && !existsSync(join(DEMO_DIR, shot))) throw new Error(`no screenshot ${shot}`);
      say('Kiểm tra nhanh: mọi thứ đã chạy.', 'Smoke check: everything started.');
      await stop(0);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
