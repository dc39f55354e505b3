import { regularAssessmentCount, type Grade, type Subject, type Term } from './subjects';

// What the portal computes and accepts, per Thông tư 22/2021: scores 0–10 with at most one
// decimal; averages rounded half-up to one decimal in whole tenths (never binary floats).

export interface EntryColumn {
  /** Key in posted data and in input names: tx1…txN, gk, ck. */
  key: string;
  /** Short name used in messages: TX1, GK, CK. */
  label: string;
}

export interface ComputedColumn {
  key: string;
  header: string;
}

export type BookValues = Readonly<Record<string, string>>;

export function entryColumns(subject: Subject, grade: Grade): EntryColumn[] {
  const count = regularAssessmentCount(subject.periodsPerYear(grade));
  return [
    ...Array.from({ length: count }, (_, i) => ({ key: `tx${i + 1}`, label: `TX${i + 1}` })),
    { key: 'gk', label: 'GK' },
    { key: 'ck', label: 'CK' },
  ];
}

export function computedColumns(subject: Subject, term: Term): ComputedColumn[] {
  if (subject.comment) {
    const semester = { key: 'kqhk', header: 'Kết quả HK' };
    return term === 1 ? [semester] : [semester, { key: 'kqcn', header: 'Kết quả CN' }];
  }
  const semester = { key: 'dtbhk', header: 'ĐTBmhk' };
  return term === 1 ? [semester] : [semester, { key: 'dtbcn', header: 'ĐTBmcn' }];
}

const SCORE = /^(?:10(?:\.0)?|\d(?:\.\d)?)$/;
const COMMENTS = new Set(['Đ', 'CĐ']);

export function isValidEntry(value: string, comment: boolean): boolean {
  return comment ? COMMENTS.has(value.normalize('NFC')) : SCORE.test(value);
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

/** ĐTBmhk in tenths = (ΣĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n + 5); undefined until every column is in. */
export function semesterAverageTenths(
  values: BookValues,
  columns: readonly EntryColumn[],
): number | undefined {
  let sum = 0;
  let regular = 0;
  for (const { key } of columns) {
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
  const entered = columns.map(({ key }) => values[key]);
  if (entered.some((value) => value === undefined)) return undefined;
  return entered.every((value) => value === 'Đ') ? 'Đ' : 'CĐ';
}
