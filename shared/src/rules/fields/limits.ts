import { inputLimits, truncateText } from '../../limits/index';
import { type Problem, problem } from '../../problem';

interface FieldLimit {
  /** Vietnamese field name shown in messages. */
  label: string;
  labelEn: string;
  max: number;
  /** 'chars' for text columns; 'digits' for decimal(p) columns, where p counts digits only. */
  unit: 'chars' | 'digits';
}

/**
 * Selected column limits of the ministry database (CSDL ngành) from Quyết định
 * 4998/QĐ-BGDĐT (2021, replacing QĐ 1904/2019). A longer value is cut or refused on upload.
 */
export const MINISTRY_FIELD_LIMITS = {
  schoolId: { label: 'Mã trường', labelEn: 'School ID', max: 15, unit: 'chars' },
  classCode: { label: 'Mã lớp', labelEn: 'Class code', max: 10, unit: 'chars' },
  className: { label: 'Tên lớp', labelEn: 'Class name', max: 20, unit: 'chars' },
  studentId: { label: 'Mã học sinh', labelEn: 'Student ID', max: 15, unit: 'chars' },
  resultStudentId: {
    label: 'Mã học sinh (kết quả học tập)',
    labelEn: 'Student ID (academic results)',
    max: 20,
    unit: 'chars',
  },
  fullName: { label: 'Họ và tên', labelEn: 'Full name', max: 50, unit: 'chars' },
  citizenId: { label: 'Số CCCD/định danh cá nhân', labelEn: 'Citizen ID', max: 20, unit: 'chars' },
  phone: { label: 'Số điện thoại', labelEn: 'Phone', max: 20, unit: 'chars' },
  email: { label: 'Email', labelEn: 'Email', max: 50, unit: 'chars' },
  subjectScore: { label: 'Điểm môn học', labelEn: 'Subject score', max: 4, unit: 'digits' },
} as const satisfies Record<string, FieldLimit>;

export type LimitedField = keyof typeof MINISTRY_FIELD_LIMITS;

/**
 * Checks a value against its ministry column limit. Characters are counted as code points of
 * the NFC form, as the database stores it; scores count their digits.
 */
export function checkLength(field: LimitedField, value: string): Problem[] {
  const limit: FieldLimit = MINISTRY_FIELD_LIMITS[field];
  const nfc = value.normalize('NFC');
  const size = limit.unit === 'digits' ? nfc.replace(/\D/g, '').length : codePoints(nfc);
  if (size <= limit.max) return [];
  const quoted = truncateText(value, inputLimits.quotedCharacters);
  const unitVi = limit.unit === 'digits' ? 'chữ số' : 'ký tự';
  const unitEn = limit.unit === 'digits' ? 'digits' : 'characters';
  return [
    problem(
      'length.max',
      'error',
      `${limit.label}: tối đa ${limit.max} ${unitVi} theo QĐ 4998/QĐ-BGDĐT, "${quoted}" có ${size}.`,
      `${limit.labelEn}: at most ${limit.max} ${unitEn} (QĐ 4998/QĐ-BGDĐT); "${quoted}" has ${size}.`,
    ),
  ];
}

/** Code points without building an array of them (a pasted paragraph can be 32,767 characters). */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}
