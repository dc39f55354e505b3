import type { Message } from '@edulens/shared';
import { type MatchSource, type MatchTarget, matchRows, type RowMatch } from '@edulens/shared/matching';
import { cellText } from '@edulens/shared/sheets';
import { identityRecordFields } from '@edulens/shared/profiles';
import { isRecordField, type RecordField } from './fields';
import type { ColumnMapping } from './mapping';
import type { RecordSheet } from './record-sheet';
import { fieldValue, sameFieldValue, valueProblem } from './values';

// From the file's rows and the portal's list of students to what the fill will do: which record
// gets which fields (old → new, where the old value is known), and which rows are left out
// and why. Matching is the one policy of shared/matching (code, then name + birth date); a row it
// is not sure of is never filled.

/** A student of the portal's list (every page of it). */
export interface ListStudent {
  /** The list's key of the row (its record id): what the form must show before anything is written. */
  key: string;
  code: string;
  name: string;
  birthDate: string;
  /** The record's values known before its form opens (the list's columns, its form document read). */
  shown: Partial<Record<RecordField, string>>;
  /** The list's page the row is on (1 = first), when the pager shows its page number. */
  page?: number;
}

export interface FieldChange {
  field: RecordField;
  /** The record's value; undefined when it is not known before the form opens. */
  before?: string;
  after: string;
}

export interface PlannedRecord {
  /** Zero-based sheet row. */
  row: number;
  student: ListStudent;
  changes: FieldChange[];
}

export interface SkippedRow {
  row: number;
  /** The file's name (or code) of the row, for the list. */
  label: string;
  reason: Message;
}

/** A value of the file left out of a record it otherwise fills. */
export interface RefusedValue {
  row: number;
  student: ListStudent;
  field: RecordField;
  value: string;
  reason: Message;
}

export interface RecordPlan {
  records: PlannedRecord[];
  skipped: SkippedRow[];
  refused: RefusedValue[];
  /** Rows matched whose values all equal the record's (nothing to write). */
  unchanged: number;
}

function matchReason(
  match: Exclude<RowMatch, { status: 'matched' }>,
  targets: readonly ListStudent[],
): Message {
  const names = (indices: readonly number[]) =>
    indices
      .slice(0, 3)
      .map((i) => targets[i]?.name ?? '')
      .join(', ');
  switch (match.status) {
    case 'ambiguous':
      return {
        vi: `khớp với nhiều học sinh (${names(match.candidates)}): không điền`,
        en: `fits several students (${names(match.candidates)}): not filled`,
      };
    case 'duplicate':
      return {
        vi: 'dòng khác trong tệp cũng là học sinh này: không điền',
        en: 'another row of the file is this student too: not filled',
      };
    case 'not-in-class':
      return {
        vi: 'mã học sinh không có trong danh sách lớp',
        en: "the student code is not in the class's list",
      };
    case 'unknown':
      return {
        vi: 'không có học sinh nào trong danh sách có họ tên (và ngày sinh) này',
        en: 'no student of the list has this name (and birth date)',
      };
  }
}

const doubtful: Message = {
  vi: 'chưa chắc là học sinh này (tên hoặc ngày sinh khác với danh sách): không điền',
  en: 'not sure it is this student (name or birth date differ from the list): not filled',
};

/** The plan of a fill. `mapping` says which sheet column fills which field. */
export function buildRecordPlan(
  source: RecordSheet,
  mapping: ColumnMapping,
  students: readonly ListStudent[],
): RecordPlan {
  const colOf = (role: string) => [...mapping].find(([, taken]) => taken === role)?.[0];
  const codeCol = colOf('studentCode');
  const nameCol = colOf('fullName');
  const birthCol = colOf('birthDate');
  const text = (cells: readonly unknown[], col: number | undefined, field?: RecordField) => {
    if (col === undefined) return '';
    const value = (cells[col] ?? null) as Parameters<typeof cellText>[0];
    return field ? fieldValue(field, value) : cellText(value);
  };

  const rows = source.rows;
  const sources: MatchSource[] = rows.map(({ cells }) => ({
    code: text(cells, codeCol),
    name: text(cells, nameCol, 'fullName'),
    birthDate: text(cells, birthCol, 'birthDate'),
  }));
  const targets: MatchTarget[] = students.map(({ code, name, birthDate }) => ({ code, name, birthDate }));
  const { rows: matches } = matchRows(sources, targets);

  const plan: RecordPlan = { records: [], skipped: [], refused: [], unchanged: 0 };
  matches.forEach((match, i) => {
    const { row, cells } = rows[i]!;
    const label = sources[i]!.name || sources[i]!.code || '';
    // A row with no name and no code is not a student (a total, a signature): not listed.
    if (label === '') return;
    if (match.status !== 'matched') {
      plan.skipped.push({ row, label, reason: matchReason(match, students) });
      return;
    }
    if (match.doubts.length > 0) {
      plan.skipped.push({ row, label, reason: doubtful });
      return;
    }
    const student = students[match.target]!;
    const facts = {
      birthDate: sources[i]!.birthDate || student.birthDate,
      gender: text(cells, colOf('gender'), 'gender') || student.shown.gender || '',
    };
    const changes: FieldChange[] = [];
    for (const [col, role] of mapping) {
      if (!isRecordField(role)) continue;
      // Who the student is changes only when the code said who the row is.
      if (identityRecordFields.has(role) && match.method !== 'code') continue;
      const after = text(cells, col, role);
      // A blank cell never blanks the portal's value.
      if (after === '') continue;
      const problem = valueProblem(role, after, facts);
      if (problem) {
        plan.refused.push({ row, student, field: role, value: after, reason: problem });
        continue;
      }
      const before =
        role === 'fullName' ? student.name : role === 'birthDate' ? student.birthDate : student.shown[role];
      if (before !== undefined && sameFieldValue(role, before, after)) continue;
      changes.push({ field: role, ...(before !== undefined && { before }), after });
    }
    if (changes.length === 0) plan.unchanged++;
    else plan.records.push({ row, student, changes });
  });
  return plan;
}
