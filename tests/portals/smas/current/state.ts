import { createSimClock, type SimClock } from '../../vnedu/sim-clock';
import { buildSmasRoster, type SmasClass, type SmasRoster } from '../common/roster';
import { schoolYearLabel, smasYearAndStart } from '../common/school';
import { MAIN_TEACHER } from './accounts';
import type { MarkStore } from './mark-store';
import { seedMarks } from './seed-marks';
import type { Semester } from './subjects';
import { Tokens } from './tokens';

// One simulated SMAS of the current generation: the SSO's tokens, the seeded school and marks,
// the clock, and the settings tests change at run time.

export interface SmasCurrentOptions {
  /** Seed of the roster and marks (default 2025). */
  seed?: number;
  /** First calendar year of the school year the app works in (default: the one `startAt` falls in, else 2025: "2025-2026"). */
  schoolYear?: number;
  /** Simulated instant the clock starts at (default 20/11 of `schoolYear`, 08:00 in Vietnam: mid semester I); the seeded marks were entered in the weeks before it. */
  startAt?: string;
  /** Seconds an access token lives (default 3600); tests use a few. */
  accessTokenSeconds?: number;
  /** Seconds a refresh token lives (default 8 hours). */
  refreshTokenSeconds?: number;
  /** Extra time every save takes (default 0). */
  saveDelayMs?: number;
  /** The app reloads the open book every this many ms; 0 = never (default). */
  refreshMs?: number;
  /** Where the app and the SSO are reached (set once the servers listen). */
  appOrigin?: string;
  ssoOrigin?: string;
  realNow?: () => number;
}

export interface Settings {
  saveDelayMs: number;
  refreshMs: number;
  /** A message the next POST /api/marks is refused with (then cleared). */
  refuseNextSave?: string;
  /** A semester a test locked (true) or opened (false) regardless of the calendar. */
  forcedLocks: Partial<Record<Semester, boolean>>;
}

export interface Origins {
  app: string;
  sso: string;
}

export interface SmasCurrentState {
  readonly seed: number;
  readonly schoolYear: number;
  /** "2025-2026": the value every API call must carry in its SchoolYear header. */
  readonly schoolYearLabel: string;
  readonly roster: SmasRoster;
  readonly clock: SimClock;
  readonly tokens: Tokens;
  origins: Origins;
  marks: MarkStore;
  settings: Settings;
  /** The lower-secondary classes the score book app offers. */
  classes(): readonly SmasClass[];
  /** Back to the seeded marks, settings and clock; every token is dropped. */
  reset(): void;
}

export const CLIENT_ID = 'smas-web';
const DEFAULT_ORIGINS: Origins = { app: 'http://localhost:5303', sso: 'http://127.0.0.1:5304' };

export function createSmasCurrentState(options: SmasCurrentOptions = {}): SmasCurrentState {
  const seed = options.seed ?? 2025;
  const { schoolYear, startAt } = smasYearAndStart(options);
  const clock = createSimClock(startAt, options.realNow ?? Date.now);
  const roster = buildSmasRoster(seed, schoolYear);
  const classes = roster.classes.filter((c) => c.level === 'lower-secondary');
  const seeded = () =>
    seedMarks(
      classes.map((c) => ({ classId: c.id, studentIds: c.students.map((s) => s.studentId) })),
      MAIN_TEACHER.username,
      seed,
      startAt,
    );
  const initialSettings: Settings = {
    saveDelayMs: options.saveDelayMs ?? 0,
    refreshMs: options.refreshMs ?? 0,
    forcedLocks: {},
  };
  const tokens = new Tokens({
    accessTtlMs: (options.accessTokenSeconds ?? 3600) * 1000,
    refreshTtlMs: (options.refreshTokenSeconds ?? 8 * 3600) * 1000,
  });
  const initialLifetimes = { ...tokens.lifetimes };
  const state: SmasCurrentState = {
    seed,
    schoolYear,
    schoolYearLabel: schoolYearLabel(schoolYear),
    roster,
    clock,
    tokens,
    origins: {
      app: options.appOrigin ?? DEFAULT_ORIGINS.app,
      sso: options.ssoOrigin ?? DEFAULT_ORIGINS.sso,
    },
    marks: seeded(),
    settings: { ...initialSettings, forcedLocks: {} },
    classes: () => classes,
    reset() {
      state.marks = seeded();
      state.settings = { ...initialSettings, forcedLocks: {} };
      tokens.lifetimes = { ...initialLifetimes };
      tokens.clear();
      clock.reset();
    },
  };
  return state;
}
