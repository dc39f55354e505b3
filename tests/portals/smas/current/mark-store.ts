// The stored marks of the current generation: per book (class, subject, semester) and student,
// the cell values as strings and every change of each cell (who, from, to, when, the how-many-th).

export interface HistoryEntry {
  by: string;
  from: string;
  to: string;
  /** ISO instant. */
  at: string;
  /** 1 for a cell's first change, then 2, 3…: the last entry's count is how many times it changed. */
  count: number;
}

export interface StudentMarks {
  marks: Record<string, string>;
  history: Record<string, HistoryEntry[]>;
}

export interface BookRef {
  classId: number;
  subjectId: number;
  semester: number;
}

const bookKey = ({ classId, subjectId, semester }: BookRef) => `${classId}|${subjectId}|${semester}`;

export class MarkStore {
  private readonly books = new Map<string, Map<number, StudentMarks>>();

  /** Students of a book with at least one stored change, by student id (empty when never entered). */
  book(ref: BookRef): ReadonlyMap<number, StudentMarks> {
    return this.books.get(bookKey(ref)) ?? new Map();
  }

  /** Sets one cell ('' clears it) and appends its history entry; no entry when the value is unchanged. */
  set(ref: BookRef, studentId: number, pointKey: string, value: string, by: string, at: number): boolean {
    const key = bookKey(ref);
    let book = this.books.get(key);
    if (!book) this.books.set(key, (book = new Map()));
    let student = book.get(studentId);
    if (!student) book.set(studentId, (student = { marks: {}, history: {} }));
    const from = student.marks[pointKey] ?? '';
    if (from === value) return false;
    if (value === '') delete student.marks[pointKey];
    else student.marks[pointKey] = value;
    const history = (student.history[pointKey] ??= []);
    history.push({ by, from, to: value, at: new Date(at).toISOString(), count: history.length + 1 });
    return true;
  }
}
