import { type Problem, problem } from '../problem';
import type { AssessmentKind, ScoreCheck, Tenths } from './rulepack';
import { showRaw } from './score';
import { checkCommentMark } from './subjects';

// One check for every kind of cell a grade book holds, so that the overlay and bulk fill ask the
// rulepack "is this value right for this cell?" and never branch on which rulepack it is.

/**
 * What a cell holds: a score of a kind (ĐĐGtx, ĐĐGgk, ĐĐGck), a periodic test score (TT27 "KT"),
 * a level (TT27 "XL": T/H/C) or a written comment ("Nhận xét").
 */
export const cellKinds = ['tx', 'gk', 'ck', 'test', 'level', 'comment'] as const;
export type CellKind = (typeof cellKinds)[number];

export interface CellCheckOptions {
  /** The book's subject ("Giáo dục thể chất"): comment-only subjects take Đ/CĐ in score cells. */
  subject?: string;
  /** The input's own limit (`maxlength`), in characters. */
  maxLength?: number;
}

export interface CellCheck {
  /** The value as the portal should hold it ("8,50" → "8.5", "t" → "T", "đạt" → "Đ"); null when blank or unusable. */
  value: string | null;
  problems: Problem[];
}

export type CheckCell = (raw: string, kind: CellKind, options?: CellCheckOptions) => CellCheck;

const blank = (raw: string): boolean => raw.trim() === '';

/** 85 → "8.5", 100 → "10", as the portals print scores. */
export function tenthsText(tenths: Tenths): string {
  const sign = tenths < 0 ? '-' : '';
  const magnitude = Math.abs(tenths);
  const whole = Math.trunc(magnitude / 10);
  return magnitude % 10 === 0 ? `${sign}${whole}` : `${sign}${whole}.${magnitude % 10}`;
}

function fromScore(check: ScoreCheck): CellCheck {
  const unusable = check.value === null || check.problems.some((p) => p.severity === 'error');
  return { value: unusable ? null : tenthsText(check.value!), problems: check.problems };
}

function commentMark(raw: string): CellCheck {
  const checked = checkCommentMark(raw);
  if (checked.value === null) return { value: null, problems: checked.problems };
  return { value: checked.value === 'dat' ? 'Đ' : 'CĐ', problems: [] };
}

// A Map, not an object literal, so that text such as "constructor" finds nothing.
const LEVEL_TEXT = new Map<string, 'T' | 'H' | 'C'>([
  ['t', 'T'],
  ['h', 'H'],
  ['c', 'C'],
  ['hoàn thành tốt', 'T'],
  ['hoan thanh tot', 'T'],
  ['htt', 'T'],
  ['hoàn thành', 'H'],
  ['hoan thanh', 'H'],
  ['ht', 'H'],
  ['chưa hoàn thành', 'C'],
  ['chua hoan thanh', 'C'],
  ['cht', 'C'],
]);

/** TT27 level of a subject: T (Hoàn thành tốt), H (Hoàn thành), C (Chưa hoàn thành). */
export function checkLevel(raw: string): CellCheck {
  if (blank(raw)) return { value: null, problems: [] };
  const text = raw.normalize('NFC').trim();
  const level = LEVEL_TEXT.get(text.toLocaleLowerCase('vi').replace(/\s+/g, ' '));
  if (!level) {
    return {
      value: null,
      problems: [
        problem(
          'level.format',
          'error',
          `"${showRaw(raw)}" không phải là mức đạt hợp lệ (T, H hoặc C)`,
          `"${showRaw(raw)}" is not a valid level (T, H or C)`,
        ),
      ],
    };
  }
  // The portal keeps the capital letter; a lower-case one typed into the cell is worth a word.
  const problems =
    text.length === 1 && text !== level
      ? [problem('level.case', 'warning', `Ghi "${level}" (chữ hoa)`, `Write "${level}" (capital letter)`)]
      : [];
  return { value: level, problems };
}

/** A written comment: Unicode NFC, line ends kept, within the input's own `maxlength`. */
export function checkComment(raw: string, maxLength?: number): CellCheck {
  if (blank(raw)) return { value: null, problems: [] };
  const value = raw.normalize('NFC').trim();
  if (maxLength !== undefined && value.length > maxLength) {
    return {
      value: null,
      problems: [
        problem(
          'comment.too-long',
          'error',
          `Nhận xét dài ${value.length} ký tự, quá giới hạn ${maxLength} ký tự của cổng — phần thừa sẽ bị cắt`,
          `The comment has ${value.length} characters, over the portal's limit of ${maxLength}; the rest would be cut off`,
        ),
      ],
    };
  }
  return { value, problems: [] };
}

/**
 * A rulepack's `checkCell` from its score check: scores (or Đ/CĐ on a comment-only subject),
 * periodic test scores, levels and comments.
 */
export function cellChecker(parts: {
  score: (raw: string, kind: AssessmentKind) => ScoreCheck;
  test: (raw: string) => ScoreCheck;
  isCommentSubject?: (subject: string) => boolean;
}): CheckCell {
  return (raw, kind, options = {}) => {
    switch (kind) {
      case 'level':
        return checkLevel(raw);
      case 'comment':
        return checkComment(raw, options.maxLength);
      case 'test':
        return fromScore(parts.test(raw));
      default:
        if (options.subject && parts.isCommentSubject?.(options.subject)) return commentMark(raw);
        return fromScore(parts.score(raw, kind));
    }
  };
}
