import type { Problem } from '../problem';
import type { CellKind, CheckCell } from './cells';
import type { RowCell } from './row-average';

/**
 * Scores are held as integer tenths (8.5 → 85) so that sums and half-up rounding are exact
 * decimal arithmetic, never binary floating point.
 */
export type Tenths = number;

/**
 * tt22: secondary, TT22/2021. tt26: secondary, TT58/2011 as amended by TT26/2020 (from 2020-21,
 * grades TT22 had not reached). tt58: secondary, the original TT58/2011 (before 2020-21).
 * tt27: primary, TT27/2020. tt30: primary, TT30/2014 as amended by TT22/2016 (grades TT27 had
 * not reached).
 */
export const rulepackIds = ['tt22', 'tt26', 'tt58', 'tt27', 'tt30'] as const;
export type RulepackId = (typeof rulepackIds)[number];

/** Column kinds of a grade book: regular (ĐĐGtx/KTTX), mid-term (ĐĐGgk/giữa kỳ), end-term (ĐĐGck/cuối kỳ). */
export type AssessmentKind = 'tx' | 'gk' | 'ck';

export interface ScoreCheck {
  /** null when the cell is blank or unusable. */
  value: Tenths | null;
  problems: Problem[];
}

export interface SemesterScores {
  tx: Tenths[];
  gk: Tenths[];
  ck: Tenths[];
}

export interface AverageResult {
  /** null when the scores are incomplete (or the rulepack computes no average, as TT27). */
  average: Tenths | null;
  problems: Problem[];
}

export interface Rulepack {
  id: RulepackId;
  /** Vietnamese short name, e.g. "Thông tư 22/2021/TT-BGDĐT". */
  name: string;
  /** Legal basis and version, shown with every result that cites it. */
  basis: string;
  /** Number of regular assessments required per semester for a subject with this many periods per year. */
  regularAssessments(periodsPerYear: number): number;
  /** Parses and checks one cell (number, "8,5", "8.5", blank). */
  checkScore(raw: unknown, kind: AssessmentKind): ScoreCheck;
  /**
   * Checks one cell of any kind (score, periodic test, level, comment) and gives the value the
   * portal should hold; the one check the overlay and bulk fill use.
   */
  checkCell: CheckCell;
  /**
   * The semester average of one row of a book from its cells by kind (see `rowAverageOf`): null
   * while incomplete or unusable. `columns`: the kind of every column the book has.
   */
  rowAverage(cells: readonly RowCell[], columns: readonly CellKind[]): Tenths | null;
  /** Semester subject average; `requiredTx` from regularAssessments(). */
  semesterAverage(scores: SemesterScores, requiredTx: number): AverageResult;
  /** Year subject average from the two semester averages. */
  yearAverage(semesterI: Tenths, semesterII: Tenths): Tenths;
}
