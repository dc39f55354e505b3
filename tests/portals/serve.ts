import { pathToFileURL } from 'node:url';
import { portalYearsFromEnv } from './school-year';
import { schoolYearLabel } from './smas/common/school';
import { DEFAULT_BASE_PORT, type RunningPortals, startPortals } from './start-portals';
import { formatVnDateTime } from './vnedu/sim-clock';

// `npm run portals`: every simulated portal on 127.0.0.1 until Ctrl+C. Settings from the
// environment: EDULENS_PORTALS_PORT (first port, default 5301), EDULENS_VNEDU_SAVE_DELAY_MS
// and EDULENS_SMAS_SAVE_DELAY_MS (default 800, saves feel slow as on the real portals),
// EDULENS_VNEDU_SESSION_IDLE_MIN (20), EDULENS_VNEDU_POLL_MS (5000), EDULENS_VNEDU_REFILL_MIN (10).
// The school year and every portal's clock (vnEdu and both SMAS generations) follow today's date,
// as the extension's do, and the seeded records and marks are made for that year;
// EDULENS_PORTALS_SCHOOL_YEAR=2025 pins them all to the fixture year the tests use (clocks from
// 20/11/2025 08:00). See school-year.ts.

export { type RunningPortals, type StartPortalsOptions, startPortals } from './start-portals';

function say(vi: string, en: string): void {
  console.log(`${vi}\n  ${en}`);
}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name}="${raw}" không phải số hợp lệ / is not a valid number`);
  }
  return value;
}

/** "Năm học …, đồng hồ cổng: …" and its English, for a portal's school year and clock. */
function sayYearAndClock(schoolYear: number, now: number, extraVi = '', extraEn = ''): void {
  say(
    `  Năm học ${schoolYearLabel(schoolYear)}, đồng hồ cổng: ${formatVnDateTime(now)}${extraVi}`,
    `  School year ${schoolYearLabel(schoolYear)}, portal clock: ${formatVnDateTime(now)}${extraEn}`,
  );
}

/** Today's SMAS lock, if the calendar has one in force (both generations share the calendar). */
function smasLockLine(portals: RunningPortals): { vi: string; en: string } {
  const status = portals.smasLegacy.handle.state.lockStatus();
  if (!status.locked || !status.until) return { vi: '', en: '' };
  const until = formatVnDateTime(status.until.getTime());
  const title = status.lock ? ` (${status.lock.title.vi})` : '';
  return { vi: `; đang khóa${title} đến ${until}`, en: `; locked${title} until ${until}` };
}

function printBanner(portals: RunningPortals): void {
  say('Các cổng mô phỏng đang chạy:', 'Simulated portals running:');
  const lock = smasLockLine(portals);
  for (const portal of portals.all) {
    console.log(`\n${portal.name}: ${portal.url}`);
    if (portal.id === 'vnedu') {
      const { state } = portals.vnedu.handle;
      sayYearAndClock(state.schoolYear, state.clock.now());
    }
    if (portal.id === 'smas-legacy') {
      const { state } = portals.smasLegacy.handle;
      const { roster } = state;
      sayYearAndClock(roster.schoolYear, state.clock.now(), lock.vi, lock.en);
      say(
        `  ${roster.school.name}; lớp ${roster.bulkClass.name} có ${roster.bulkClass.students.length} học sinh`,
        `  ${roster.school.name}; class ${roster.bulkClass.name} has ${roster.bulkClass.students.length} students`,
      );
    }
    if (portal.id === 'smas-current') {
      const { state } = portals.smasCurrent.handle;
      sayYearAndClock(state.schoolYear, state.clock.now(), lock.vi, lock.en);
      say(
        `  Đăng nhập (SSO): ${portals.smasCurrent.ssoUrl}`,
        `  Sign-in (SSO): ${portals.smasCurrent.ssoUrl}`,
      );
    }
    say(`  Bắt đầu: ${portal.entry.vi}`, `  Start: ${portal.entry.en}`);
    console.log(`    ${portal.entry.url}`);
    say('  Tài khoản mẫu (tên đăng nhập / mật khẩu):', '  Demo accounts (username / password):');
    for (const account of portal.accounts) {
      console.log(`    ${account.username} / ${account.password}  — ${account.vi} / ${account.en}`);
    }
  }
  console.log('');
  say(
    'Mã xác nhận khi đăng nhập vnEdu: xem thuộc tính data-test-captcha của ảnh. Điều khiển kiểm thử: /__test/* trên mỗi cổng',
    "vnEdu's login captcha: see the image attribute data-test-captcha. Test controls: /__test/* on each portal",
  );
  say('Nhấn Ctrl+C để dừng.', 'Press Ctrl+C to stop.');
}

async function main(): Promise<void> {
  const years = portalYearsFromEnv();
  const portals = await startPortals({
    port: envNumber('EDULENS_PORTALS_PORT', DEFAULT_BASE_PORT),
    vnedu: {
      ...years.vnedu,
      saveDelayMs: envNumber('EDULENS_VNEDU_SAVE_DELAY_MS', 800),
      sessionIdleMinutes: envNumber('EDULENS_VNEDU_SESSION_IDLE_MIN', 20),
      pollMs: envNumber('EDULENS_VNEDU_POLL_MS', 5000),
      refillEveryMinutes: envNumber('EDULENS_VNEDU_REFILL_MIN', 10),
    },
    smasLegacy: { ...years.smasLegacy, saveDelayMs: envNumber('EDULENS_SMAS_SAVE_DELAY_MS', 800) },
    smasCurrent: years.smasCurrent,
  });
  printBanner(portals);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    say('Đang dừng các cổng mô phỏng…', 'Stopping the simulated portals…');
    portals.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
