// The subjects of a lower-secondary class in the current generation's score book, and how many
// regular assessments (TX columns) each has: configuration the class's subject list hands the
// app, never a number the app knows. Toán has 3, Ngữ văn 4, Tin học 2.

export interface SubjectPlan {
  subjectId: number;
  subjectName: string;
  txCount: number;
}

export const SUBJECTS: readonly SubjectPlan[] = [
  { subjectId: 11, subjectName: 'Toán', txCount: 3 },
  { subjectId: 12, subjectName: 'Ngữ văn', txCount: 4 },
  { subjectId: 13, subjectName: 'Tin học', txCount: 2 },
];

export const findSubject = (subjectId: number): SubjectPlan | undefined =>
  SUBJECTS.find((subject) => subject.subjectId === subjectId);

export type Semester = 1 | 2;

export const SEMESTER_NAMES: Readonly<Record<Semester, string>> = { 1: 'Học kỳ I', 2: 'Học kỳ II' };
