import type { Account } from './accounts';
import { lockNotice } from './locks';
import type { ClassRoster } from './roster';
import type { BookRef } from './score-store';
import {
  type BookValues,
  commentResult,
  computedColumns,
  type EntryColumn,
  entryColumns,
  formatTenths,
  semesterAverageTenths,
  yearAverageTenths,
} from './scoring';
import { refillGeneration, type VnEduState } from './state';
import { findSubject, type Subject, type Term, termName } from './subjects';

// One grade book: a class, a subject and a semester, as the grade page shows and saves it.

export interface Book {
  roster: ClassRoster;
  subject: Subject;
  term: Term;
  ref: BookRef;
  columns: readonly EntryColumn[];
}

export type BookLookup = { ok: true; book: Book } | { ok: false; status: 403 | 404; message: string };

export function findBook(
  state: VnEduState,
  account: Account,
  className: string | undefined,
  subjectCode: string | undefined,
  term: Term,
): BookLookup {
  const roster = state.roster.find(account.school.code, className ?? '');
  if (!roster) return { ok: false, status: 404, message: `Không tìm thấy lớp "${className ?? ''}".` };
  const subject = findSubject(subjectCode ?? '');
  if (!subject) return { ok: false, status: 404, message: `Không tìm thấy môn học "${subjectCode ?? ''}".` };
  if (!account.subjects.includes(subject.code)) {
    return {
      ok: false,
      status: 403,
      message: `Tài khoản ${account.username} không được phân công nhập điểm môn ${subject.name} lớp ${roster.schoolClass.name}.`,
    };
  }
  const ref = {
    schoolCode: account.school.code,
    className: roster.schoolClass.name,
    subjectCode: subject.code,
    term,
  };
  return {
    ok: true,
    book: { roster, subject, term, ref, columns: entryColumns(subject, roster.schoolClass.grade) },
  };
}

/** Computed cells of one student, as the portal shows them ('' until computable). */
function computedValues(state: VnEduState, book: Book, studentCode: string, values: BookValues) {
  if (book.subject.comment) {
    const result = commentResult(values, book.columns) ?? '';
    return book.term === 1 ? { kqhk: result } : { kqhk: result, kqcn: result };
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

/** Everything the grade page needs to draw the grid, as JSON. */
export function bookView(state: VnEduState, book: Book) {
  const lock = state.locks.book(book.term, state.clock.now());
  const { schoolClass } = book.roster;
  return {
    lop: schoolClass.name,
    khoi: schoolClass.grade,
    mon: book.subject.code,
    tenMon: book.subject.name,
    hk: book.term,
    nhanXet: book.subject.comment,
    title: `Sổ điểm môn ${book.subject.name} — Lớp ${schoolClass.name} — ${termName(book.term)}`,
    columns: book.columns.map(({ key, label }) => ({
      key,
      label,
      header: key.startsWith('tx') ? key.slice(2) : key === 'gk' ? 'ĐĐGgk' : 'ĐĐGck',
    })),
    computed: computedColumns(book.subject, book.term),
    locked: lock.locked,
    lockNotice: lockNotice(book.term, lock),
    lockedColumns: [...state.locks.lockedColumns(book.ref)],
    generation: refillGeneration(state),
    rows: book.roster.students.map((student, index) => {
      const values = state.scores.values(book.ref, student.code);
      return {
        stt: index + 1,
        maHs: student.code,
        hoTen: student.fullName,
        values,
        computed: computedValues(state, book, student.code, values),
      };
    }),
  };
}

/** Stored values of the whole book, by student code (what a background re-fill writes back). */
export function storedCells(state: VnEduState, book: Book): Record<string, BookValues> {
  return Object.fromEntries(
    book.roster.students
      .map((student) => [student.code, state.scores.values(book.ref, student.code)] as const)
      .filter(([, values]) => Object.keys(values).length > 0),
  );
}
