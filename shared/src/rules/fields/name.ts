import { inputLimits, truncateText } from '../../limits/index';
import { type Problem, problem } from '../../problem';
import { checkLength } from './limits';

// Latin letters cover every Vietnamese letter and the f/j/w/z of minority names; apostrophes
// (straight or typographic) occur in minority names such as H'Hen and M'Đrắk.
// Digits and other spacing have messages of their own.
const NOT_ALLOWED = /[^\p{Script=Latin}\p{Nd}\s'’]/gu;

/**
 * Checks a person's full name as stored for the ministry: NFC, letters and single spaces and
 * apostrophes only, at most 50 characters. Blank input is not checked.
 */
export function checkPersonName(raw: string): Problem[] {
  if (raw.trim() === '') return [];
  const problems: Problem[] = [];
  const nfc = raw.normalize('NFC');
  // A pasted paragraph is quoted by its start only: each message below quotes it twice.
  const quoted = truncateText(nfc, inputLimits.quotedCharacters);
  if (nfc !== raw) {
    problems.push(
      problem(
        'name.nfc',
        'warning',
        `Tên "${quoted}" đang ở dạng Unicode tổ hợp (không phải NFC); sẽ được chuẩn hóa về NFC khi lưu.`,
        `Name "${quoted}" is in decomposed Unicode (not NFC); it will be normalised to NFC when stored.`,
      ),
    );
  }
  const digits = [...new Set(nfc.match(/\p{Nd}/gu) ?? [])];
  if (digits.length > 0) {
    problems.push(
      problem(
        'name.digit',
        'error',
        `Tên "${quoted}" chứa chữ số (${digits.join(' ')}).`,
        `Name "${quoted}" contains digits (${digits.join(' ')}).`,
      ),
    );
  }
  const symbols = new Set(nfc.match(NOT_ALLOWED));
  if (symbols.size > 0) {
    const listed = [...symbols].map((c) => `"${c}"`).join(' ');
    problems.push(
      problem(
        'name.symbol',
        'error',
        `Tên "${quoted}" chứa ký tự không được phép: ${listed}.`,
        `Name "${quoted}" contains characters that are not allowed: ${listed}.`,
      ),
    );
  }
  // Tabs and line breaks pasted from Excel count as stray spacing too.
  if (/\s{2}|^\s|\s$|[^\S ]/.test(nfc)) {
    problems.push(
      problem(
        'name.spacing',
        'warning',
        `Tên "${quoted}" có khoảng trắng thừa (ở đầu, cuối hoặc hai dấu cách liền nhau).`,
        `Name "${quoted}" has extra spaces (leading, trailing or doubled).`,
      ),
    );
  }
  return [...problems, ...checkLength('fullName', nfc)];
}
