import { type Problem, problem } from '../../problem';
import { withoutSpaces } from './compact';

/**
 * Checks an old identity card number (CMND): 9 digits, or 12 digits for cards issued 2012–2016.
 * Only the length is checked: the structure of those 12-digit numbers is not confirmed from a
 * primary text. Blank input is not checked.
 */
export function checkCmnd(raw: string | number): Problem[] {
  const shown = String(raw).trim();
  if (shown === '' || /^(?:\d{9}|\d{12})$/.test(withoutSpaces(raw))) return [];
  return [
    problem(
      'cmnd.format',
      'error',
      `Số CMND "${shown}" phải gồm 9 chữ số (hoặc 12 chữ số với CMND cấp 2012–2016).`,
      `ID card number "${shown}" must be 9 digits (or 12 for cards issued 2012–2016).`,
    ),
  ];
}
