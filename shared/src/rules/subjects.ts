// Subject results shared by the secondary rulepacks (TT22, TT58/TT26).
import { type Message, type Problem, problem } from '../problem';
import type { Tenths } from './rulepack';
import { showRaw } from './score';

/** Result of a comment-only subject (or of one of its assessments): Đ = Đạt, CĐ = Chưa đạt. */
export type CommentMark = 'dat' | 'chua-dat';

export const COMMENT_MARK_LABEL: Record<CommentMark, Message> = {
  dat: { vi: 'Đạt', en: 'Pass' },
  'chua-dat': { vi: 'Chưa đạt', en: 'Not yet passed' },
};

/** Marks of one comment-only subject in one semester: regular, mid-term/periodic, end-of-semester. */
export interface CommentMarks {
  tx: readonly CommentMark[];
  gk: readonly CommentMark[];
  ck: readonly CommentMark[];
}

export interface ScoredSubject {
  subject: string;
  /** ĐTBmhk for a semester result, ĐTBmcn for the year. */
  average: Tenths;
}

export interface CommentedSubject {
  subject: string;
  mark: CommentMark;
}

/** Everything a semester or year result is computed from. */
export interface SubjectResults {
  scored: readonly ScoredSubject[];
  commented: readonly CommentedSubject[];
}

export type SubjectResult = ScoredSubject | CommentedSubject;

export function flattenSubjects(results: SubjectResults): SubjectResult[] {
  return [...results.scored, ...results.commented];
}

export function scoredAverages(results: readonly SubjectResult[]): Tenths[] {
  return results.flatMap((result) => ('average' in result ? [result.average] : []));
}

export function countFailedComments(results: readonly SubjectResult[]): number {
  return results.filter((result) => 'mark' in result && result.mark === 'chua-dat').length;
}

/**
 * Keys already made: a cell check asks whether the page's subject is comment-only, so a bulk fill
 * of 540 cells asked ~10 keys per cell (the subject and each listed name) — at 6× CPU, a third of
 * the fill went into the same two normalizations and the regular expression. Subject names are
 * few; the bound only keeps a stray caller from growing it.
 */
const subjectKeys = new Map<string, string>();
const MAX_SUBJECT_KEYS = 512;

/**
 * A key for comparing subject names as schools type them: NFC, case, spacing, and the i/y
 * spelling of open syllables, which differs between regulations and portals (Mĩ thuật in
 * TT22, Mỹ thuật in TT58; Vật lí / Vật lý).
 */
export function subjectKey(name: string): string {
  let key = subjectKeys.get(name);
  if (key === undefined) {
    key = name
      .normalize('NFD')
      .toLocaleLowerCase('vi')
      .replace(/(?<=[bcdđghklmnprstvx])y(?=\p{M}*(?![\p{L}\p{M}]))/gu, 'i')
      .normalize('NFC')
      .trim()
      .replace(/\s+/g, ' ');
    if (subjectKeys.size >= MAX_SUBJECT_KEYS) subjectKeys.clear();
    subjectKeys.set(name, key);
  }
  return key;
}

export function includesSubject(list: readonly string[], name: string): boolean {
  const key = subjectKey(name);
  return list.some((listed) => subjectKey(listed) === key);
}

// A Map, not an object literal, so that text such as "constructor" finds nothing.
const COMMENT_MARK_TEXT = new Map<string, CommentMark>([
  ['đ', 'dat'],
  ['đạt', 'dat'],
  ['d', 'dat'],
  ['dat', 'dat'],
  ['cđ', 'chua-dat'],
  ['chưa đạt', 'chua-dat'],
  ['cd', 'chua-dat'],
  ['chua dat', 'chua-dat'],
]);

/**
 * Reads a comment cell: "Đ", "Đạt", "CĐ", "Chưa đạt", any case, and the unaccented D / CD
 * typed without a Vietnamese keyboard. Blank → null without a problem.
 */
export function checkCommentMark(raw: unknown): { value: CommentMark | null; problems: Problem[] } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { value: null, problems: [] };
  }
  const mark =
    typeof raw === 'string'
      ? COMMENT_MARK_TEXT.get(raw.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' '))
      : undefined;
  if (mark) return { value: mark, problems: [] };
  const shown = showRaw(raw);
  return {
    value: null,
    problems: [
      problem(
        'comment.format',
        'error',
        `"${shown}" không phải là mức đánh giá hợp lệ (Đ hoặc CĐ)`,
        `"${shown}" is not a valid comment mark (Đ or CĐ)`,
      ),
    ],
  };
}
