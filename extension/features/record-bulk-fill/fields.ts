import type { Message } from '@edulens/shared';
import { RECORD_FIELD_NAMES, type RecordField as PortalField } from '@edulens/shared/profiles';
import { classifyHeader, headerKey } from '@edulens/shared/sheets';

// The student-record fields a spreadsheet can fill, and the header texts that name them in the
// files schools have: the ministry database's student export, a school portal's export, or a
// sheet of the school's own. Header texts are compared as keys (no accents, NFC and NFD alike,
// line breaks and "*" of required columns dropped), so "Số\nCCCD *" reads as "so cccd".

/** The fields a file may fill: every record field but the code and the status (a transfer is not a fill). */
export const fillFields = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'citizenId',
  'phone',
  'parentPhone',
  'fatherName',
  'motherName',
  'address',
] as const satisfies readonly PortalField[];

export type RecordField = (typeof fillFields)[number];

/** What a column of the file is: a record field, the student code (matching only), or nothing. */
export type ColumnRole = RecordField | 'studentCode';

export const fieldLabels: Readonly<Record<ColumnRole, Message>> = RECORD_FIELD_NAMES;

/** Fields that say who the student is: written only when the student code decided the match. */
export const identityFields: ReadonlySet<RecordField> = new Set(['fullName', 'birthDate']);

/** Fields whose portal input is a list of coded items, compared without case. */
export const codedFields: ReadonlySet<RecordField> = new Set(['gender', 'ethnicity']);

// Whole header keys. Order matters: the parent's phone before the student's.
const patterns: ReadonlyArray<readonly [RegExp, RecordField]> = [
  [/^(?:gioi tinh|gt|phai)$/, 'gender'],
  [/^dan toc$/, 'ethnicity'],
  [
    /^(?:(?:so )?(?:cccd|cmnd cccd|cccd cmnd|can cuoc|can cuoc cong dan|dinh danh ca nhan|cccd dinh danh ca nhan)|(?:so|ma) dinh danh ca nhan|so cccd dinh danh ca nhan)$/,
    'citizenId',
  ],
  [
    /^(?:(?:so )?(?:dien thoai|dt|sdt)(?: lien he)? (?:cua )?(?:cha me|cha hoac me|phu huynh|bo me|gia dinh|cha me hoc sinh))$/,
    'parentPhone',
  ],
  [/^(?:(?:so )?(?:dien thoai|dt|sdt)(?: di dong| dd| hoc sinh| lien he)?)$/, 'phone'],
  [/^(?:ho (?:va )?ten cha|ten cha|ho ten bo|cha)$/, 'fatherName'],
  [/^(?:ho (?:va )?ten me|ten me|me)$/, 'motherName'],
  [
    /^(?:dia chi|dia chi thuong tru|dia chi lien he|noi o hien nay|cho o hien nay|dia chi hien nay)$/,
    'address',
  ],
];

/** The role a header text names, or null: the grade sheets' own identity columns first. */
export function classifyRecordHeader(text: string): ColumnRole | null {
  const kind = classifyHeader(text)?.kind;
  if (kind === 'code') return 'studentCode';
  if (kind === 'name') return 'fullName';
  if (kind === 'birthDate') return 'birthDate';
  const key = headerKey(text);
  if (key === '') return null;
  for (const [pattern, field] of patterns) if (pattern.test(key)) return field;
  return null;
}

export function isRecordField(value: unknown): value is RecordField {
  return typeof value === 'string' && (fillFields as readonly string[]).includes(value);
}
