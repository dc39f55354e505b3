// Thông tư 27/2020/TT-BGDĐT: assessment of primary school students (grades 1–5).
import { type Message, type Problem, problem } from '../problem';
import { rowAverageOf } from './row-average';
import { cellChecker } from './cells';
import type { Labelled } from './levels';
import type { Rulepack, ScoreCheck, Tenths } from './rulepack';
import { checkTenPointScore, showRaw } from './score';

// Re-exported so that users of this module's namespace (rules.tt27) can name the result type.
export type { Labelled } from './levels';

/**
 * Whether a periodic test may score 0 is not settled by the texts at hand: TT27 forbids
 * decimals but, unlike the rules it replaced, says nothing of 0. `warning` (the default) accepts
 * it and asks the user to double-check.
 */
export type ZeroScorePolicy = 'allow' | 'warning' | 'error';

export interface Tt27Options {
  zeroScore: ZeroScorePolicy;
}

export const TT27_DEFAULTS: Tt27Options = { zeroScore: 'warning' };

/**
 * TT27 as a rulepack. It has no subject averages: semesterAverage always gives a null average
 * without problems, and yearAverage returns the semester II value, because the end-of-year
 * assessment stands for the whole year.
 */
export function makeTt27Rulepack(options: Tt27Options = TT27_DEFAULTS): Rulepack {
  const pack: Rulepack = {
    id: 'tt27',
    name: 'Thông tư 27/2020/TT-BGDĐT',
    basis:
      'Thông tư 27/2020/TT-BGDĐT ngày 04/9/2020 của Bộ Giáo dục và Đào tạo ban hành Quy định đánh giá học sinh tiểu học',
    // Regular assessment is by comment; no regular scores are recorded.
    regularAssessments: () => 0,
    checkScore: (raw, kind) =>
      kind === 'tx' ? checkRegularCell(raw) : checkTestScore(raw, options.zeroScore),
    checkCell: cellChecker({
      score: (raw, kind) => (kind === 'tx' ? checkRegularCell(raw) : checkTestScore(raw, options.zeroScore)),
      test: (raw) => checkTestScore(raw, options.zeroScore),
    }),
    rowAverage: (cells, columns) => rowAverageOf(pack, cells, columns),
    semesterAverage: () => ({ average: null, problems: [] }),
    yearAverage: (_semesterI, semesterII) => semesterII,
  };
  return pack;
}

export const tt27: Rulepack = makeTt27Rulepack();

function checkTestScore(raw: unknown, zeroScore: ZeroScorePolicy): ScoreCheck {
  const checked = checkTenPointScore(raw, 'whole');
  if (checked.value !== 0 || zeroScore === 'allow') return checked;
  const zero = problem(
    'score.zero',
    zeroScore,
    'Điểm 0: Thông tư 27 không nói rõ có được cho điểm 0 hay không, hãy kiểm tra lại',
    'Score 0: TT27 does not say whether 0 may be given; please double-check',
  );
  return { value: zeroScore === 'error' ? null : 0, problems: [zero] };
}

/** A regular-assessment cell: primary regular assessment is by comment, so any score is refused. */
export function checkRegularCell(raw: unknown): ScoreCheck {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { value: null, problems: [] };
  }
  const shown = showRaw(raw);
  const notScored: Problem = problem(
    'score.not-scored',
    'error',
    `Đánh giá thường xuyên ở tiểu học bằng nhận xét, không cho điểm ("${shown}")`,
    `Regular assessment in primary school is by comment, not by score ("${shown}")`,
  );
  return { value: null, problems: [notScored] };
}

/** Level of a subject or educational activity: Hoàn thành tốt / Hoàn thành / Chưa hoàn thành. */
export type SubjectLevel = 'T' | 'H' | 'C';

export const SUBJECT_LEVEL_LABEL: Record<SubjectLevel, Message> = {
  T: { vi: 'Hoàn thành tốt', en: 'Completed well' },
  H: { vi: 'Hoàn thành', en: 'Completed' },
  C: { vi: 'Chưa hoàn thành', en: 'Not yet completed' },
};

/** Level of a quality (5) or competence (3 general + 7 specific): Tốt / Đạt / Cần cố gắng. */
export type QualityLevel = 'T' | 'Đ' | 'C';

export const QUALITY_LEVEL_LABEL: Record<QualityLevel, Message> = {
  T: { vi: 'Tốt', en: 'Good' },
  Đ: { vi: 'Đạt', en: 'Satisfactory' },
  C: { vi: 'Cần cố gắng', en: 'Needs more effort' },
};

/** When periodic tests are taken. */
export type TestMoment = 'giua-hk1' | 'cuoi-hk1' | 'giua-hk2' | 'cuoi-nam';

export const TEST_MOMENT_LABEL: Record<TestMoment, Message> = {
  'giua-hk1': { vi: 'Giữa học kỳ I', en: 'Mid-semester I' },
  'cuoi-hk1': { vi: 'Cuối học kỳ I', en: 'End of semester I' },
  'giua-hk2': { vi: 'Giữa học kỳ II', en: 'Mid-semester II' },
  'cuoi-nam': { vi: 'Cuối năm học', en: 'End of year' },
};

/** Tested subjects and the first grade each is tested in (subjects start in the curriculum then). */
const TESTED_SUBJECTS: readonly { subject: string; fromGrade: number }[] = [
  { subject: 'Tiếng Việt', fromGrade: 1 },
  { subject: 'Toán', fromGrade: 1 },
  { subject: 'Ngoại ngữ 1', fromGrade: 3 },
  { subject: 'Tin học và Công nghệ', fromGrade: 3 },
  { subject: 'Lịch sử và Địa lí', fromGrade: 4 },
  { subject: 'Khoa học', fromGrade: 4 },
];

/** Subjects that also have mid-semester tests in some grades. */
const MID_TERM_SUBJECTS: readonly string[] = ['Tiếng Việt', 'Toán'];

/**
 * Grades with mid-semester tests in Tiếng Việt and Toán. Public copies say grades 4–5; the
 * split could not be confirmed from a primary text, so it is an overridable default.
 */
export const MID_TERM_TEST_GRADES: readonly number[] = [4, 5];

export interface PeriodicTest {
  subject: string;
  moments: TestMoment[];
}

/** Periodic tests a primary grade takes, per subject. Throws RangeError for a grade outside 1–5. */
export function periodicTests(
  grade: number,
  midTermGrades: readonly number[] = MID_TERM_TEST_GRADES,
): PeriodicTest[] {
  if (!Number.isInteger(grade) || grade < 1 || grade > 5) {
    throw new RangeError(`Primary grades are 1–5, got ${grade}`);
  }
  const midTerm = midTermGrades.includes(grade);
  return TESTED_SUBJECTS.filter(({ fromGrade }) => grade >= fromGrade).map(({ subject }) => ({
    subject,
    moments:
      midTerm && MID_TERM_SUBJECTS.includes(subject)
        ? ['giua-hk1', 'cuoi-hk1', 'giua-hk2', 'cuoi-nam']
        : ['cuoi-hk1', 'cuoi-nam'],
  }));
}

export type YearResult = 'hoan-thanh-xuat-sac' | 'hoan-thanh-tot' | 'hoan-thanh' | 'chua-hoan-thanh';

export const YEAR_RESULT_LABEL: Record<YearResult, Message> = {
  'hoan-thanh-xuat-sac': { vi: 'Hoàn thành xuất sắc', en: 'Completed with excellence' },
  'hoan-thanh-tot': { vi: 'Hoàn thành tốt', en: 'Completed well' },
  'hoan-thanh': { vi: 'Hoàn thành', en: 'Completed' },
  'chua-hoan-thanh': { vi: 'Chưa hoàn thành', en: 'Not yet completed' },
};

export interface YearResultInput {
  /** End-of-year level of every subject and educational activity. */
  subjects: readonly SubjectLevel[];
  /** End-of-year levels of the qualities and of the competences. */
  qualities: readonly QualityLevel[];
  competences: readonly QualityLevel[];
  /** End-of-year periodic test scores, in tenths (whole numbers: 90 = 9). */
  endOfYearTests: readonly Tenths[];
}

/**
 * Each result needs: every subject at one of `subjects`, every quality and competence at one
 * of `qualities`, and every end-of-year test ≥ `minTest`.
 */
const YEAR_RESULT_REQUIREMENTS: readonly {
  result: YearResult;
  subjects: readonly SubjectLevel[];
  qualities: readonly QualityLevel[];
  minTest: Tenths;
}[] = [
  { result: 'hoan-thanh-xuat-sac', subjects: ['T'], qualities: ['T'], minTest: 90 },
  { result: 'hoan-thanh-tot', subjects: ['T'], qualities: ['T'], minTest: 70 },
  { result: 'hoan-thanh', subjects: ['T', 'H'], qualities: ['T', 'Đ'], minTest: 50 },
];

/** End-of-year result of a primary student. */
export function yearResult(input: YearResultInput): Labelled<YearResult> {
  const met = YEAR_RESULT_REQUIREMENTS.find(
    (required) =>
      input.subjects.every((level) => required.subjects.includes(level)) &&
      [...input.qualities, ...input.competences].every((level) => required.qualities.includes(level)) &&
      input.endOfYearTests.every((score) => score >= required.minTest),
  );
  const level = met?.result ?? 'chua-hoan-thanh';
  return { level, label: YEAR_RESULT_LABEL[level] };
}
