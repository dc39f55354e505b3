// Subjects of the two books a school keeps: lower-secondary subjects (2018 curriculum) with periods
// per year, which fix how many regular assessments (ĐĐGtx) the TT22 book has, and primary subjects
// under Thông tư 27/2020, where some subjects have a periodic test (KT) at some periods.

export type Term = 1 | 2;
export type Grade = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** th: Tiểu học (primary, TT27); thcs: Trung học cơ sở (lower secondary, TT22). */
export type Level = 'th' | 'thcs';

/** A period of the primary book (the hidden `muc` field): giữa kỳ I, cuối kỳ I, giữa kỳ II, cuối năm. */
export type Period = 'gk1' | 'ck1' | 'gk2' | 'ck2';
export const PERIODS: readonly Period[] = ['gk1', 'ck1', 'gk2', 'ck2'];
export const termOfPeriod = (period: Period): Term => (period.endsWith('1') ? 1 : 2);
export const periodsOfTerm = (term: Term): Period[] => (term === 1 ? ['gk1', 'ck1'] : ['gk2', 'ck2']);

export interface Subject {
  /** Code used by URL flags and tests (the portal itself posts `iMonHocId`). */
  code: string;
  /** Internal numeric id, posted as `iMonHocId`. */
  id: number;
  name: string;
  level: Level;
  /** Grades the subject is taught in. */
  grades: readonly Grade[];
  /** TT22: Đ/CĐ comments instead of scores. */
  comment: boolean;
  /** TT22: periods per year (fixes the ĐĐGtx count). */
  periodsPerYear: (grade: Grade) => number;
  /** TT27: whether the book has a periodic test (KT) at this period for this grade. */
  tested: (grade: Grade, period: Period) => boolean;
}

const fixed = (periods: number) => () => periods;
const never = () => false;
const secondaryGrades: readonly Grade[] = [6, 7, 8, 9];

function secondary(
  code: string,
  id: number,
  name: string,
  comment: boolean,
  periods: Subject['periodsPerYear'],
): Subject {
  return {
    code,
    id,
    name,
    level: 'thcs',
    grades: secondaryGrades,
    comment,
    periodsPerYear: periods,
    tested: never,
  };
}

// TT27 art. 7: a periodic test at the end of semester I and of the year for Tiếng Việt, Toán,
// Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học, Tin học và Công nghệ; grades 4 and 5 also test
// Tiếng Việt and Toán at mid-semester.
const endOfTerm = (_grade: Grade, period: Period) => period.startsWith('ck');
const coreTested = (grade: Grade, period: Period) => period.startsWith('ck') || grade >= 4;

function primary(
  code: string,
  id: number,
  name: string,
  grades: readonly Grade[],
  tested: Subject['tested'],
): Subject {
  return { code, id, name, level: 'th', grades, comment: false, periodsPerYear: fixed(0), tested };
}

export const subjects: readonly Subject[] = [
  secondary('TOAN', 1019, 'Toán', false, fixed(140)),
  secondary('VAN', 1020, 'Ngữ văn', false, fixed(140)),
  secondary('ANH', 1021, 'Tiếng Anh', false, fixed(105)),
  secondary('KHTN', 1022, 'Khoa học tự nhiên', false, fixed(140)),
  secondary('LSDL', 1023, 'Lịch sử và Địa lí', false, fixed(105)),
  secondary('GDCD', 1024, 'Giáo dục công dân', false, fixed(35)),
  // Công nghệ has 52 periods in grade 8, which lands in the middle (3 assessments) bucket.
  secondary('CN', 1025, 'Công nghệ', false, (grade) => (grade === 8 ? 52 : 35)),
  secondary('TIN', 1026, 'Tin học', false, fixed(35)),
  secondary('GDTC', 1027, 'Giáo dục thể chất', true, fixed(70)),
  secondary('NT', 1028, 'Nghệ thuật', true, fixed(70)),
  secondary('HDTN', 1029, 'Hoạt động trải nghiệm, hướng nghiệp', true, fixed(105)),
  secondary('GDDP', 1030, 'Nội dung giáo dục của địa phương', true, fixed(35)),

  primary('TV', 2001, 'Tiếng Việt', [1, 2, 3, 4, 5], coreTested),
  primary('TOAN', 2002, 'Toán', [1, 2, 3, 4, 5], coreTested),
  primary('DD', 2003, 'Đạo đức', [1, 2, 3, 4, 5], never),
  primary('TNXH', 2004, 'Tự nhiên và Xã hội', [1, 2, 3], never),
  primary('KH', 2005, 'Khoa học', [4, 5], endOfTerm),
  primary('LSDL', 2006, 'Lịch sử và Địa lí', [4, 5], endOfTerm),
  primary('ANH', 2007, 'Tiếng Anh', [3, 4, 5], endOfTerm),
  primary('TINCN', 2008, 'Tin học và Công nghệ', [3, 4, 5], endOfTerm),
  primary('GDTC', 2009, 'Giáo dục thể chất', [1, 2, 3, 4, 5], never),
  primary('NT', 2010, 'Nghệ thuật', [1, 2, 3, 4, 5], never),
  primary('HDTN', 2011, 'Hoạt động trải nghiệm', [1, 2, 3, 4, 5], never),
];

/** A subject of one school level by code (or by numeric id, as posted). */
export function findSubject(codeOrId: string | number, level: Level = 'thcs'): Subject | undefined {
  const wanted = String(codeOrId);
  return subjects.find(
    (subject) => subject.level === level && (subject.code === wanted || String(subject.id) === wanted),
  );
}

export const subjectsOf = (level: Level): Subject[] => subjects.filter((subject) => subject.level === level);

/** TT22: ≤ 35 periods/year → 2 regular assessments per semester; ≤ 70 → 3; more → 4. */
export function regularAssessmentCount(periodsPerYear: number): number {
  if (periodsPerYear <= 35) return 2;
  if (periodsPerYear <= 70) return 3;
  return 4;
}

export const termRoman = (term: Term): string => (term === 1 ? 'I' : 'II');
export const termName = (term: Term): string => `Học kỳ ${termRoman(term)}`;
