// Lower-secondary subjects (2018 curriculum) with periods per year, which fix how many regular
// assessments (ĐĐGtx) the grade book has under Thông tư 22/2021.

export type Term = 1 | 2;
export type Grade = 6 | 7 | 8 | 9;

export interface Subject {
  /** Value of the "Môn" combo, as the portal posts it. */
  code: string;
  name: string;
  /** Đ/CĐ comments instead of scores. */
  comment: boolean;
  periodsPerYear: (grade: Grade) => number;
}

const fixed = (periods: number) => () => periods;

export const subjects: readonly Subject[] = [
  { code: 'TOAN', name: 'Toán', comment: false, periodsPerYear: fixed(140) },
  { code: 'VAN', name: 'Ngữ văn', comment: false, periodsPerYear: fixed(140) },
  { code: 'ANH', name: 'Tiếng Anh', comment: false, periodsPerYear: fixed(105) },
  { code: 'KHTN', name: 'Khoa học tự nhiên', comment: false, periodsPerYear: fixed(140) },
  { code: 'LSDL', name: 'Lịch sử và Địa lí', comment: false, periodsPerYear: fixed(105) },
  { code: 'GDCD', name: 'Giáo dục công dân', comment: false, periodsPerYear: fixed(35) },
  // Công nghệ has 52 periods in grade 8, which lands in the middle (3 assessments) bucket.
  { code: 'CN', name: 'Công nghệ', comment: false, periodsPerYear: (grade) => (grade === 8 ? 52 : 35) },
  { code: 'TIN', name: 'Tin học', comment: false, periodsPerYear: fixed(35) },
  { code: 'GDTC', name: 'Giáo dục thể chất', comment: true, periodsPerYear: fixed(70) },
  { code: 'NT', name: 'Nghệ thuật', comment: true, periodsPerYear: fixed(70) },
  { code: 'HDTN', name: 'Hoạt động trải nghiệm, hướng nghiệp', comment: true, periodsPerYear: fixed(105) },
  { code: 'GDDP', name: 'Nội dung giáo dục của địa phương', comment: true, periodsPerYear: fixed(35) },
];

export function findSubject(code: string): Subject | undefined {
  return subjects.find((subject) => subject.code === code);
}

/** TT22: ≤ 35 periods/year → 2 regular assessments per semester; ≤ 70 → 3; more → 4. */
export function regularAssessmentCount(periodsPerYear: number): number {
  if (periodsPerYear <= 35) return 2;
  if (periodsPerYear <= 70) return 3;
  return 4;
}

export const termRoman = (term: Term): string => (term === 1 ? 'I' : 'II');
export const termName = (term: Term): string => `Học kỳ ${termRoman(term)}`;
