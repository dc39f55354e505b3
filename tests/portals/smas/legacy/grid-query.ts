import { nfc } from '@edulens/shared/text';
import type { SmasStudent } from '../common/roster';

// The student list's server side: the filter row's "contains" filters (NFC, case-insensitive)
// and 20 rows a page.

export const PAGE_SIZE = 20;

/** Filter inputs of the grid's filter row (query names) and the field each filters. */
export const GRID_FILTERS = {
  MaHocSinh: 'studentCode',
  HoTen: 'fullName',
  NgaySinh: 'birthDate',
  GioiTinh: 'gender',
  DanToc: 'ethnicity',
  TrangThai: 'status',
} as const satisfies Record<string, keyof SmasStudent>;

export type FilterName = keyof typeof GRID_FILTERS;
export type GridFilters = Partial<Record<FilterName, string>>;

/** Longest filter text the grid takes. */
export const FILTER_MAX_LENGTH = 50;

export function filtersFrom(query: (name: string) => string | undefined): GridFilters {
  const filters: GridFilters = {};
  for (const name of Object.keys(GRID_FILTERS) as FilterName[]) {
    const value = query(name)?.trim().slice(0, FILTER_MAX_LENGTH);
    if (value) filters[name] = value;
  }
  return filters;
}

const fold = (text: string) => nfc(text).toLocaleLowerCase('vi');

export interface GridRow {
  /** STT: the student's place in the class list. */
  stt: number;
  student: SmasStudent;
}

export interface GridPage {
  rows: GridRow[];
  page: number;
  pageCount: number;
  total: number;
}

export function queryGrid(
  students: readonly SmasStudent[],
  filters: GridFilters,
  requestedPage: number,
): GridPage {
  const wanted = Object.entries(filters).map(
    ([name, value]) => [GRID_FILTERS[name as FilterName], fold(value)] as const,
  );
  const matching = students
    .map((student, index) => ({ stt: index + 1, student }))
    .filter(({ student }) => wanted.every(([field, value]) => fold(String(student[field])).includes(value)));
  const pageCount = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pageCount);
  return {
    rows: matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    page,
    pageCount,
    total: matching.length,
  };
}
