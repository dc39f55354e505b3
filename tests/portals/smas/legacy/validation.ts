import { fields } from '@edulens/shared/rules';
import {
  CODED_VALUES,
  FIELD_LABELS,
  RECORD_FIELDS,
  type RecordField,
  REQUIRED_FIELDS,
  type StudentRecord,
} from '../common/record-fields';
import { FORM_FIELDS } from './form-fields';

// The portal's own checks on "Lưu", in its words. Like the real portal it checks shapes only: a
// CCCD that disagrees with the gender, an NFD name or a TCVN3 leftover pass.

export const DUPLICATE_CCCD = 'Số CCCD đã được dùng cho học sinh khác';

export type FieldErrors = Partial<Record<RecordField, string>>;

function fieldError(field: RecordField, value: string): string | undefined {
  const label = FIELD_LABELS[field];
  if (value.trim() === '')
    return REQUIRED_FIELDS.includes(field) ? `${label} không được để trống.` : undefined;
  if (value.length > FORM_FIELDS[field].maxLength) {
    return `${label} không được quá ${FORM_FIELDS[field].maxLength} ký tự.`;
  }
  const items = CODED_VALUES[field];
  if (items && !items.includes(value)) return `${label} "${value}" không có trong danh mục.`;
  switch (field) {
    case 'birthDate':
      return /^\d{2}\/\d{2}\/\d{4}$/.test(value.trim()) && fields.parseVnDate(value).ok
        ? undefined
        : 'Ngày sinh không đúng định dạng ngày/tháng/năm (dd/mm/yyyy).';
    case 'citizenId':
      return /^\d{12}$/.test(value) ? undefined : 'Số CCCD phải gồm đúng 12 chữ số.';
    case 'phone':
    case 'parentPhone':
      return /^0\d{9}$/.test(value) ? undefined : `${label} phải gồm 10 chữ số.`;
    default:
      return undefined;
  }
}

/** Errors per field of a posted record; `others` are the stored records of every other student. */
export function validateRecord(record: StudentRecord, others: Iterable<StudentRecord>): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of RECORD_FIELDS) {
    const error = fieldError(field, record[field]);
    if (error) errors[field] = error;
  }
  if (!errors.citizenId) {
    for (const other of others) {
      if (other.citizenId !== '' && other.citizenId === record.citizenId) {
        errors.citizenId = DUPLICATE_CCCD;
        break;
      }
    }
  }
  return errors;
}
