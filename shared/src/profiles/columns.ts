import type { CellKind } from '../rules/cells';

// The logical parts of a portal page, named once for every portal: a profile says where each one
// is on its pages (header texts, form fields, labels), features work with these names only. No zod
// here: the content script imports this without the schemas.

/** What the page is about: school, year, grade, class, subject, term and period (vnEdu's `muc`). */
export const contextFields = ['school', 'schoolYear', 'grade', 'class', 'subject', 'term', 'period'] as const;
export type ContextField = (typeof contextFields)[number];

/** The page key's parts when a page declares none: one grade book of one class, subject and term. */
export const defaultPageKey: readonly ContextField[] = [
  'school',
  'schoolYear',
  'class',
  'subject',
  'term',
  'period',
];

/** The logical columns of a grade grid. */ export const gridColumnKinds = [
  /** Họ và tên — may span several cells (family + middle, given). */
  'name',
  'birthDate',
  /** ĐĐGtx 1…n, ĐĐGgk, ĐĐGck (TT22), their TT58 counterparts. */
  'tx',
  'gk',
  'ck',
  /** TT27 periodic test score ("KT CK", "KT CN") and level ("XL CN": T/H/C). */
  'test',
  'level',
  /** The same after the retake exam, locked until it. */
  'retakeTest',
  'retakeLevel',
  /** A written comment ("Nhận xét cuối kỳ"). */
  'comment',
  /** Computed by the portal. */
  'average',
  'yearAverage',
] as const;

export type GridColumnKind = (typeof gridColumnKinds)[number];

const CHECKED_AS: Partial<Record<GridColumnKind, CellKind>> = {
  tx: 'tx',
  gk: 'gk',
  ck: 'ck',
  test: 'test',
  retakeTest: 'test',
  level: 'level',
  retakeLevel: 'level',
  comment: 'comment',
};

/** The rulepack check of a column's cells; undefined for columns that hold no entry (name, averages). */
export function cellKindOf(column: GridColumnKind): CellKind | undefined {
  return CHECKED_AS[column];
}
