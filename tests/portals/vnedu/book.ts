import type { Account } from './accounts';
import type { ClassRoster, Student } from './roster';
import type { BookRef, StoredCell } from './score-store';
import {
  commentResult,
  type ComputedColumn,
  computedColumns,
  type EntryColumn,
  entryColumns,
  formatTenths,
  primaryColumns,
  secondaryCommentColumn,
  semesterAverageTenths,
  yearAverageTenths,
} from './scoring';
import { formatVnClock } from './sim-clock';
import type { VnEduState } from './state';
import { findSubject, type Period, PERIODS, type Subject, type Term, termOfPeriod } from './subjects';

// One book: a class, a subject, a semester and — in a primary (TT27) book — a period (`muc`), as
// the grade window shows and saves it.

export interface Book {
  roster: ClassRoster;
  subject: Subject;
  term: Term;
  /** The hidden `muc` field: gk1, ck1, gk2, ck2 (primary); hk1, hk2 (secondary). */
  muc: string;
  ref: BookRef;
  /** Every entry column in page order (the TT22 comment column last). */
  columns: readonly EntryColumn[];
  computed: readonly ComputedColumn[];
}

export interface BookQuery {
  /** Class name (2D) or numeric id (`iLopId`). */
  lop?: string | undefined;
  /** Subject code (TV) or numeric id (`iMonHocId`). */
  mon?: string | undefined;
  hk?: string | undefined;
  muc?: string | undefined;
}

export type BookLookup = { ok: true; book: Book } | { ok: false; status: 403 | 404; message: string };

const isPeriod = (value: string | undefined): value is Period => PERIODS.includes(value as Period);

/** The term and `muc` a query asks for: a primary period wins over the term; the default is the term's end. */
export function resolvePeriod(level: 'th' | 'thcs', query: BookQuery): { term: Term; muc: string } {
  if (level === 'th' && isPeriod(query.muc)) return { term: termOfPeriod(query.muc), muc: query.muc };
  const term: Term = query.hk === '2' ? 2 : 1;
  return { term, muc: level === 'th' ? `ck${term}` : `hk${term}` };
}

export function findBook(state: VnEduState, account: Account, query: BookQuery): BookLookup {
  const school = account.school;
  const wanted = query.lop ?? '';
  const schoolClass = school.classes.find((c) => c.name === wanted || String(c.id) === wanted);
  const roster = schoolClass && state.roster.find(school.code, schoolClass.name);
  if (!roster) return { ok: false, status: 404, message: `Không tìm thấy lớp "${wanted}".` };
  const subject = findSubject(query.mon ?? '', school.level);
  if (!subject || !subject.grades.includes(roster.schoolClass.grade)) {
    return {
      ok: false,
      status: 404,
      message: `Không tìm thấy môn học "${query.mon ?? ''}" của lớp ${roster.schoolClass.name}.`,
    };
  }
  if (!account.subjects.includes(subject.code)) {
    return {
      ok: false,
      status: 403,
      message: `Tài khoản ${account.username} không được phân công nhập điểm môn ${subject.name} lớp ${roster.schoolClass.name}.`,
    };
  }
  const { term, muc } = resolvePeriod(school.level, query);
  const grade = roster.schoolClass.grade;
  const period = school.level === 'th' ? (muc as Period) : undefined;
  const ref: BookRef = {
    schoolCode: school.code,
    className: roster.schoolClass.name,
    subjectCode: subject.code,
    term,
    ...(period && { period }),
  };
  const columns = period
    ? primaryColumns(subject, grade, period)
    : [...entryColumns(subject, grade), secondaryCommentColumn];
  return {
    ok: true,
    book: { roster, subject, term, muc, ref, columns, computed: computedColumns(subject, term) },
  };
}

/** Computed cells of one student, as the portal shows them ('' until computable). */
export function computedValues(state: VnEduState, book: Book, studentCode: string): Record<string, string> {
  if (book.computed.length === 0) return {};
  const values = state.scores.values(book.ref, studentCode);
  if (book.subject.comment) {
    const result = commentResult(values, book.columns) ?? '';
    if (book.term === 1) return { kqhk: result };
    const first = commentResult(state.scores.values({ ...book.ref, term: 1 }, studentCode), book.columns);
    const year = first === undefined || result === '' ? '' : first === 'Đ' && result === 'Đ' ? 'Đ' : 'CĐ';
    return { kqhk: result, kqcn: year };
  }
  const average = semesterAverageTenths(values, book.columns);
  if (book.term === 1) return { dtbhk: average === undefined ? '' : formatTenths(average) };
  const first = semesterAverageTenths(
    state.scores.values({ ...book.ref, term: 1 }, studentCode),
    book.columns,
  );
  const year =
    first === undefined || average === undefined ? '' : formatTenths(yearAverageTenths(first, average));
  return { dtbhk: average === undefined ? '' : formatTenths(average), dtbcn: year };
}

/** Input name (and id) of a cell: txt_<hoc_sinh_id>_<column>_<muc>. */
export const cellName = (student: Student, column: EntryColumn, muc: string): string =>
  `txt_${student.hocSinhId}_${column.key}_${muc}`;

const NAME = /^txt_(\d+)_([a-z0-9]+)_([a-z0-9]+)$/;

export function parseCellName(name: string): { hocSinhId: number; key: string; muc: string } | undefined {
  const match = NAME.exec(name);
  return match ? { hocSinhId: Number(match[1]), key: match[2]!, muc: match[3]! } : undefined;
}

/** Title of a cell: who saved it last and when; a comment adds its length. '' when never saved. */
export function cellTitle(stored: StoredCell | undefined, column: EntryColumn): string {
  if (!stored) return '';
  const title = `${stored.by} - ${formatVnClock(stored.at)}`;
  return column.type === 'comment' ? `${title} - ${[...stored.value].length} ký tự` : title;
}

export type CellLock = 'book' | 'column' | 'retake' | undefined;

/** Why a cell cannot be entered now, if it cannot. */
export function cellLock(state: VnEduState, book: Book, column: EntryColumn): CellLock {
  if (state.locks.book(book.term, state.clock.now()).locked) return 'book';
  if (state.locks.lockedColumns(book.ref).has(column.key)) return 'column';
  if (column.retake && !state.retakeOpen) return 'retake';
  return undefined;
}

/** Stored values of the whole book by input name (what a background re-fill writes back). */
export function storedCells(state: VnEduState, book: Book): Record<string, { value: string; title: string }> {
  const cells: Record<string, { value: string; title: string }> = {};
  for (const student of book.roster.students) {
    for (const column of book.columns) {
      const stored = state.scores.cell(book.ref, student.code, column.key);
      if (stored)
        cells[cellName(student, column, book.muc)] = {
          value: stored.value,
          title: cellTitle(stored, column),
        };
    }
  }
  return cells;
}
