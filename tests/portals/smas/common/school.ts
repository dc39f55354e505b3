import { schoolYearAt } from '../../vnedu/schools';

// The simulated SMAS school: one inter-level school (tiểu học + THCS) in Vĩnh Long, so that an
// account covering both levels must choose one after login. Class 6A1 has exactly 60 students
// (three grid pages of 20) for the bulk-fill tests; the others are smaller.

export type LevelKey = 'primary' | 'lower-secondary';

export interface SchoolLevel {
  key: LevelKey;
  /** The value posted as RdbSelectLevel. */
  code: number;
  name: string;
}

export interface ClassPlan {
  /** lopId in URLs. */
  id: number;
  name: string;
  grade: number;
  level: LevelKey;
  /** Fixed size, else drawn from the seed (28–38). */
  size?: number;
}

export const SCHOOL = {
  name: 'Trường TH và THCS Long Phước',
  province: 'Vĩnh Long',
  /** Citizen-ID place code of most students (Vĩnh Long). */
  placeCode: '086',
} as const;

export const LEVELS: readonly SchoolLevel[] = [
  { key: 'primary', code: 1, name: 'Cấp 1 - Tiểu học' },
  { key: 'lower-secondary', code: 2, name: 'Cấp 2 - Trung học cơ sở' },
];

export const BULK_CLASS_ID = 601;

export const CLASS_PLANS: readonly ClassPlan[] = [
  { id: BULK_CLASS_ID, name: '6A1', grade: 6, level: 'lower-secondary', size: 60 },
  { id: 602, name: '6A2', grade: 6, level: 'lower-secondary' },
  { id: 701, name: '7A1', grade: 7, level: 'lower-secondary' },
  { id: 801, name: '8A1', grade: 8, level: 'lower-secondary' },
  { id: 901, name: '9A1', grade: 9, level: 'lower-secondary' },
  { id: 401, name: '4A', grade: 4, level: 'primary' },
  { id: 501, name: '5A', grade: 5, level: 'primary' },
];

/** First calendar year of the seeded school year (2025-2026). */
export const SCHOOL_YEAR = 2025;

export const schoolYearLabel = (year: number) => `${year}-${year + 1}`;

/** The fixture's clock: 20/11 of the school year, 08:00 in Vietnam (no lock, no update window). */
const fixtureStart = (year: number) => `${year}-11-20T08:00:00+07:00`;

/**
 * The school year and the clock's first instant of a simulator: the year given, else the one
 * `startAt` falls in (it starts on 1 September), else the fixture year; the clock from `startAt`,
 * else 20/11 of that year.
 */
export function smasYearAndStart(options: { schoolYear?: number; startAt?: string }): {
  schoolYear: number;
  startAt: number;
} {
  const given = options.startAt === undefined ? undefined : Date.parse(options.startAt);
  if (given !== undefined && Number.isNaN(given))
    throw new RangeError(`startAt is not a date-time: ${options.startAt}`);
  const schoolYear = options.schoolYear ?? (given === undefined ? SCHOOL_YEAR : schoolYearAt(given));
  if (!Number.isInteger(schoolYear) || schoolYear < 2000 || schoolYear > 2100)
    throw new RangeError(`schoolYear is not a year: ${schoolYear}`);
  return { schoolYear, startAt: given ?? Date.parse(fixtureStart(schoolYear)) };
}
