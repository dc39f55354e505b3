import { type Account, demoAccounts } from './accounts';
import { Captchas } from './captcha';
import { Locks } from './locks';
import { createRng, seedFrom } from './prng';
import { buildRoster, type Roster } from './roster';
import type { ScoreStore } from './score-store';
import { SCHOOL_YEAR_START, schoolYearAt } from './schools';
import { seedScores } from './seed-scores';
import { Sessions } from './sessions';
import { createSimClock, type SimClock } from './sim-clock';
import type { Term } from './subjects';

export interface VnEduOptions {
  /** Seed of every generated name, code and score (default 2025). */
  seed?: number;
  /**
   * The school year, as its first calendar year (`iNamHoc`): window titles, lock dates, seeded
   * save dates and birth years follow it. Default: the year `startAt` falls in, else 2025 — the
   * fixture year tests rely on. `followToday()` gives the demo today's year and clock.
   */
  schoolYear?: number;
  /** Simulated instant the clock starts at (default 20/11 08:00 in Vietnam of the school year: mid semester I). */
  startAt?: string;
  /** Inactivity after which a session ends (default 20). */
  sessionIdleMinutes?: number;
  /** Extra time every save takes (default 0). */
  saveDelayMs?: number;
  /** How often the grade page polls in the background; 0 turns polling off (default 5000). */
  pollMs?: number;
  /** Simulated minutes between automatic re-fills of the grid by the poll; 0 = only forced (default 10). */
  refillEveryMinutes?: number;
  /** Calendar instants the semester books lock at. */
  lockAt?: Partial<Record<Term, string>>;
  /** Real time source; tests may pass their own. */
  realNow?: () => number;
}

/** Settings a test can change at run time through POST /__test/config. */
export interface Settings {
  sessionIdleMs: number;
  saveDelayMs: number;
  pollMs: number;
  refillEveryMs: number;
}

export interface VnEduState {
  readonly seed: number;
  /** First calendar year of the school year shown (`iNamHoc`, "[2025-2026] Sổ điểm"). */
  readonly schoolYear: number;
  readonly roster: Roster;
  readonly accounts: readonly Account[];
  readonly clock: SimClock;
  readonly sessions: Sessions;
  readonly captchas: Captchas;
  scores: ScoreStore;
  locks: Locks;
  settings: Settings;
  /** The retake columns of the primary cuối năm book ("Sau thi lại") accept entries only once the retake opens. */
  retakeOpen: boolean;
  /** Bumped by POST /__test/refill: the next poll of every open grade page re-fills its cells. */
  forcedRefills: number;
  /** Back to the seeded data: scores, locks, settings, retake, clock, refills; sessions are dropped. */
  reset(): void;
}

// 15 Jan ends semester I; "no score edits after 31 May" puts the year lock at the end of that day.
// In the fixture year: 15/01/2026 and 01/06/2026.
const defaultLocks = (schoolYear: number): Record<Term, string> => ({
  1: `${schoolYear + 1}-01-15T00:00:00+07:00`,
  2: `${schoolYear + 1}-06-01T00:00:00+07:00`,
});

/**
 * Options for a simulator that tells the same story as the extension on this computer: the
 * school year today falls in, and a clock that starts at the real time (so the countdown banner,
 * which reads the real clock, and the portal's lock line agree).
 */
export function followToday(now = Date.now()): Pick<VnEduOptions, 'schoolYear' | 'startAt' | 'lockAt'> {
  const schoolYear = schoolYearAt(now);
  return {
    schoolYear,
    startAt: new Date(now).toISOString(),
    // Semester I locks after 15/01, as the extension's vnEdu calendar assumes ("khóa sổ sau ngày
    // 15/01"): the two then name the same instant. The fixture year keeps 00:00 on 15/01.
    lockAt: { 1: `${schoolYear + 1}-01-16T00:00:00+07:00` },
  };
}

function instant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not a date-time: ${iso}`);
  return ms;
}

export function createVnEduState(options: VnEduOptions = {}): VnEduState {
  const seed = options.seed ?? 2025;
  const startAt = options.startAt === undefined ? undefined : instant(options.startAt, 'startAt');
  const schoolYear =
    options.schoolYear ?? (startAt === undefined ? SCHOOL_YEAR_START : schoolYearAt(startAt));
  if (!Number.isInteger(schoolYear) || schoolYear < 2000 || schoolYear > 2100)
    throw new RangeError(`schoolYear is not a year: ${schoolYear}`);
  const roster = buildRoster(seed, schoolYear);
  const accounts = demoAccounts();
  const clock = createSimClock(
    startAt ?? instant(`${schoolYear}-11-20T08:00:00+07:00`, 'startAt'),
    options.realNow ?? Date.now,
  );
  const locks = defaultLocks(schoolYear);
  const calendar = {
    1: instant(options.lockAt?.[1] ?? locks[1], 'lockAt[1]'),
    2: instant(options.lockAt?.[2] ?? locks[2], 'lockAt[2]'),
  };
  const initialSettings: Settings = {
    sessionIdleMs: (options.sessionIdleMinutes ?? 20) * 60_000,
    saveDelayMs: options.saveDelayMs ?? 0,
    pollMs: options.pollMs ?? 5000,
    refillEveryMs: (options.refillEveryMinutes ?? 10) * 60_000,
  };
  const sessions = new Sessions();
  const state: VnEduState = {
    seed,
    schoolYear,
    roster,
    accounts,
    clock,
    sessions,
    captchas: new Captchas(createRng(seedFrom(seed, 'captcha'))),
    scores: seedScores(roster, accounts, seed, schoolYear),
    locks: new Locks(calendar),
    settings: { ...initialSettings },
    retakeOpen: false,
    forcedRefills: 0,
    reset() {
      state.scores = seedScores(roster, accounts, seed, schoolYear);
      state.locks = new Locks(calendar);
      state.settings = { ...initialSettings };
      state.retakeOpen = false;
      state.forcedRefills = 0;
      clock.reset();
      sessions.expire();
    },
  };
  return state;
}

/**
 * Changes whenever the grid should be re-filled from the server: at every refill period of the
 * simulated clock, and at every forced refill. Pages poll with the generation they last saw.
 */
export function refillGeneration(state: VnEduState): string {
  const { refillEveryMs } = state.settings;
  const periods = refillEveryMs > 0 ? Math.floor(state.clock.now() / refillEveryMs) : 0;
  return `${state.forcedRefills}.${periods}`;
}

export function findAccount(state: VnEduState, username: string): Account | undefined {
  const wanted = username.trim().toLowerCase();
  return state.accounts.find((account) => account.username === wanted);
}
