import type { SmasClass, SmasStudent } from '../common/roster';
import type { BookRef, HistoryEntry } from './mark-store';
import { markProblem, semesterAverage } from './mark-rules';
import { AVERAGE_KEY, bookPoints, markTemplate, type TemplatePoint } from './mark-template';
import type { SmasCurrentState } from './state';
import { findSubject, type Semester, type SubjectPlan } from './subjects';

// One score book (class, subject, semester): its points, its rows as GET /api/marks answers
// them, and the checks of a save.

export interface Book {
  ref: BookRef & { semester: Semester };
  schoolClass: SmasClass;
  subject: SubjectPlan;
  points: TemplatePoint[];
}

export interface MarkRow {
  studentId: number;
  studentCode: string;
  studentName: string;
  birthDate: string;
  marks: Record<string, string>;
  history: Record<string, HistoryEntry[]>;
}

export type FindBook = { ok: true; book: Book } | { ok: false; status: 400 | 404; message: string };

export function findBook(
  state: SmasCurrentState,
  query: { classId?: unknown; subjectId?: unknown; semester?: unknown },
): FindBook {
  const classId = Number(query.classId);
  const subjectId = Number(query.subjectId);
  const semester = Number(query.semester);
  if (!Number.isInteger(classId) || !Number.isInteger(subjectId) || (semester !== 1 && semester !== 2))
    return { ok: false, status: 400, message: 'Thiếu hoặc sai lớp, môn học hay học kỳ.' };
  const schoolClass = state.classes().find((c) => c.id === classId);
  if (!schoolClass) return { ok: false, status: 404, message: 'Không tìm thấy lớp.' };
  const subject = findSubject(subjectId);
  if (!subject) return { ok: false, status: 404, message: 'Lớp không học môn này.' };
  const points = bookPoints(markTemplate(schoolClass.grade), subject.txCount);
  return {
    ok: true,
    book: { ref: { classId, subjectId, semester: semester as Semester }, schoolClass, subject, points },
  };
}

const identity = (student: SmasStudent) => ({
  studentId: student.studentId,
  studentCode: student.studentCode,
  studentName: student.fullName,
  birthDate: student.birthDate,
});

/** The students with any stored mark, with their marks as strings, ĐTBmhk computed, and the history of every cell. */
export function markRows(state: SmasCurrentState, book: Book): MarkRow[] {
  const stored = state.marks.book(book.ref);
  return book.schoolClass.students.flatMap((student) => {
    const entry = stored.get(student.studentId);
    if (!entry || Object.keys(entry.history).length === 0) return [];
    const marks = { ...entry.marks };
    const average = semesterAverage(book.points, marks);
    if (average !== '') marks[AVERAGE_KEY] = average;
    return [{ ...identity(student), marks, history: structuredClone(entry.history) }];
  });
}

export const studentRows = (schoolClass: SmasClass) => schoolClass.students.map(identity);

/** Every reason a save is refused, "<student> - <point>: <why>", in the order sent. */
export function saveProblems(
  book: Book,
  students: ReadonlyArray<{ studentId: number; marks: Readonly<Record<string, string>> }>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const { studentId, marks } of students) {
    const student = book.schoolClass.students.find((s) => s.studentId === studentId);
    if (!student) {
      problems.push(`Học sinh mã ${studentId} không thuộc lớp ${book.schoolClass.name}`);
      continue;
    }
    if (seen.has(studentId)) problems.push(`${student.fullName}: gửi hai lần trong một lần lưu`);
    seen.add(studentId);
    for (const [pointKey, value] of Object.entries(marks)) {
      const point = book.points.find((p) => p.pointKey === pointKey);
      const why = point
        ? markProblem(point, value.trim())
        : `cột ${pointKey} không có trong sổ điểm môn ${book.subject.subjectName}`;
      if (why) problems.push(`${student.fullName} - ${point?.pointName ?? pointKey}: ${why}`);
    }
  }
  return problems;
}
