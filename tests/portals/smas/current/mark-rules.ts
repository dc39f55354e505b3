import { rules } from '@edulens/shared';
import { isValidEntry } from '../../vnedu/scoring';
import type { TemplatePoint } from './mark-template';

// What the server accepts in a cell and what it computes. A score is TT22's: 0–10 with at most
// one decimal, written with a dot ("8.5"); a comment is text within the point's maxLength; an
// average is the server's own and never written. ĐTBmhk = Σ(weight·score) / Σweight over the
// book's score points, rounded half-up to tenths, once every score point has a value.

/** Why the server refuses a value for a point, in Vietnamese; undefined when accepted ('' clears). */
export function markProblem(point: TemplatePoint, value: string): string | undefined {
  switch (point.type) {
    case 'average':
      return `${point.pointName} do hệ thống tính, không nhập được`;
    case 'comment':
      return point.maxLength !== undefined && [...value.normalize('NFC')].length > point.maxLength
        ? `nhận xét không quá ${point.maxLength} ký tự`
        : undefined;
    case 'score':
      return value === '' || isValidEntry(value, false)
        ? undefined
        : `điểm "${value}" không hợp lệ, điểm từ 0 đến 10, nhiều nhất một chữ số thập phân (ví dụ 8.5)`;
  }
}

/** The semester average as the book shows it ("7.8"), or '' until every score point is in. */
export function semesterAverage(
  points: readonly TemplatePoint[],
  marks: Readonly<Record<string, string>>,
): string {
  let numerator = 0;
  let denominator = 0;
  for (const point of points) {
    if (point.type !== 'score') continue;
    const parsed = rules.parseTenths(marks[point.pointKey] ?? '');
    if (parsed === null || 'error' in parsed) return '';
    numerator += point.weight * parsed.value;
    denominator += point.weight;
  }
  return denominator === 0 ? '' : rules.formatTenths(rules.divideHalfUp(numerator, denominator));
}
