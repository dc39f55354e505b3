// Thông tư 22/2021/TT-BGDĐT: assessment of lower and upper secondary students (THCS, THPT).
import type { Message } from '../problem';
import { rowAverageOf } from './row-average';
import { cellChecker } from './cells';
import { assertPeriodsPerYear, weightedSemesterAverage, weightedYearAverage } from './averages';
import { type AdjustableResult, classifyWithOneSubjectRule, type Labelled } from './levels';
import type { Rulepack, Tenths } from './rulepack';
import { checkTenPointScore } from './score';
import {
  COMMENT_MARK_LABEL,
  type CommentMark,
  type CommentMarks,
  countFailedComments,
  flattenSubjects,
  includesSubject,
  type SubjectResult,
  type SubjectResults,
  scoredAverages,
} from './subjects';

// Re-exported so that users of this module's namespace (rules.tt22) can name every type they pass in or get back.
export type { AdjustableResult, Labelled } from './levels';
export {
  COMMENT_MARK_LABEL,
  type CommentedSubject,
  type CommentMark,
  type CommentMarks,
  checkCommentMark,
  type ScoredSubject,
  type SubjectResults,
} from './subjects';

export const tt22: Rulepack = {
  id: 'tt22',
  name: 'Thông tư 22/2021/TT-BGDĐT',
  basis:
    'Thông tư 22/2021/TT-BGDĐT ngày 20/7/2021 của Bộ Giáo dục và Đào tạo quy định về đánh giá học sinh ' +
    'trung học cơ sở và học sinh trung học phổ thông',
  regularAssessments,
  checkScore: (raw) => checkTenPointScore(raw, 'tenths'),
  checkCell: cellChecker({
    score: (raw) => checkTenPointScore(raw, 'tenths'),
    test: (raw) => checkTenPointScore(raw, 'tenths'),
    isCommentSubject: (subject) => isCommentSubject(subject),
  }),
  rowAverage: (cells, columns) => rowAverageOf(tt22, cells, columns),
  // The book holds exactly the required ĐĐGtx (extra ones are flagged, still averaged) and one
  // ĐĐGgk and one ĐĐGck (a second one makes the formula meaningless, so no average).
  semesterAverage: (scores, requiredTx) =>
    weightedSemesterAverage(scores, {
      tx: { required: requiredTx, extra: 'warning' },
      gk: { required: 1, extra: 'error' },
      ck: { required: 1, extra: 'error' },
    }),
  yearAverage: weightedYearAverage,
};

/** ĐĐGtx per subject per semester: ≤ 35 periods a year → 2, ≤ 70 → 3, more → 4. */
export function regularAssessments(periodsPerYear: number): number {
  assertPeriodsPerYear(periodsPerYear);
  if (periodsPerYear <= 35) return 2;
  return periodsPerYear <= 70 ? 3 : 4;
}

/** Subjects assessed by comment only (Đ / CĐ), as TT22 names them. */
export const TT22_COMMENT_SUBJECTS: readonly string[] = [
  'Giáo dục thể chất',
  'Nghệ thuật',
  'Âm nhạc',
  'Mĩ thuật',
  'Nội dung giáo dục của địa phương',
  'Hoạt động trải nghiệm, hướng nghiệp',
];

export function isCommentSubject(name: string): boolean {
  return includesSubject(TT22_COMMENT_SUBJECTS, name);
}

/**
 * Semester result of a comment-only subject: Đạt only when every required assessment
 * (`requiredTx` regular, one mid-term, one end-term) was made and all are Đạt. The year result
 * of such a subject is its semester II result.
 */
export function commentSubjectResult(marks: CommentMarks, requiredTx: number): Labelled<CommentMark> {
  const complete = marks.tx.length >= requiredTx && marks.gk.length >= 1 && marks.ck.length >= 1;
  const allPassed = [...marks.tx, ...marks.gk, ...marks.ck].every((mark) => mark === 'dat');
  const level: CommentMark = complete && allPassed ? 'dat' : 'chua-dat';
  return { level, label: COMMENT_MARK_LABEL[level] };
}

/** The four levels used for both academic results and conduct, best first. */
export type Tt22Level = 'tot' | 'kha' | 'dat' | 'chua-dat';

export const TT22_LEVELS: readonly Tt22Level[] = ['tot', 'kha', 'dat', 'chua-dat'];

export const TT22_LEVEL_LABEL: Record<Tt22Level, Message> = {
  tot: { vi: 'Tốt', en: 'Good' },
  kha: { vi: 'Khá', en: 'Fairly good' },
  dat: { vi: 'Đạt', en: 'Pass' },
  'chua-dat': { vi: 'Chưa đạt', en: 'Not yet passed' },
};

/** How many scored subjects must reach a level's upper mark (8.0 / 6.5 / 5.0) or, for awards, 9.0. */
export const MIN_STRONG_SUBJECTS = 6;

/**
 * Each level needs: at most `maxFailedComments` comment subjects CĐ, every scored average
 * ≥ `floor`, and at least MIN_STRONG_SUBJECTS scored averages ≥ `strong`.
 */
const ACADEMIC_REQUIREMENTS: readonly {
  level: Tt22Level;
  maxFailedComments: number;
  floor: Tenths;
  strong: Tenths;
}[] = [
  { level: 'tot', maxFailedComments: 0, floor: 65, strong: 80 },
  { level: 'kha', maxFailedComments: 0, floor: 50, strong: 65 },
  { level: 'dat', maxFailedComments: 1, floor: 35, strong: 50 },
];

function strictAcademicLevel(subjects: readonly SubjectResult[]): Tt22Level {
  const averages = scoredAverages(subjects);
  const failedComments = countFailedComments(subjects);
  const met = ACADEMIC_REQUIREMENTS.find(
    ({ maxFailedComments, floor, strong }) =>
      failedComments <= maxFailedComments &&
      averages.every((average) => average >= floor) &&
      averages.filter((average) => average >= strong).length >= MIN_STRONG_SUBJECTS,
  );
  return met?.level ?? 'chua-dat';
}

/**
 * TT22's adjustment: when the rest of the subjects earn Tốt or Khá and one single subject drops
 * the result two or more levels below that, the result is raised by one level (Tốt→Đạt becomes
 * Khá, Tốt→Chưa đạt becomes Đạt, Khá→Chưa đạt becomes Đạt).
 */
function raiseByOneLevel(restLevel: Tt22Level, strictLevel: Tt22Level): Tt22Level | null {
  const restRank = TT22_LEVELS.indexOf(restLevel);
  const strictRank = TT22_LEVELS.indexOf(strictLevel);
  const fromTotOrKha = restLevel === 'tot' || restLevel === 'kha';
  return fromTotOrKha && strictRank - restRank >= 2 ? (TT22_LEVELS[strictRank - 1] ?? null) : null;
}

/**
 * Academic result (kết quả học tập) of a semester from ĐTBmhk and the semester's comment
 * marks, or of the year from ĐTBmcn and the year comment results (= semester II).
 */
export function academicResult(subjects: SubjectResults): AdjustableResult<Tt22Level> {
  return classifyWithOneSubjectRule(
    TT22_LEVELS,
    TT22_LEVEL_LABEL,
    flattenSubjects(subjects),
    strictAcademicLevel,
    raiseByOneLevel,
  );
}

/** Year conduct, indexed [semester II][semester I]. */
const YEAR_CONDUCT: Record<Tt22Level, Record<Tt22Level, Tt22Level>> = {
  tot: { tot: 'tot', kha: 'tot', dat: 'kha', 'chua-dat': 'kha' },
  kha: { tot: 'kha', kha: 'kha', dat: 'kha', 'chua-dat': 'dat' },
  dat: { tot: 'kha', kha: 'dat', dat: 'dat', 'chua-dat': 'dat' },
  'chua-dat': { tot: 'chua-dat', kha: 'chua-dat', dat: 'chua-dat', 'chua-dat': 'chua-dat' },
};

/** Year conduct (kết quả rèn luyện cả năm) from the two semesters' conduct. */
export function yearConduct(semesterI: Tt22Level, semesterII: Tt22Level): Labelled<Tt22Level> {
  const level = YEAR_CONDUCT[semesterII][semesterI];
  return { level, label: TT22_LEVEL_LABEL[level] };
}

/** More absences than this in a year (sessions, excused or not, added up) and the student repeats the grade. */
export const MAX_ABSENT_SESSIONS = 45;

/** Subjects with ĐTBmcn below this (5.0) may be re-tested in summer. */
export const RETEST_BELOW: Tenths = 50;

export type PromotionDecision = 'len-lop' | 'kiem-tra-lai' | 'ren-luyen-he' | 'o-lai-lop';

export const PROMOTION_LABEL: Record<PromotionDecision, Message> = {
  'len-lop': { vi: 'Lên lớp', en: 'Promoted' },
  'kiem-tra-lai': { vi: 'Kiểm tra lại trong hè', en: 'Summer re-test' },
  'ren-luyen-he': { vi: 'Rèn luyện trong hè', en: 'Summer conduct training' },
  'o-lai-lop': {
    vi: `Ở lại lớp (nghỉ quá ${MAX_ABSENT_SESSIONS} buổi)`,
    en: `Repeats the grade (absent more than ${MAX_ABSENT_SESSIONS} sessions)`,
  },
};

export interface PromotionInput extends SubjectResults {
  /** Year conduct, from yearConduct(). */
  conduct: Tt22Level;
  /** Sessions (buổi) absent in the year, excused or not. */
  absentSessions: number;
}

export interface Promotion {
  decision: PromotionDecision;
  label: Message;
  /**
   * Subjects with ĐTBmcn below 5.0 or CĐ, among which the student picks what to re-test, when
   * the year academic result is Chưa đạt. Also filled for summer conduct training, where the
   * school decides on re-tests after the training; empty otherwise.
   */
  retestCandidates: string[];
}

/** End-of-year decision from the year's subject results (ĐTBmcn, year comment results), conduct and absences. */
export function promotion(input: PromotionInput): Promotion {
  if (!Number.isInteger(input.absentSessions) || input.absentSessions < 0) {
    throw new RangeError(`Absent sessions must be a whole number ≥ 0, got ${input.absentSessions}`);
  }
  const academicPassed = academicResult(input).level !== 'chua-dat';
  const decision = promotionDecision(input, academicPassed);
  const needsRetest = !academicPassed && decision !== 'o-lai-lop';
  const retestCandidates = needsRetest
    ? [
        ...input.scored.filter(({ average }) => average < RETEST_BELOW).map(({ subject }) => subject),
        ...input.commented.filter(({ mark }) => mark === 'chua-dat').map(({ subject }) => subject),
      ]
    : [];
  return { decision, label: PROMOTION_LABEL[decision], retestCandidates };
}

function promotionDecision(input: PromotionInput, academicPassed: boolean): PromotionDecision {
  if (input.absentSessions > MAX_ABSENT_SESSIONS) return 'o-lai-lop';
  if (input.conduct === 'chua-dat') return 'ren-luyen-he';
  return academicPassed ? 'len-lop' : 'kiem-tra-lai';
}

export type Tt22Award = 'xuat-sac' | 'gioi';

export const AWARD_LABEL: Record<Tt22Award, Message> = {
  'xuat-sac': { vi: 'Học sinh Xuất sắc', en: 'Outstanding student' },
  gioi: { vi: 'Học sinh Giỏi', en: 'Excellent student' },
};

/** ĐTBmcn that counts towards "Học sinh Xuất sắc" (9.0). */
export const OUTSTANDING_AVERAGE: Tenths = 90;

/** Year-end title: Xuất sắc (conduct and academic Tốt, ≥ 6 subjects ≥ 9.0), Giỏi (both Tốt), else null. */
export function award(input: SubjectResults & { conduct: Tt22Level }): Labelled<Tt22Award> | null {
  if (input.conduct !== 'tot' || academicResult(input).level !== 'tot') return null;
  const outstanding = input.scored.filter(({ average }) => average >= OUTSTANDING_AVERAGE).length;
  const level: Tt22Award = outstanding >= MIN_STRONG_SUBJECTS ? 'xuat-sac' : 'gioi';
  return { level, label: AWARD_LABEL[level] };
}
