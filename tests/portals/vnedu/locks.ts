import type { BookRef } from './score-store';
import { formatVnDateTime } from './sim-clock';
import { type Term, termRoman } from './subjects';

// Two kinds of lock, as schools use them: the whole book of a semester locks at an instant of the
// calendar (or when forced by the school admin), and single columns can be locked once entered.
// A locked cell is rendered without an input and saves touching it are refused.

export interface BookLock {
  locked: boolean;
  /** Calendar instant (epoch ms) the book locks at. */
  at: number;
  /** Set when an admin (a test) locked or unlocked the book regardless of the calendar. */
  forced?: boolean;
}

const columnKey = (ref: BookRef) => `${ref.schoolCode}|${ref.className}|${ref.subjectCode}|${ref.term}`;

export class Locks {
  readonly #calendar: Record<Term, number>;
  readonly #forced = new Map<Term, boolean>();
  readonly #columns = new Map<string, Set<string>>();

  constructor(calendar: Record<Term, number>) {
    this.#calendar = { ...calendar };
  }

  book(term: Term, now: number): BookLock {
    const at = this.#calendar[term];
    const forced = this.#forced.get(term);
    return forced === undefined ? { locked: now >= at, at } : { locked: forced, at, forced };
  }

  setCalendar(term: Term, at: number): void {
    this.#calendar[term] = at;
  }

  /** undefined hands the book back to the calendar. */
  force(term: Term, locked: boolean | undefined): void {
    if (locked === undefined) this.#forced.delete(term);
    else this.#forced.set(term, locked);
  }

  lockColumns(ref: BookRef, columns: readonly string[]): void {
    const set = this.#columns.get(columnKey(ref)) ?? new Set<string>();
    for (const column of columns) set.add(column);
    this.#columns.set(columnKey(ref), set);
  }

  unlockColumns(ref: BookRef): void {
    this.#columns.delete(columnKey(ref));
  }

  lockedColumns(ref: BookRef): ReadonlySet<string> {
    return this.#columns.get(columnKey(ref)) ?? new Set();
  }
}

export function lockMessage(term: Term, lock: BookLock): string {
  const book = `Sổ điểm học kỳ ${termRoman(term)}`;
  return lock.forced
    ? `${book} đã bị khóa bởi quản trị nhà trường. Muốn sửa điểm cần Hiệu trưởng phê duyệt.`
    : `${book} đã khóa từ ${formatVnDateTime(lock.at)}. Muốn sửa điểm cần Hiệu trưởng phê duyệt.`;
}

export function lockNotice(term: Term, lock: BookLock): string {
  return lock.locked
    ? lockMessage(term, lock)
    : `Sổ điểm học kỳ ${termRoman(term)} sẽ khóa lúc ${formatVnDateTime(lock.at)}.`;
}
