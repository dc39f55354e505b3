import type { CellKind } from '../rules/cells';

// The logical columns of a grade grid, named once for every portal: a profile says which header
// texts each one has on its pages, features work with these names only.

export const gridColumnKinds = [
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
