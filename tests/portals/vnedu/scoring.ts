import { type Grade, type Period, regularAssessmentCount, type Subject, type Term } from './subjects';

// What the portal computes and accepts. Secondary books (Thông tư 22/2021): scores 0–10 with at
// most one decimal, Đ/CĐ in comment-only subjects, averages rounded half-up to one decimal in
// whole tenths (never binary floats). Primary books (Thông tư 27/2020): a periodic test score is a
// whole number 1–10, a level is T/H/C (Hoàn thành tốt / Hoàn thành / Chưa hoàn thành), and a
// comment is free text of at most 500 characters.

/** score: TT22 score; result: TT22 Đ/CĐ; comment: free text; test: TT27 KT 1–10; level: TT27 T/H/C. */
export type CellType = 'score' | 'result' | 'comment' | 'test' | 'level';

export interface EntryColumn {
  /** Column key: the `c` attribute of the input, the key in stored values (tx1…, gk, ck, nx, kt, xl…). */
  key: string;
  /** Short name used in messages: TX1, GK, CK, KT CN… */
  label: string;
  /** Header text (TT22 ĐĐGtx sub-columns: "1", "2"…). */
  header: string;
  /** Display name carried by the header cell (`ten` attribute): "ĐĐGtx 1", "KT CN"… */
  displayName: string;
  /** Kind class of the input (`ktck`, `xlck`, `nxck`, `diemtx`…). */
  kind: string;
  type: CellType;
  /** TT22: a regular assessment (sub-column of ĐĐGtx). */
  regular?: boolean;
  /** TT27 cuối năm: a column entered only after the retake exam (Sau thi lại). */
  retake?: boolean;
}

export interface ComputedColumn {
  /** Key in computed values (and in /__test/scores): dtbhk, dtbcn, kqhk, kqcn. */
  key: string;
  /** Short key carried by the header cell (`ma`). */
  code: 'tbhk' | 'tbcn';
  header: string;
  displayName: string;
}

export type BookValues = Readonly<Record<string, string>>;

export const COMMENT_MAX = 500;

/** The assessed columns of a TT22 book (regular assessments, mid-term, end-of-term). */
export function entryColumns(subject: Subject, grade: Grade): EntryColumn[] {
  const count = regularAssessmentCount(subject.periodsPerYear(grade));
  const type: CellType = subject.comment ? 'result' : 'score';
  const kind = (part: string) => (subject.comment ? 'danhgia' : `diem${part}`);
  return [
    ...Array.from({ length: count }, (_, i) => ({
      key: `tx${i + 1}`,
      label: `TX${i + 1}`,
      header: String(i + 1),
      displayName: `ĐĐGtx ${i + 1}`,
      kind: kind('tx'),
      type,
      regular: true,
    })),
    { key: 'gk', label: 'GK', header: 'ĐĐGgk', displayName: 'ĐĐGgk', kind: kind('gk'), type },
    { key: 'ck', label: 'CK', header: 'ĐĐGck', displayName: 'ĐĐGck', kind: kind('ck'), type },
  ];
}

/** The TT22 book's comment column, after the averages. */
export const secondaryCommentColumn: EntryColumn = {
  key: 'nx',
  label: 'Nhận xét',
  header: 'Nhận xét',
  displayName: 'Nhận xét',
  kind: 'nhanxet',
  type: 'comment',
};

/** Header texts of a TT27 period: giữa kỳ → GK, cuối kỳ I → CK, cuối năm → CN. */
export function periodHeaders(period: Period): { comment: string; suffix: string; kind: 'gk' | 'ck' } {
  if (period.startsWith('gk')) return { comment: 'Nhận xét giữa kỳ', suffix: 'GK', kind: 'gk' };
  return { comment: 'Nhận xét cuối kỳ', suffix: period === 'ck2' ? 'CN' : 'CK', kind: 'ck' };
}

/** The columns of a TT27 book at one period: comment, test (tested subjects only), level, and at cuối năm the retake pair. */
export function primaryColumns(subject: Subject, grade: Grade, period: Period): EntryColumn[] {
  const { comment, suffix, kind } = periodHeaders(period);
  const tested = subject.tested(grade, period);
  const column = (
    key: string,
    header: string,
    part: string,
    type: CellType,
    retake = false,
  ): EntryColumn => ({
    key,
    label: header,
    header,
    displayName: header,
    kind: `${part}${kind}`,
    type,
    ...(retake && { retake }),
  });
  const columns = [column('nx', comment, 'nx', 'comment')];
  if (tested) columns.push(column('kt', `KT ${suffix}`, 'kt', 'test'));
  columns.push(column('xl', `XL ${suffix}`, 'xl', 'level'));
  if (period === 'ck2') {
    if (tested) columns.push(column('ktl', `KT ${suffix}(Sau thi lại)`, 'kt', 'test', true));
    columns.push(column('xll', `XL ${suffix}(Sau thi lại)`, 'xl', 'level', true));
  }
  return columns;
}

export function computedColumns(subject: Subject, term: Term): ComputedColumn[] {
  if (subject.level === 'th') return [];
  const semester: ComputedColumn = subject.comment
    ? { key: 'kqhk', code: 'tbhk', header: 'Kết quả HK', displayName: 'Kết quả HK' }
    : { key: 'dtbhk', code: 'tbhk', header: 'ĐTBmhk', displayName: 'ĐTBmhk' };
  if (term === 1) return [semester];
  const year: ComputedColumn = subject.comment
    ? { key: 'kqcn', code: 'tbcn', header: 'Kết quả CN', displayName: 'Kết quả CN' }
    : { key: 'dtbcn', code: 'tbcn', header: 'TB cả năm', displayName: 'ĐTBmcn' };
  return [semester, year];
}

const SCORE = /^(?:10(?:\.0)?|\d(?:\.\d)?)$/;
const TEST = /^(?:10|[1-9])$/;
const LEVELS = new Set(['T', 'H', 'C']);
const RESULTS = new Set(['Đ', 'CĐ']);

/** TT22 score or Đ/CĐ (kept for callers that only know the subject kind). */
export function isValidEntry(value: string, comment: boolean): boolean {
  return comment ? RESULTS.has(value.normalize('NFC')) : SCORE.test(value);
}

/** Why a value is refused in a column, in Vietnamese; undefined when it is accepted ('' clears). */
export function entryProblem(column: EntryColumn, value: string): string | undefined {
  if (value === '') return undefined;
  switch (column.type) {
    case 'score':
      return SCORE.test(value) ? undefined : 'điểm từ 0 đến 10, nhiều nhất một chữ số thập phân';
    case 'result':
      return RESULTS.has(value) ? undefined : 'chỉ nhập Đ hoặc CĐ';
    case 'test':
      return TEST.test(value) ? undefined : 'điểm kiểm tra là số nguyên từ 1 đến 10';
    case 'level':
      return LEVELS.has(value) ? undefined : 'chỉ nhập T, H hoặc C';
    case 'comment':
      return [...value].length <= COMMENT_MAX ? undefined : `nhận xét không quá ${COMMENT_MAX} ký tự`;
  }
}

/** "8.5" → 85 tenths; the value must already be valid. */
const tenths = (score: string): number => {
  const [whole = '0', fraction = '0'] = score.split('.');
  return Number(whole) * 10 + Number(fraction);
};

/** numerator / denominator rounded half-up, all in tenths (both positive). */
const divideHalfUp = (numerator: number, denominator: number): number =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

export const formatTenths = (value: number): string => `${Math.floor(value / 10)}.${value % 10}`;

const assessed = (columns: readonly EntryColumn[]) =>
  columns.filter((column) => column.type === 'score' || column.type === 'result');

/** ĐTBmhk in tenths = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n + 5); undefined until every column is in. */
export function semesterAverageTenths(
  values: BookValues,
  columns: readonly EntryColumn[],
): number | undefined {
  let sum = 0;
  let regular = 0;
  for (const { key } of assessed(columns)) {
    const value = values[key];
    if (value === undefined || !SCORE.test(value)) return undefined;
    const weight = key === 'gk' ? 2 : key === 'ck' ? 3 : 1;
    if (weight === 1) regular++;
    sum += weight * tenths(value);
  }
  return divideHalfUp(sum, regular + 5);
}

/** ĐTBmcn = (ĐTBmhk I + 2·ĐTBmhk II) / 3, from the rounded semester averages. */
export const yearAverageTenths = (first: number, second: number): number =>
  divideHalfUp(first + 2 * second, 3);

/** Comment subjects: Đ only when every assessment is in and all are Đ; blank until complete. */
export function commentResult(values: BookValues, columns: readonly EntryColumn[]): string | undefined {
  const entered = assessed(columns).map(({ key }) => values[key]);
  if (entered.some((value) => value === undefined)) return undefined;
  return entered.every((value) => value === 'Đ') ? 'Đ' : 'CĐ';
}
