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

/** Whether a name carries any Vietnamese marks (tones, ă â ê ô ơ ư, đ). */
export function hasMarks(name: string): boolean {
  return (
    deaccentNameKey(name) !==
    nfc(tidy(name))
      .toLowerCase()
      .replace(/\s*['-]\s*/g, '')
  );
}

/**
 * Edit distance of two short words counting a swap of neighbours as one typo (optimal string
 * alignment: "ngyuen" → "nguyen" is one), stopping once it exceeds `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

const MAX_TYPOS_PER_WORD = 1;
const MAX_TYPOS = 2;

/**
 * The number of typos between two spellings of the same whole name, or undefined when they are not
 * the same name: both have a family and a given name and as many words; the given names are the
 * same (without accents — An and Anh, Hải and Khải are different people); every other word differs
 * by at most one typo, and the whole by at most two. Compared without accents.
 */
export function wholeNameDistance(a: string, b: string): number | undefined {
  const left = deaccentNameKey(a).split(' ');
  const right = deaccentNameKey(b).split(' ');
  if (left.length < 2 || left.length !== right.length || left.at(-1) !== right.at(-1)) return undefined;
  let total = 0;
  for (let i = 0; i < left.length - 1; i++) {
    const typos = editDistance(left[i]!, right[i]!, MAX_TYPOS_PER_WORD);
    if (typos > MAX_TYPOS_PER_WORD) return undefined;
    total += typos;
  }
  return total <= MAX_TYPOS ? total : undefined;
}

/**
 * Whether two spellings could be one name garbled a little: as many words, each at most one typo
 * apart, the given name included, two typos in all. Only used beside a student code, which decides.
 */
export function looselySameName(a: string, b: string): boolean {
  const left = deaccentNameKey(a).split(' ');
  const right = deaccentNameKey(b).split(' ');
  if (left.length !== right.length) return false;
  let total = 0;
  for (let i = 0; i < left.length; i++) {
    const typos = editDistance(left[i]!, right[i]!, MAX_TYPOS_PER_WORD);
    if (typos > MAX_TYPOS_PER_WORD) return false;
    total += typos;
  }
  return total <= MAX_TYPOS;
}
