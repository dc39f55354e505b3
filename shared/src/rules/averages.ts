// Averaging shared by the secondary rulepacks (TT22 and TT58/TT26): same weights, different counts.
import { type Message, type Problem, problem } from '../problem';
import { divideHalfUp } from './decimal';
import type { AssessmentKind, AverageResult, SemesterScores, Tenths } from './rulepack';

/** How many scores of one kind a semester needs, and what to make of extra ones. */
export interface CountRule {
  required: number;
  /**
   * `allowed`: `required` is a minimum. `warning` / `error`: exactly `required` belong in the
   * book; an error withholds the average because the formula's inputs are wrong.
   */
  extra: 'allowed' | 'warning' | 'error';
}

export type SemesterCountRules = Record<AssessmentKind, CountRule>;

const KINDS: readonly AssessmentKind[] = ['tx', 'gk', 'ck'];

/** Regular ×1, mid-term/periodic ×2, end-term ×3 in both TT22 and TT58. */
const WEIGHT: Record<AssessmentKind, number> = { tx: 1, gk: 2, ck: 3 };

const KIND_NAME: Record<AssessmentKind, Message> = {
  tx: { vi: 'điểm thường xuyên (ĐĐGtx)', en: 'regular assessment scores' },
  gk: { vi: 'điểm giữa kỳ (ĐĐGgk)', en: 'mid-term scores' },
  ck: { vi: 'điểm cuối kỳ (ĐĐGck)', en: 'end-term scores' },
};

/**
 * (Σtx + 2·Σgk + 3·Σck) / (n_tx + 2·n_gk + 3·n_ck), rounded half-up to tenths — but only when
 * every kind has its required count; otherwise null with one `score.missing` warning naming
 * what is missing.
 */
export function weightedSemesterAverage(scores: SemesterScores, rules: SemesterCountRules): AverageResult {
  const problems: Problem[] = [];
  const missing = KINDS.filter((kind) => scores[kind].length < rules[kind].required);
  if (missing.length > 0) {
    const list = (lang: keyof Message) =>
      missing
        .map((kind) => {
          const have = scores[kind].length;
          const need = rules[kind].required;
          return lang === 'vi'
            ? `${KIND_NAME[kind].vi} (có ${have}/${need})`
            : `${KIND_NAME[kind].en} (${have} of ${need})`;
        })
        .join(', ');
    problems.push(
      problem(
        'score.missing',
        'warning',
        `Chưa tính được điểm trung bình môn học kỳ, còn thiếu ${list('vi')}`,
        `Semester average not computed: missing ${list('en')}`,
      ),
    );
  }
  for (const kind of KINDS) {
    const have = scores[kind].length;
    const { required, extra } = rules[kind];
    if (have > required && extra !== 'allowed') {
      problems.push(
        problem(
          'score.too-many',
          extra,
          `Có ${have} ${KIND_NAME[kind].vi}, quy định là ${required}`,
          `${have} ${KIND_NAME[kind].en} recorded; the rule is ${required}`,
        ),
      );
    }
  }
  if (missing.length > 0 || problems.some((found) => found.severity === 'error')) {
    return { average: null, problems };
  }
  let numerator = 0;
  let denominator = 0;
  for (const kind of KINDS) {
    numerator += WEIGHT[kind] * sum(scores[kind]);
    denominator += WEIGHT[kind] * scores[kind].length;
  }
  return { average: divideHalfUp(numerator, denominator), problems };
}

/** ĐTBmcn = (ĐTBmhk I + 2·ĐTBmhk II) / 3, half-up (TT22 and TT58 alike). */
export function weightedYearAverage(semesterI: Tenths, semesterII: Tenths): Tenths {
  return divideHalfUp(semesterI + 2 * semesterII, 3);
}

/** Plain mean rounded half-up; null for no values. */
export function meanOf(values: readonly Tenths[]): Tenths | null {
  return values.length === 0 ? null : divideHalfUp(sum(values), values.length);
}

function sum(values: readonly Tenths[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Periods per year must be a positive number; anything else is a caller's mistake. */
export function assertPeriodsPerYear(periodsPerYear: number): void {
  if (!Number.isFinite(periodsPerYear) || periodsPerYear <= 0) {
    throw new RangeError(`Periods per year must be a positive number, got ${periodsPerYear}`);
  }
}
