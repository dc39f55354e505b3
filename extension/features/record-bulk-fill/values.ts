import type { Message } from '@edulens/shared';
import { inputLimits, limitReason } from '@edulens/shared/limits';
import { type RecordField as AnyRecordField, codedRecordFields } from '@edulens/shared/profiles';
import { fields } from '@edulens/shared/rules';
import { type CellValue, cellText } from '@edulens/shared/sheets';
import { nfc } from '@edulens/shared/text';
import { checkRecord } from '../../lib/records/check-record';
import type { RecordField } from './fields';

// A file's cell as the value a record field takes, and whether the portal should get it. Excel
// drops the leading zero of a phone or citizen ID typed into a number cell, and stores dates as
// serial numbers or dates: they come back as the text a teacher would type.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const { convertOldMobile, formatVnDate, normalizeMobile, parseVnDate } = fields;

/** The cell's text for `field`, '' when blank. */
export function fieldValue(field: RecordField, value: CellValue): string {
  if (field === 'birthDate') {
    if (typeof value === 'number' || value instanceof Date) {
      const parsed = parseVnDate(value);
      return parsed.ok ? formatVnDate(parsed.date) : cellText(value);
    }
    // A date written yyyy-mm-dd (a CSV saved by some programs).
    const iso = ISO_DAY.exec(cellText(value));
    if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
    return cellText(value);
  }
  if (typeof value === 'number' && Number.isInteger(value)) {
    const digits = String(value);
    if ((field === 'phone' || field === 'parentPhone') && digits.length === 9) return `0${digits}`;
    if (field === 'citizenId' && digits.length === 11) return `0${digits}`;
    return digits;
  }
  const text = nfc(cellText(value)).replace(/\s+/g, ' ');
  // An old 11-digit mobile goes in as the number it became in 2018 (the preview shows it).
  if (field === 'phone' || field === 'parentPhone') return convertOldMobile(text) ?? normalizeMobile(text);
  if (field === 'citizenId') return text.replace(/[\s.]/g, '');
  return text;
}

/**
 * Whether the portal's value and the file's are the same. Runs of spaces do not count; letters do,
 * composed or not, so a name stored decomposed (NFD) is written again composed. A coded item is
 * the same without case, as the portal's list resolves it.
 */
export function sameFieldValue(field: RecordField, portal: string, file: string): boolean {
  const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
  const [a, b] = [tidy(portal), tidy(file)];
  if (codedRecordFields.has(field)) return nfc(a).toLowerCase() === nfc(b).toLowerCase();
  if (field === 'birthDate') {
    const [x, y] = [parseVnDate(a), parseVnDate(b)];
    if (x.ok && y.ok) return formatVnDate(x.date) === formatVnDate(y.date);
  }
  return a === b;
}

export interface FieldFacts {
  birthDate?: string;
  gender?: string;
}

/**
 * Why the file's value cannot go into the record, or undefined: the record form's own checks
 * (check-record, from the student rules), with the record's birth date and gender beside it.
 */
export function valueProblem(
  field: RecordField,
  value: string,
  facts: FieldFacts,
  now: Date = new Date(),
): Message | undefined {
  if ([...value].length > inputLimits.recordValueCharacters) return limitReason('recordValueCharacters');
  const values: Partial<Record<AnyRecordField, string>> = { ...facts, [field]: value };
  const record = { value: (name: AnyRecordField) => values[name] ?? '', items: () => undefined };
  return checkRecord(record, now).find(
    (finding) => finding.field === field && finding.problem.severity === 'error',
  )?.problem.message;
}
