import type { CellKind } from './cells';
import type { AssessmentKind, Rulepack, SemesterScores, Tenths } from './rulepack';

// A row of a grade book averaged by its rulepack from its cells as the book shows them, so that a
// caller hands over cells by kind and never sorts regular, mid-term and end-term scores itself.

/**
 * One cell of a grade-book row: how the rulepack checks it, and what it holds — read only when the
 * average uses the cell (a row's comments and levels are never read: reading a cell of the page
 * costs, and validate averages every edited row of a fill).
 */
export interface RowCell {
  kind: CellKind;
  raw(): string;
}

const isAssessment = (kind: CellKind): kind is AssessmentKind =>
  kind === 'tx' || kind === 'gk' || kind === 'ck';

/**
 * The semester average of one row, or null while its scores are incomplete or one is unusable (or
 * the rulepack computes none). `columns`: the kind of every column of the book; its regular
 * columns are the regular assessments the book requires.
 */
export function rowAverageOf(
  rulepack: Pick<Rulepack, 'checkScore' | 'semesterAverage'>,
  cells: readonly RowCell[],
  columns: readonly CellKind[],
): Tenths | null {
  const requiredTx = columns.filter((kind) => kind === 'tx').length;
  const scores: SemesterScores = { tx: [], gk: [], ck: [] };
  for (const cell of cells) {
    const kind = cell.kind;
    if (!isAssessment(kind)) continue;
    const raw = cell.raw();
    if (raw === '') continue;
    const checked = rulepack.checkScore(raw, kind);
    if (checked.value === null || checked.problems.some((p) => p.severity === 'error')) return null;
    scores[kind].push(checked.value);
  }
  if (scores.tx.length < requiredTx || scores.gk.length === 0 || scores.ck.length === 0) return null;
  return rulepack.semesterAverage(scores, requiredTx).average;
}
