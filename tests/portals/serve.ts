import { pathToFileURL } from 'node:url';
import { DEFAULT_BASE_PORT, type RunningPortals, startPortals } from './start-portals';
import { schoolYearLabel } from './smas/common/school';
import { formatVnDateTime } from './vnedu/sim-clock';
import { followToday, type VnEduOptions } from './vnedu/state';

// `npm run portals`: every simulated portal on 127.0.0.1 until Ctrl+C. Settings from the
// environment: EDULENS_PORTALS_PORT (first port, default 5301), EDULENS_VNEDU_SAVE_DELAY_MS
// and EDULENS_SMAS_SAVE_DELAY_MS (default 800, saves feel slow as on the real portals), EDULENS_VNEDU_SESSION_IDLE_MIN (20),
// EDULENS_VNEDU_POLL_MS (5000), EDULENS_VNEDU_REFILL_MIN (10). The school year and the portal's clock
// follow today's date, as the extension's do; EDULENS_VNEDU_SCHOOL_YEAR=2025 pins the fixture year
// the tests use (clock from 20/11/2025 08:00).

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

function printBanner(portals: RunningPortals): void {
  say('Các cổng mô phỏng đang chạy:', 'Simulated portals running:');
  for (const portal of portals.all) {
    console.log(`\n${portal.name}: ${portal.url}`);
    if (portal.id === 'vnedu') {
      const { state } = portals.vnedu.handle;
      say(
        `  Năm học ${state.schoolYear}-${state.schoolYear + 1}, đồng hồ cổng: ${formatVnDateTime(state.clock.now())}`,
        `  School year ${state.schoolYear}-${state.schoolYear + 1}, portal clock: ${formatVnDateTime(state.clock.now())}`,
      );
    }
    if (portal.id === 'smas-legacy') {
      const { state } = portals.smasLegacy.handle;
      say(
        `  ${state.roster.school.name}, năm học ${schoolYearLabel()}, đồng hồ cổng: ${formatVnDateTime(state.clock.now())}; lớp ${state.roster.bulkClass.name} có ${state.roster.bulkClass.students.length} học sinh`,
        `  ${state.roster.school.name}, school year ${schoolYearLabel()}, portal clock: ${formatVnDateTime(state.clock.now())}; class ${state.roster.bulkClass.name} has ${state.roster.bulkClass.students.length} students`,
      );
    }
    say('  Tài khoản mẫu (tên đăng nhập / mật khẩu):', '  Demo accounts (username / password):');
    for (const account of portal.accounts) {
      console.log(`    ${account.username} / ${account.password}  — ${account.vi} / ${account.en}`);
    }
  }
  console.log('');
  say(
    'Mã xác nhận khi đăng nhập: xem thuộc tính data-test-captcha của ảnh. Điều khiển kiểm thử: /__test/*',
    'Login captcha: see the image attribute data-test-captcha. Test controls: /__test/*',
  );
  say('Nhấn Ctrl+C để dừng.', 'Press Ctrl+C to stop.');
}

async function main(): Promise<void> {
  const pinned = envNumber('EDULENS_VNEDU_SCHOOL_YEAR', 0);
  const vnedu: VnEduOptions = {
    ...(pinned ? { schoolYear: pinned } : followToday()),
    saveDelayMs: envNumber('EDULENS_VNEDU_SAVE_DELAY_MS', 800),
    sessionIdleMinutes: envNumber('EDULENS_VNEDU_SESSION_IDLE_MIN', 20),
    pollMs: envNumber('EDULENS_VNEDU_POLL_MS', 5000),
    refillEveryMinutes: envNumber('EDULENS_VNEDU_REFILL_MIN', 10),
  };
  const smasLegacy = { saveDelayMs: envNumber('EDULENS_SMAS_SAVE_DELAY_MS', 800) };
  const portals = await startPortals({
    port: envNumber('EDULENS_PORTALS_PORT', DEFAULT_BASE_PORT),
    vnedu,
    smasLegacy,
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
