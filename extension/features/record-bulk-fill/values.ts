import type { Message } from '@edulens/shared';
import { fields } from '@edulens/shared/rules';
import { type CellValue, cellText } from '@edulens/shared/sheets';
import { nfc } from '@edulens/shared/text';
import { codedFields, type RecordField } from './fields';

// A file's cell as the value a record field takes, and whether the portal should get it. Excel
// drops the leading zero of a phone or citizen ID typed into a number cell, and stores dates as
// serial numbers or dates: they come back as the text a teacher would type.

/** Characters of one value the fill writes: the longest ministry field (address) with room. */
export const MAX_VALUE_CHARS = 250;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const {
  checkCccd,
  checkLength,
  checkMobile,
  checkPersonName,
  convertOldMobile,
  formatVnDate,
  normalizeMobile,
  parseVnDate,
} = fields;

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
  if (codedFields.has(field)) return nfc(a).toLowerCase() === nfc(b).toLowerCase();
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

/** Why the file's value cannot go into the record (the rules of the student record), or undefined. */
export function valueProblem(field: RecordField, value: string, facts: FieldFacts): Message | undefined {
  if ([...value].length > MAX_VALUE_CHARS)
    return {
      vi: `dài quá ${MAX_VALUE_CHARS} ký tự`,
      en: `longer than ${MAX_VALUE_CHARS} characters`,
    };
  const first = (problems: { severity: string; message: Message }[]) =>
    problems.find((found) => found.severity === 'error')?.message;
  switch (field) {
    case 'fullName':
      return first([...checkPersonName(value), ...checkLength('fullName', value)]);
    case 'fatherName':
    case 'motherName':
      return first(checkPersonName(value));
    case 'birthDate': {
      const parsed = parseVnDate(value);
      return parsed.ok ? undefined : parsed.problem.message;
    }
    case 'citizenId': {
      const born = facts.birthDate ? parseVnDate(facts.birthDate) : undefined;
      const gender = genderOf(facts.gender ?? '');
      return first([
        ...checkCccd(value, {
          ...(born?.ok && { birthYear: born.date.year }),
          ...(gender && { gender }),
        }),
        ...checkLength('citizenId', value),
      ]);
    }
    case 'phone':
    case 'parentPhone':
      return first([...checkMobile(value), ...checkLength('phone', value)]);
    default:
      return undefined;
  }
}

function genderOf(text: string): 'male' | 'female' | undefined {
  const key = nfc(text).trim().toLowerCase();
  if (key === 'nam') return 'male';
  if (key === 'nữ' || key === 'nu') return 'female';
  return undefined;
}
