import type { BookValues } from './scoring';
import type { Term } from './subjects';

// Stored (saved) values only: what the portal's database holds. Typed but unsaved values live in
// the browser page and nowhere here.

export interface BookRef {
  schoolCode: string;
  className: string;
  subjectCode: string;
  term: Term;
}

const keyOf = (ref: BookRef): string => `${ref.schoolCode}|${ref.className}|${ref.subjectCode}|${ref.term}`;

export class ScoreStore {
  readonly #books = new Map<string, Map<string, Record<string, string>>>();

  values(ref: BookRef, studentCode: string): BookValues {
    return this.#books.get(keyOf(ref))?.get(studentCode) ?? {};
  }

  /** An empty value clears the cell. */
  set(ref: BookRef, studentCode: string, column: string, value: string): void {
    const key = keyOf(ref);
    let book = this.#books.get(key);
    if (!book) this.#books.set(key, (book = new Map()));
    let row = book.get(studentCode);
    if (!row) book.set(studentCode, (row = {}));
    if (value === '') delete row[column];
    else row[column] = value;
  }
}
