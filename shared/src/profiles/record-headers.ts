import { classifyHeader, headerKey } from '../sheets/column-kinds';
import type { RecordField } from './record-fields';

// The header texts that name a student record's fields in the files schools have — the ministry
// database's student export, a portal's export, a sheet of the school's own — whatever the portal
// the records go to (the portal's own labels are its profile's). Compared as keys (no accents, NFC
// and NFD alike, line breaks and the "*" of required columns dropped): "Số\nCCCD *" is "so cccd".

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

/** The record field a file's header text names, or null: the grade sheets' identity columns first. */
export function recordFieldOfHeader(text: string): RecordField | null {
  const kind = classifyHeader(text)?.kind;
  if (kind === 'code') return 'studentCode';
  if (kind === 'name') return 'fullName';
  if (kind === 'birthDate') return 'birthDate';
  const key = headerKey(text);
  if (key === '') return null;
  for (const [pattern, field] of patterns) if (pattern.test(key)) return field;
  return null;
}
