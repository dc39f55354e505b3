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

export const schoolYearLabel = (year = SCHOOL_YEAR) => `${year}-${year + 1}`;
