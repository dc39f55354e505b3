import { deaccentKey, nameSimilarity, nfc, toneKey } from '../text/index';

// Comparable keys of student codes and names, one per matching tier. Each tier forgives more
// than the one before it, so a name that meets at a tier meets at every later one.

// Typographic apostrophes in minority names (H’Hen, K‘Lưm, Hʼ Nhi) are the same letter as "'".
const apostrophes = /[\u2018\u2019\u02BC\u02B9\u0060\u00B4\u2032]/g;

function tidy(s: string): string {
  return s.replace(apostrophes, "'").replace(/\s+/g, ' ').trim();
}

/**
 * Student code as written: spaces and case do not matter; all-digit codes lose leading zeros,
 * because Excel turns "0123456" typed into a number cell into 123456.
 */
export function codeKey(code: string): string {
  const key = code.replace(/\s+/g, '').toUpperCase();
  return /^[0-9]+$/.test(key) ? key.replace(/^0+(?=.)/, '') : key;
}

/** Exact: the same letters once composed (NFC), ignoring case and runs of spaces. */
export function exactKey(name: string): string {
  return nfc(tidy(name)).toLowerCase();
}

/** Tone-normalised: old and new tone placement meet (Hòa = Hoà, Thủy = Thuỷ). */
export function toneNameKey(name: string): string {
  return toneKey(tidy(name));
}

/** De-accented: no marks at all, and apostrophes and hyphens dropped (H'Hen = Hhen). */
export function deaccentNameKey(name: string): string {
  return deaccentKey(tidy(name))
    .replace(/\s*['-]\s*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function givenName(name: string): string {
  return tidy(name).split(' ').at(-1) ?? '';
}

/**
 * How alike two names are for fuzzy matching, 0..1: the whole name and the given name (the last
 * word, which tells classmates apart) weigh the same, so a typo in a family name is forgiven
 * sooner than An ~ Anh or Hải ~ Khôi.
 */
export function fuzzyNameScore(a: string, b: string): number {
  return (nameSimilarity(a, b) + nameSimilarity(givenName(a), givenName(b))) / 2;
}
