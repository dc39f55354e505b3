import {
  type RecordField as AnyRecordField,
  recordFieldOfHeader,
  recordFields,
} from '@edulens/shared/profiles';

// The record fields a spreadsheet fills: shared's record fields (their names, the file headers that
// name them and the catalogue fields are shared's too), but for the code and the status.

/** A field a file may fill: not the code (it decides the match) nor the status (a transfer is not a fill). */
export type RecordField = Exclude<AnyRecordField, 'studentCode' | 'status'>;

export const fillFields: readonly RecordField[] = recordFields.filter(
  (field): field is RecordField => field !== 'studentCode' && field !== 'status',
);

/** What a column of the file is: a record field, the student code (matching only), or nothing. */
export type ColumnRole = RecordField | 'studentCode';

export function isRecordField(value: unknown): value is RecordField {
  return typeof value === 'string' && (fillFields as readonly string[]).includes(value);
}

/** The role a file's header text names, or null. */
export function classifyRecordHeader(text: string): ColumnRole | null {
  const field = recordFieldOfHeader(text);
  return field === 'studentCode' || isRecordField(field) ? field : null;
}
