import { type SmasLockStatus, smasLockStatus } from '../common/locks';
import { buildSmasRoster, type SmasRoster, type SmasStudent } from '../common/roster';
import { type LevelKey, smasYearAndStart } from '../common/school';
import { Sessions } from '../../vnedu/sessions';
import { createSimClock, type SimClock } from '../../vnedu/sim-clock';
import { randomBytes } from 'node:crypto';

export interface SmasLegacyOptions {
  /** Seed of the school's records (default 2025). */
  seed?: number;
  /** First calendar year of the school year (default: the one `startAt` falls in, else 2025: "2025-2026"). */
  schoolYear?: number;
  /** Simulated instant the clock starts at (default 20/11 of `schoolYear`, 08:00 in Vietnam: no lock that day). */
  startAt?: string;
  /** Extra time every "Lưu" takes (default 300). */
  saveDelayMs?: number;
  /** Inactivity after which a session ends (default 20). */
  sessionIdleMinutes?: number;
  realNow?: () => number;
}

export interface LegacySettings {
  saveDelayMs: number;
  sessionIdleMs: number;
}

export interface SmasLegacyState {
  readonly roster: SmasRoster;
  readonly clock: SimClock;
  readonly sessions: Sessions;
  /** Secret the anti-forgery form token is derived from. */
  readonly secret: string;
  /** The level chosen by each session. */
  levels: Map<string, LevelKey>;
  /** Stored records by studentId (what "Lưu" changes). */
  records: Map<number, SmasStudent>;
  /** Student code → message: that student's next save is refused with it. */
  refusals: Map<string, string>;
  /** true/false: a test forced the portal locked or open; undefined: the calendar decides. */
  forcedLock: boolean | undefined;
  settings: LegacySettings;
  lockStatus(): SmasLockStatus;
  /** Back to the seeded records, clock, settings and calendar locks; sessions are dropped. */
  reset(): void;
}

export function createSmasLegacyState(options: SmasLegacyOptions = {}): SmasLegacyState {
  const { schoolYear, startAt } = smasYearAndStart(options);
  const roster = buildSmasRoster(options.seed ?? 2025, schoolYear);
  const clock = createSimClock(startAt, options.realNow ?? Date.now);
  const defaults = (): LegacySettings => ({
    saveDelayMs: options.saveDelayMs ?? 300,
    sessionIdleMs: (options.sessionIdleMinutes ?? 20) * 60_000,
  });
  const seededRecords = () =>
    new Map(roster.classes.flatMap((c) => c.students.map((s) => [s.studentId, { ...s }] as const)));
  const state: SmasLegacyState = {
    roster,
    clock,
    sessions: new Sessions(),
    secret: randomBytes(24).toString('base64url'),
    levels: new Map(),
    records: seededRecords(),
    refusals: new Map(),
    forcedLock: undefined,
    settings: defaults(),
    lockStatus: () => smasLockStatus(clock.now(), state.forcedLock),
    reset: () => {
      state.records = seededRecords();
      state.refusals = new Map();
      state.forcedLock = undefined;
      state.settings = defaults();
      state.levels = new Map();
      state.sessions.expire();
      clock.reset();
    },
  };
  return state;
}
