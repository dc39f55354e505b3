import { type Problem, problem } from '../../problem';

/**
 * First three digits (national form) of mobile numbers valid since the 2018 conversion.
 * 055 appears in some lists but could not be confirmed from a primary text (uncertain): it is
 * accepted so that no real number is rejected.
 */
export const MOBILE_PREFIXES: readonly string[] = [
  ...['032', '033', '034', '035', '036', '037', '038', '039'],
  ...['052', '055', '056', '058', '059'],
  ...['070', '076', '077', '078', '079'],
  ...['081', '082', '083', '084', '085', '086', '087', '088', '089'],
  ...['090', '091', '092', '093', '094', '096', '097', '098', '099'],
];

/** The 2018 conversion of 11-digit mobile numbers: old 4-digit prefix → new 3-digit prefix. */
export const OLD_MOBILE_PREFIXES: Readonly<Record<string, string>> = {
  '0162': '032',
  '0163': '033',
  '0164': '034',
  '0165': '035',
  '0166': '036',
  '0167': '037',
  '0168': '038',
  '0169': '039',
  '0120': '070',
  '0121': '079',
  '0122': '077',
  '0126': '076',
  '0128': '078',
  '0123': '083',
  '0124': '084',
  '0125': '085',
  '0127': '081',
  '0129': '082',
  '0186': '056',
  '0188': '058',
  '0199': '059',
};

/**
 * Brings a typed number to national form: drops spaces, dots, dashes and brackets, and turns
 * the +84 / 84 country code into the leading 0. Does not judge validity.
 */
export function normalizeMobile(raw: string): string {
  const compact = raw.replace(/[\s.\-()]/g, '');
  if (compact.startsWith('+84')) return `0${compact.slice(3)}`;
  // Excel drops the "+": 84 + 9 digits (current) or 84 + 10 digits (old 11-digit numbers).
  if (/^84\d{9,10}$/.test(compact)) return `0${compact.slice(2)}`;
  return compact;
}

/** The current 10-digit number for an old 11-digit one, or undefined when it is not one. */
export function convertOldMobile(raw: string): string | undefined {
  const national = normalizeMobile(raw);
  if (!/^\d{11}$/.test(national)) return undefined;
  const newPrefix = OLD_MOBILE_PREFIXES[national.slice(0, 4)];
  return newPrefix === undefined ? undefined : newPrefix + national.slice(4);
}

/**
 * Checks a mobile number: 10 digits from 0 (or +84 without the 0) with a current prefix; an old
 * 11-digit number gets a warning that carries the converted number. Blank input is not checked.
 */
export function checkMobile(raw: string): Problem[] {
  const shown = raw.trim();
  if (shown === '') return [];
  const converted = convertOldMobile(shown);
  if (converted !== undefined) {
    return [
      problem(
        'phone.old-prefix',
        'warning',
        `Số điện thoại "${shown}" là số 11 chữ số cũ; từ năm 2018 đã chuyển thành ${converted}.`,
        `Phone number "${shown}" is an old 11-digit number; since 2018 it is ${converted}.`,
      ),
    ];
  }
  const national = normalizeMobile(shown);
  if (!/^0\d{9}$/.test(national)) {
    return [
      problem(
        'phone.format',
        'error',
        `Số điện thoại di động "${shown}" phải gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84).`,
        `Mobile number "${shown}" must be 10 digits starting with 0 (or +84).`,
      ),
    ];
  }
  if (!MOBILE_PREFIXES.includes(national.slice(0, 3))) {
    return [
      problem(
        'phone.prefix',
        'error',
        `Số "${shown}" có đầu số ${national.slice(0, 3)}, không phải đầu số di động hiện hành.`,
        `Number "${shown}" starts with ${national.slice(0, 3)}, which is not a current mobile prefix.`,
      ),
    ];
  }
  return [];
}
