import type { SmasCurrentOptions } from './smas/current/state';
import type { SmasLegacyOptions } from './smas/legacy/state';
import { followToday, type VnEduOptions } from './vnedu/state';

// Which school year the simulators run in, and where their clocks start. Tests keep the fixture
// year 2025-2026 (the simulators' default, clocks from 20/11/2025 08:00). `npm run portals` and
// `npm run demo` follow today, as the extension does — today's school year (from 1 September,
// Vietnam time) and clocks starting at the real time — unless EDULENS_PORTALS_SCHOOL_YEAR pins
// them all to one year (`2025`: the fixture year).

export const SCHOOL_YEAR_ENV = 'EDULENS_PORTALS_SCHOOL_YEAR';

export interface PortalYears {
  vnedu: Pick<VnEduOptions, 'schoolYear' | 'startAt' | 'lockAt'>;
  smasLegacy: Pick<SmasLegacyOptions, 'schoolYear' | 'startAt'>;
  smasCurrent: Pick<SmasCurrentOptions, 'schoolYear' | 'startAt'>;
}

/** Every simulator in the school year `now` falls in, its clock starting at `now`. */
export function followingToday(now = Date.now()): PortalYears {
  const vnedu = followToday(now);
  const smas = { schoolYear: vnedu.schoolYear, startAt: vnedu.startAt };
  return { vnedu, smasLegacy: smas, smasCurrent: smas };
}

/** Every simulator in one school year, the clocks at 20/11 of it as in the fixture. */
export function pinnedTo(schoolYear: number): PortalYears {
  return { vnedu: { schoolYear }, smasLegacy: { schoolYear }, smasCurrent: { schoolYear } };
}

/** EDULENS_PORTALS_SCHOOL_YEAR when set (a year 2000–2100), else today. */
export function portalYearsFromEnv(env: NodeJS.ProcessEnv = process.env, now = Date.now()): PortalYears {
  const raw = env[SCHOOL_YEAR_ENV]?.trim();
  if (!raw) return followingToday(now);
  const year = Number(raw);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeError(
      `${SCHOOL_YEAR_ENV}="${raw}" phải là năm đầu của năm học, từ 2000 đến 2100 (ví dụ 2025) / must be the first year of a school year, 2000–2100 (e.g. 2025)`,
    );
  return pinnedTo(year);
}
