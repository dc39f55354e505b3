import { type Problem, problem } from '../problem';
import { parseTenths } from './decimal';
import type { ScoreCheck } from './rulepack';

/** The 10-point scale shared by every rulepack, in tenths. */
const MIN_SCORE = 0;
const MAX_SCORE = 100;

/** `tenths` allows one decimal place (TT22, TT58); `whole` allows integers only (TT27 tests). */
export type ScorePrecision = 'tenths' | 'whole';

/** The cell as the user typed it, for messages: text trimmed, numbers as JavaScript prints them. */
export function showRaw(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : String(raw);
}

/** Parses a cell on the 10-point scale; blank is not a problem here (missing scores are reported by averages). */
export function checkTenPointScore(raw: unknown, precision: ScorePrecision): ScoreCheck {
  const parsed = parseTenths(raw);
  if (parsed === null) return { value: null, problems: [] };
  if ('error' in parsed && parsed.error === 'format') {
    return fail(
      problem(
        'score.format',
        'error',
        `"${showRaw(raw)}" không phải là điểm hợp lệ (ví dụ: 8 hoặc 8,5)`,
        `"${showRaw(raw)}" is not a valid score (e.g. 8 or 8.5)`,
      ),
    );
  }
  const wholeOnly = precision === 'whole';
  if ('error' in parsed || (wholeOnly && parsed.value % 10 !== 0)) {
    return fail(
      wholeOnly
        ? problem(
            'score.integer',
            'error',
            `Điểm ${showRaw(raw)} phải là số nguyên, không cho điểm thập phân`,
            `Score ${showRaw(raw)} must be a whole number, decimals are not allowed`,
          )
        : problem(
            'score.decimals',
            'error',
            `Điểm ${showRaw(raw)} chỉ được có tối đa một chữ số thập phân`,
            `Score ${showRaw(raw)} may have at most one decimal place`,
          ),
    );
  }
  if (parsed.value < MIN_SCORE || parsed.value > MAX_SCORE) {
    return fail(
      problem(
        'score.range',
        'error',
        `Điểm ${showRaw(raw)} phải từ 0 đến 10`,
        `Score ${showRaw(raw)} must be between 0 and 10`,
      ),
    );
  }
  return { value: parsed.value, problems: [] };
}

function fail(reason: Problem): ScoreCheck {
  return { value: null, problems: [reason] };
}
