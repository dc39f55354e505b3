import type { BookValues } from './scoring';
import type { Period, Term } from './subjects';

// Stored (saved) values only: what the portal's database holds, with who saved each cell last and
// when (the page shows it in the input's title). Typed but unsaved values live in the browser page
// and nowhere here.

export interface BookRef {
  schoolCode: string;
  className: string;
  subjectCode: string;
  term: Term;
  /** Primary (TT27) books: the period of the term (gk1, ck1…); absent for secondary books. */
  period?: Period;
}

export interface StoredCell {
  /** '' once a saved value was cleared. */
  value: string;
  /** Username of the last save. */
  by: string;
  /** Instant (epoch ms, simulated clock) of the last save. */
  at: number;
}

const keyOf = (ref: BookRef): string =>
  `${ref.schoolCode}|${ref.className}|${ref.subjectCode}|${ref.term}|${ref.period ?? ''}`;

export class ScoreStore {
  readonly #books = new Map<string, Map<string, Record<string, StoredCell>>>();

  /** Non-empty values of one student, by column key. */
  values(ref: BookRef, studentCode: string): BookValues {
    const row = this.#books.get(keyOf(ref))?.get(studentCode) ?? {};
    return Object.fromEntries(
      Object.entries(row)
        .filter(([, cell]) => cell.value !== '')
        .map(([key, cell]) => [key, cell.value]),
    );
  }

  /** The last save of one cell (also of a cleared one), or undefined when never saved. */
  cell(ref: BookRef, studentCode: string, column: string): StoredCell | undefined {
    return this.#books.get(keyOf(ref))?.get(studentCode)?.[column];
  }

  /** An empty value clears the cell (the save itself is remembered). */
  set(ref: BookRef, studentCode: string, column: string, value: string, by: string, at: number): void {
    const key = keyOf(ref);
    let book = this.#books.get(key);
    if (!book) this.#books.set(key, (book = new Map()));
    let row = book.get(studentCode);
    if (!row) book.set(studentCode, (row = {}));
    row[column] = { value, by, at };
  }
}
