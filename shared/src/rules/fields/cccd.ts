import { type Problem, problem } from '../../problem';
import { withoutSpaces } from './compact';
import { vietnamDayOf } from './date';

export type Gender = 'male' | 'female';

const GENDER_LABEL: Record<Gender, { vi: string; en: string }> = {
  male: { vi: 'nam', en: 'male' },
  female: { vi: 'nữ', en: 'female' },
};

/**
 * Place codes (first three digits of a citizen ID) of the 63 provinces that existed before the
 * 1 July 2025 merger; the IDs people hold carry these codes.
 */
export const CCCD_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'TP Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
};

export interface CccdParts {
  /** The 12 digits, spaces removed. */
  digits: string;
  placeCode: string;
  /** Province name, or undefined when the place code is not one of the 63. */
  province: string | undefined;
  gender: Gender;
  birthYear: number;
  /** Last six digits: a sequence number. There is no public check digit to verify. */
  serial: string;
}

/** What the person's record says, to cross-check the ID against (no portal does this). */
export interface PersonFacts {
  birthYear?: number;
  gender?: Gender;
}

/**
 * Decodes a 12-digit citizen ID. The fourth digit d encodes century and gender:
 * century = 1900 + 100·⌊d/2⌋, odd d = female. Returns undefined unless it is exactly 12 digits.
 */
export function parseCccd(raw: string | number): CccdParts | undefined {
  const digits = withoutSpaces(raw);
  if (!/^\d{12}$/.test(digits)) return undefined;
  const placeCode = digits.slice(0, 3);
  const centuryGenderDigit = Number(digits[3]);
  return {
    digits,
    placeCode,
    province: CCCD_PROVINCE_CODES[placeCode],
    gender: centuryGenderDigit % 2 === 1 ? 'female' : 'male',
    birthYear: 1900 + 100 * Math.floor(centuryGenderDigit / 2) + Number(digits.slice(4, 6)),
    serial: digits.slice(6),
  };
}

export interface CccdCheckOptions {
  /**
   * The instant of the check (the caller's clock; this module reads none). Its year in Vietnam
   * time bounds the birth year: an ID born after it is an error.
   */
  now?: Date;
}

/**
 * Checks a citizen ID (CCCD / số định danh cá nhân) and, when given, its agreement with the
 * record's birth year and gender, and that its birth year is not after the current year. Blank
 * input is not checked: whether the field is required is the form's rule.
 */
export function checkCccd(
  raw: string | number,
  person: PersonFacts = {},
  options: CccdCheckOptions = {},
): Problem[] {
  const shown = String(raw).trim();
  if (shown === '') return [];
  const parts = parseCccd(raw);
  if (!parts) return [formatProblem(shown)];

  const problems: Problem[] = [];
  if (!parts.province) {
    problems.push(
      problem(
        'cccd.province',
        'error',
        `Số CCCD ${parts.digits}: mã tỉnh "${parts.placeCode}" (3 chữ số đầu) không thuộc 63 mã tỉnh.`,
        `Citizen ID ${parts.digits}: place code "${parts.placeCode}" (first 3 digits) is not one of the 63 province codes.`,
      ),
    );
  }
  if (parts.birthYear >= 2100) {
    // Digits 4–9 encode the 22nd century and later: nobody alive can hold such an ID yet.
    problems.push(
      problem(
        'cccd.century',
        'error',
        `Số CCCD ${parts.digits}: chữ số thứ 4 là "${parts.digits[3]}", ứng với năm sinh ${parts.birthYear} — không thể có.`,
        `Citizen ID ${parts.digits}: the 4th digit "${parts.digits[3]}" means birth year ${parts.birthYear}, which is impossible.`,
      ),
    );
  }
  const currentYear = options.now === undefined ? undefined : vietnamDayOf(options.now).year;
  if (currentYear !== undefined && parts.birthYear > currentYear && parts.birthYear < 2100) {
    problems.push(
      problem(
        'cccd.future',
        'error',
        `Số CCCD ${parts.digits} ứng với năm sinh ${parts.birthYear}, sau năm hiện tại (${currentYear}) — không thể có.`,
        `Citizen ID ${parts.digits} encodes birth year ${parts.birthYear}, after the current year (${currentYear}), which is impossible.`,
      ),
    );
  }
  if (person.birthYear !== undefined && person.birthYear !== parts.birthYear) {
    problems.push(
      problem(
        'cccd.birth-year',
        'error',
        `Số CCCD ${parts.digits} ứng với năm sinh ${parts.birthYear}, nhưng hồ sơ ghi năm sinh ${person.birthYear}.`,
        `Citizen ID ${parts.digits} encodes birth year ${parts.birthYear}, but the record says ${person.birthYear}.`,
      ),
    );
  }
  if (person.gender !== undefined && person.gender !== parts.gender) {
    problems.push(
      problem(
        'cccd.gender',
        'error',
        `Số CCCD ${parts.digits} ứng với giới tính ${GENDER_LABEL[parts.gender].vi}, nhưng hồ sơ ghi ${GENDER_LABEL[person.gender].vi}.`,
        `Citizen ID ${parts.digits} encodes gender ${GENDER_LABEL[parts.gender].en}, but the record says ${GENDER_LABEL[person.gender].en}.`,
      ),
    );
  }
  return problems;
}

function formatProblem(shown: string): Problem {
  const digits = withoutSpaces(shown);
  // Excel stores an ID typed into a number cell as a number and drops the leading 0 of "001…".
  const lostZero = /^\d{11}$/.test(digits);
  return problem(
    'cccd.format',
    'error',
    `Số CCCD "${shown}" phải gồm đúng 12 chữ số.` +
      (lostZero
        ? ' Có 11 chữ số: có thể Excel đã làm mất số 0 ở đầu — hãy định dạng cột là Văn bản (Text).'
        : ''),
    `Citizen ID "${shown}" must be exactly 12 digits.` +
      (lostZero ? ' It has 11: Excel may have dropped the leading 0 — format the column as Text.' : ''),
  );
}
