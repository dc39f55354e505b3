// Thông tư 58/2011/TT-BGDĐT, the secondary rules before TT22, in its two versions: the original
// text (school years before 2020-21, rulepack `tt58`) and as amended by Thông tư 26/2020/TT-BGDĐT
// (from 2020-21, for the grades TT22's roll-out had not reached, rulepack `tt26`). Học lực,
// conduct, promotion and titles are the same in both but for the key subjects.
import type { Message } from '../problem';
import { rowAverageOf } from './row-average';
import { assertPeriodsPerYear, meanOf, weightedSemesterAverage, weightedYearAverage } from './averages';
import { cellChecker } from './cells';
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
import { regularAssessments as perSchoolYearRegularAssessments } from './tt22';

// Re-exported so that users of this module's namespace (rules.tt58) can name every type they pass in or get back.
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

const checkCell = cellChecker({
  score: (raw) => checkTenPointScore(raw, 'tenths'),
  test: (raw) => checkTenPointScore(raw, 'tenths'),
  isCommentSubject: (subject) => isCommentSubject(subject),
});

/** The original TT58 (school years before 2020-21). */
export const tt58: Rulepack = {
  id: 'tt58',
  name: 'Thông tư 58/2011/TT-BGDĐT',
  basis:
    'Quy chế đánh giá, xếp loại học sinh THCS và THPT ban hành kèm Thông tư 58/2011/TT-BGDĐT ngày 12/12/2011 ' +
    '(bản gốc, áp dụng trước năm học 2020-2021)',
  regularAssessments: (periodsPerYear) => minimumRegularTests(periodsPerYear),
  checkScore: (raw) => checkTenPointScore(raw, 'tenths'),
  checkCell,
  rowAverage: (cells, columns) => rowAverageOf(tt58, cells, columns),
  // TT58's weighting: regular tests are a minimum, any number of periodic tests (at least one),
  // one semester exam: (Σtx + 2·Σđk + 3·hk) / (n_tx + 2·n_đk + 3).
  semesterAverage: (scores, requiredTx) =>
    weightedSemesterAverage(scores, {
      tx: { required: requiredTx, extra: 'allowed' },
      gk: { required: 1, extra: 'allowed' },
      ck: { required: 1, extra: 'error' },
    }),
  yearAverage: weightedYearAverage,
};

/**
 * TT58 as amended by TT26 (from 2020-21): regular assessments per school year and the semester
 * average exactly as TT22 words them — ĐĐGtx by periods per year (≤ 35 → 2, > 35 to 70 → 3,
 * > 70 → 4), one ĐĐGgk, one ĐĐGck, (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n_tx + 5).
 */
export const tt26: Rulepack = {
  id: 'tt26',
  name: 'Thông tư 58/2011/TT-BGDĐT (sửa đổi bởi Thông tư 26/2020/TT-BGDĐT)',
  basis:
    'Quy chế đánh giá, xếp loại học sinh THCS và THPT ban hành kèm Thông tư 58/2011/TT-BGDĐT ngày 12/12/2011, ' +
    'sửa đổi, bổ sung bởi Thông tư 26/2020/TT-BGDĐT ngày 26/8/2020 (từ năm học 2020-2021)',
  regularAssessments: (periodsPerYear) => perSchoolYearRegularAssessments(periodsPerYear),
  checkScore: (raw) => checkTenPointScore(raw, 'tenths'),
  checkCell,
  rowAverage: (cells, columns) => rowAverageOf(tt26, cells, columns),
  semesterAverage: (scores, requiredTx) =>
    weightedSemesterAverage(scores, {
      tx: { required: requiredTx, extra: 'warning' },
      gk: { required: 1, extra: 'error' },
      ck: { required: 1, extra: 'error' },
    }),
  yearAverage: weightedYearAverage,
};

/**
 * Teaching weeks assumed in a school year to turn periods per year into periods per week
 * (the ministry's yearly plans: 18 weeks in semester I + 17 in semester II). A default, not a
 * rule of TT58: pass another value when a province's plan differs.
 */
export const TEACHING_WEEKS_PER_YEAR = 35;

/**
 * Original TT58 (before 2020-21): minimum regular tests per semester by periods per week: ≤ 1 → 2; more than 1 and less than
 * 3 → 3; 3 or more → 4. Compared in whole periods per year, so no float division.
 */
export function minimumRegularTests(periodsPerYear: number, weeksPerYear = TEACHING_WEEKS_PER_YEAR): number {
  assertPeriodsPerYear(periodsPerYear);
  if (periodsPerYear <= weeksPerYear) return 2;
  return periodsPerYear < 3 * weeksPerYear ? 3 : 4;
}

/** Subjects assessed by comment only under TT58 (Đ / CĐ). */
export const TT58_COMMENT_SUBJECTS: readonly string[] = ['Âm nhạc', 'Mỹ thuật', 'Thể dục'];

export function isCommentSubject(name: string): boolean {
  return includesSubject(TT58_COMMENT_SUBJECTS, name);
}

/** ĐTBhk / ĐTBcn: plain mean of the scored subjects' averages, half-up; null without subjects. */
export function overallAverage(subjectAverages: readonly Tenths[]): Tenths | null {
  return meanOf(subjectAverages);
}

/** Key subjects as amended by TT26: one of them must reach the level's mark. */
export const TT26_KEY_SUBJECTS: readonly string[] = ['Toán', 'Ngữ văn', 'Ngoại ngữ'];
/** Key subjects of the original TT58. */
export const TT58_KEY_SUBJECTS: readonly string[] = ['Toán', 'Ngữ văn'];

export type HocLuc = 'gioi' | 'kha' | 'trung-binh' | 'yeu' | 'kem';

export const HOC_LUC_LEVELS: readonly HocLuc[] = ['gioi', 'kha', 'trung-binh', 'yeu', 'kem'];

export const HOC_LUC_LABEL: Record<HocLuc, Message> = {
  gioi: { vi: 'Giỏi', en: 'Excellent' },
  kha: { vi: 'Khá', en: 'Good' },
  'trung-binh': { vi: 'Trung bình', en: 'Average' },
  yeu: { vi: 'Yếu', en: 'Weak' },
  kem: { vi: 'Kém', en: 'Poor' },
};

/**
 * Each level needs (TT58 Điều 13): overall average ≥ `overall`; when `key` is set, one key
 * subject ≥ `key` and, in a chuyên class, the specialised subject ≥ `key` as well; every scored
 * subject ≥ `floor`; when `commentsMustPass`, every comment subject Đ.
 */
const HOC_LUC_REQUIREMENTS: readonly {
  level: HocLuc;
  overall: Tenths;
  key: Tenths | null;
  floor: Tenths;
  commentsMustPass: boolean;
}[] = [
  { level: 'gioi', overall: 80, key: 80, floor: 65, commentsMustPass: true },
  { level: 'kha', overall: 65, key: 65, floor: 50, commentsMustPass: true },
  { level: 'trung-binh', overall: 50, key: 50, floor: 35, commentsMustPass: true },
  { level: 'yeu', overall: 35, key: null, floor: 20, commentsMustPass: false },
];

/** The one-subject adjustments TT58 lists, as "level the average reaches>strict level" → adjusted level. */
const HOC_LUC_ADJUSTMENTS: ReadonlyMap<string, HocLuc> = new Map<string, HocLuc>([
  ['gioi>trung-binh', 'kha'],
  ['gioi>yeu', 'trung-binh'],
  ['kha>yeu', 'trung-binh'],
  ['kha>kem', 'yeu'],
]);

export interface HocLucOptions {
  /** Defaults to TT26_KEY_SUBJECTS; TT58_KEY_SUBJECTS for the original text (rulepack tt58). */
  keySubjects?: readonly string[];
  /**
   * The specialised subject (môn chuyên) of a chuyên class of a specialised upper-secondary
   * school: it must reach the level's mark (8.0 Giỏi, 6.5 Khá, 5.0 Trung bình) in addition to
   * a key subject.
   */
  specialisedSubject?: string;
}

export interface HocLucResult extends AdjustableResult<HocLuc> {
  /** ĐTBhk or ĐTBcn the level was judged on. */
  overall: Tenths;
}

/**
 * Học lực of a semester (from ĐTBmhk) or year (from ĐTBcn). The one-subject adjustments apply
 * only in the four listed cases; e.g. a Giỏi average dropped to Kém by one subject stays Kém.
 * While the rest is classified without the low subject, the overall average stays the one of
 * all subjects, as TT58 speaks of the average reaching the level. Throws RangeError when no
 * subject is scored (there is no average to judge).
 */
export function hocLuc(subjects: SubjectResults, options: HocLucOptions = {}): HocLucResult {
  const overall = overallAverage(subjects.scored.map(({ average }) => average));
  if (overall === null) throw new RangeError('Học lực needs at least one scored subject');
  const keySubjects = options.keySubjects ?? TT26_KEY_SUBJECTS;
  const specialised = options.specialisedSubject === undefined ? [] : [options.specialisedSubject];
  // -Infinity when none of `subjects` is scored in `results`, which fails every mark. A subject
  // left out by the one-subject rule therefore never lifts the key or specialised condition.
  const best = (results: readonly SubjectResult[], subjects: readonly string[]): number =>
    Math.max(
      ...results.flatMap((result) =>
        'average' in result && includesSubject(subjects, result.subject) ? [result.average] : [],
      ),
    );
  const classify = (results: readonly SubjectResult[]): HocLuc => {
    const averages = scoredAverages(results);
    const bestKey = best(results, keySubjects);
    const specialisedAverage =
      specialised.length === 0 ? Number.POSITIVE_INFINITY : best(results, specialised);
    const commentsPass = countFailedComments(results) === 0;
    const met = HOC_LUC_REQUIREMENTS.find(
      (required) =>
        overall >= required.overall &&
        (required.key === null || (bestKey >= required.key && specialisedAverage >= required.key)) &&
        averages.every((average) => average >= required.floor) &&
        (commentsPass || !required.commentsMustPass),
    );
    return met?.level ?? 'kem';
  };
  const result = classifyWithOneSubjectRule(
    HOC_LUC_LEVELS,
    HOC_LUC_LABEL,
    flattenSubjects(subjects),
    classify,
    (restLevel, strictLevel) => HOC_LUC_ADJUSTMENTS.get(`${restLevel}>${strictLevel}`) ?? null,
  );
  return { ...result, overall };
}

/**
 * Semester result of a comment-only subject (TT58 Điều 12, unchanged by TT26): Đ when it has
 * its tests — `requiredTx` regular, at least one periodic (mid-term), the end-of-semester one —
 * and at least 2/3 of all its tests are Đ, the end-of-semester test among them; else CĐ. The
 * year result of such a subject is its semester II result (`commentSubjectYearResult`).
 */
export function commentSubjectResult(marks: CommentMarks, requiredTx: number): Labelled<CommentMark> {
  const all = [...marks.tx, ...marks.gk, ...marks.ck];
  const complete = marks.tx.length >= requiredTx && marks.gk.length >= 1 && marks.ck.length >= 1;
  const passed = all.filter((mark) => mark === 'dat').length;
  const twoThirds = 3 * passed >= 2 * all.length;
  const endOfSemesterPassed = marks.ck.length > 0 && marks.ck.every((mark) => mark === 'dat');
  const level: CommentMark = complete && twoThirds && endOfSemesterPassed ? 'dat' : 'chua-dat';
  return { level, label: COMMENT_MARK_LABEL[level] };
}

/** The year result of a comment-only subject is the one of semester II. */
export function commentSubjectYearResult(
  _semesterI: CommentMark,
  semesterII: CommentMark,
): Labelled<CommentMark> {
  return { level: semesterII, label: COMMENT_MARK_LABEL[semesterII] };
}

/** Hạnh kiểm (conduct) under TT58: Tốt, Khá, Trung bình, Yếu, after each semester and the year. */
export type Conduct = 'tot' | 'kha' | 'trung-binh' | 'yeu';

export const CONDUCT_LEVELS: readonly Conduct[] = ['tot', 'kha', 'trung-binh', 'yeu'];

export const CONDUCT_LABEL: Record<Conduct, Message> = {
  tot: { vi: 'Tốt', en: 'Good' },
  kha: { vi: 'Khá', en: 'Fairly good' },
  'trung-binh': { vi: 'Trung bình', en: 'Average' },
  yeu: { vi: 'Yếu', en: 'Weak' },
};

/**
 * Year conduct. TT58 Điều 4 bases it "chủ yếu" on semester II's conduct and the student's
 * progress, with no table: the proposal is semester II's level, which the homeroom teacher
 * may change for progress shown over the year (so `fromSemesterII` says it is the default).
 */
export function yearConduct(
  _semesterI: Conduct,
  semesterII: Conduct,
): Labelled<Conduct> & { fromSemesterII: true } {
  return { level: semesterII, label: CONDUCT_LABEL[semesterII], fromSemesterII: true };
}

/** More sessions absent in a year than this (excused or not) and the student repeats the grade. */
export const MAX_ABSENT_SESSIONS = 45;

/** Subjects with ĐTBmcn below this (5.0), and comment subjects CĐ, are the ones re-tested. */
export const RETEST_BELOW: Tenths = 50;

export type PromotionDecision = 'len-lop' | 'kiem-tra-lai' | 'ren-luyen-he' | 'o-lai-lop';

export const PROMOTION_LABEL: Record<PromotionDecision, Message> = {
  'len-lop': { vi: 'Lên lớp', en: 'Promoted' },
  'kiem-tra-lai': { vi: 'Kiểm tra lại trong hè', en: 'Summer re-test' },
  'ren-luyen-he': { vi: 'Rèn luyện hạnh kiểm trong hè', en: 'Summer conduct training' },
  'o-lai-lop': { vi: 'Ở lại lớp', en: 'Repeats the grade' },
};

export interface PromotionInput {
  /** Year học lực, from hocLuc() on ĐTBmcn and the year comment results. */
  hocLuc: HocLuc;
  /** Year conduct. */
  conduct: Conduct;
  /** Sessions (buổi) absent in the year, excused or not. */
  absentSessions: number;
}

/**
 * End-of-year decision (TT58 Điều 15–17): promoted with conduct and học lực at least Trung bình
 * and at most 45 sessions absent; repeats with more absences, học lực Kém, or học lực and
 * conduct both Yếu; a summer re-test with học lực Yếu (conduct at least Trung bình); summer
 * conduct training with conduct Yếu (học lực at least Trung bình).
 */
export function promotion(input: PromotionInput): Labelled<PromotionDecision> {
  if (!Number.isInteger(input.absentSessions) || input.absentSessions < 0) {
    throw new RangeError(`Absent sessions must be a whole number ≥ 0, got ${input.absentSessions}`);
  }
  const decision = promotionDecision(input);
  return { level: decision, label: PROMOTION_LABEL[decision] };
}

function promotionDecision({ hocLuc: level, conduct, absentSessions }: PromotionInput): PromotionDecision {
  if (absentSessions > MAX_ABSENT_SESSIONS) return 'o-lai-lop';
  if (level === 'kem' || (level === 'yeu' && conduct === 'yeu')) return 'o-lai-lop';
  if (level === 'yeu') return 'kiem-tra-lai';
  if (conduct === 'yeu') return 'ren-luyen-he';
  return 'len-lop';
}

/** The subjects a summer re-test chooses from: ĐTBmcn below 5.0, or a comment subject CĐ for the year. */
export function retestCandidates(year: SubjectResults): string[] {
  return [
    ...year.scored.filter(({ average }) => average < RETEST_BELOW).map(({ subject }) => subject),
    ...year.commented.filter(({ mark }) => mark === 'chua-dat').map(({ subject }) => subject),
  ];
}

export type Tt58Title = 'gioi' | 'tien-tien';

export const TITLE_LABEL: Record<Tt58Title, Message> = {
  gioi: { vi: 'Học sinh giỏi', en: 'Excellent student' },
  'tien-tien': { vi: 'Học sinh tiên tiến', en: 'Advanced student' },
};

/**
 * Semester or year title (TT58 Điều 18): Học sinh giỏi with conduct Tốt and học lực Giỏi;
 * Học sinh tiên tiến with conduct and học lực at least Khá; otherwise none.
 */
export function title(input: { hocLuc: HocLuc; conduct: Conduct }): Labelled<Tt58Title> | null {
  const atLeastKha = (rank: number) => rank <= 1;
  if (input.hocLuc === 'gioi' && input.conduct === 'tot') return { level: 'gioi', label: TITLE_LABEL.gioi };
  if (atLeastKha(HOC_LUC_LEVELS.indexOf(input.hocLuc)) && atLeastKha(CONDUCT_LEVELS.indexOf(input.conduct))) {
    return { level: 'tien-tien', label: TITLE_LABEL['tien-tien'] };
  }
  return null;
}
