import type { Lang } from '../problem';
import type { Tenths } from './rulepack';

/** Why a non-blank cell could not be read as a score. */
export type TenthsParseError =
  /** Not a number at all ("abc", "8.5.1", true, NaN, or too large to hold exactly). */
  | 'format'
  /** A number with more than one significant decimal place (8.25). */
  | 'decimals';

/** `null` means the cell is blank: nothing was entered, which is not an error by itself. */
export type ParsedTenths = { value: Tenths } | { error: TenthsParseError } | null;

// Optional sign, digits, optional "." or "," (Vietnamese decimal comma) and digits; ".5" is accepted.
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

/**
 * Reads a score cell: a number (as Excel hands it over) or text such as "8", "8.5", "8,5",
 * " 7 ". Trailing zeros are not decimals ("8.50" is 8.5).
 */
export function parseTenths(raw: unknown): ParsedTenths {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return parseNumber(raw);
  if (typeof raw !== 'string') return { error: 'format' };
  const text = raw.trim();
  return text === '' ? null : parseDecimalText(text);
}

function parseNumber(value: number): ParsedTenths {
  // Most scores are exact tenths (8, 8.5, a formula's 8.3): the value is then the double nearest
  // to tenths / 10, which toPrecision(15) below would print back as that decimal. With fewer
  // than 15 digits in tenths that is exact, so the text round trip can be skipped.
  const tenths = Math.round(value * 10);
  if (tenths / 10 === value && Math.abs(tenths) < 1e14) return { value: tenths === 0 ? 0 : tenths };
  if (!Number.isFinite(value)) return { error: 'format' };
  // Excel keeps 15 significant digits; whatever a float carries beyond them is binary noise,
  // so a formula's 8.299999999999999 is the 8.3 the user sees. toPrecision switches to
  // exponent notation only for magnitudes < 1e-6 (a non-zero tiny fraction) or ≥ 1e15
  // (beyond exact tenths).
  const text = value.toPrecision(15);
  if (!text.includes('e')) return parseDecimalText(text);
  return Math.abs(value) < 1 ? { error: 'decimals' } : { error: 'format' };
}

function parseDecimalText(text: string): ParsedTenths {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return { error: 'format' };
  const [, sign, whole = '', fractionText] = match;
  // A lone sign or separator ("-", ".", ",") holds no digit.
  if (whole === '' && !fractionText) return { error: 'format' };
  const fraction = (fractionText ?? '').replace(/0+$/, '');
  if (fraction.length > 1) return { error: 'decimals' };
  const magnitude = Number(whole || '0') * 10 + Number(fraction || '0');
  if (!Number.isSafeInteger(magnitude)) return { error: 'format' };
  return { value: sign === '-' && magnitude !== 0 ? -magnitude : magnitude };
}

/**
 * numerator / denominator rounded half-up (half away from zero) to an integer, with integer
 * arithmetic only. With a numerator in tenths the result is in tenths: 165 / 2 → 83 (8.25 → 8.3).
 * Throws RangeError unless both are safe integers and the denominator is positive.
 */
export function divideHalfUp(numerator: number, denominator: number): Tenths {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(
      `divideHalfUp needs safe integers and a positive denominator: ${numerator} / ${denominator}`,
    );
  }
  const magnitude = Math.abs(numerator);
  // `%` on safe integers is exact, and (magnitude - remainder) divides exactly.
  const remainder = magnitude % denominator;
  const quotient = (magnitude - remainder) / denominator;
  // remainder ≥ denominator - remainder is "fraction ≥ ½" without the overflow of 2·remainder.
  const rounded = remainder >= denominator - remainder ? quotient + 1 : quotient;
  // `rounded > 0` keeps -1/3 from coming out as -0.
  return numerator < 0 && rounded > 0 ? -rounded : rounded;
}

/** 83 → "8.3"; with lang "vi" → "8,3". Always one decimal, as averages are shown in grade books. */
export function formatTenths(tenths: Tenths, lang: Lang = 'en'): string {
  const magnitude = Math.abs(tenths);
  const separator = lang === 'vi' ? ',' : '.';
  return `${tenths < 0 ? '-' : ''}${Math.trunc(magnitude / 10)}${separator}${magnitude % 10}`;
}
