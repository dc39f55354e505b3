import { isVowel, letterParts, MODIFIED_VOWELS, parseSyllable, withTone } from './letters';

/** Names are stored in NFC: one code point per Vietnamese letter. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// Ð/ð (Latin eth) looks exactly like Đ and turns up in names typed with some keyboards.
function unifyEth(s: string): string {
  return s.replace(/ð/g, 'đ');
}

/**
 * Matching key for names: NFC, lower case, single spaces, and the tone mark moved to one canonical
 * vowel so that old and new placement meet (hòa = hoà, thủy = thuỷ, khỏe = khoẻ, qúy = quý).
 *
 * Canonical placement is the "new" one (Quyết định 1989/QĐ-BGDĐT, 2018): the tone sits on the main
 * vowel — hoà, khoẻ, thuỷ — which differs from the old habit only for oa, oe, uy without a final
 * consonant. Words that are not one Vietnamese syllable are left as they are.
 */
export function toneKey(s: string): string {
  const key = unifyEth(collapseWhitespace(nfc(s).toLowerCase()));
  return nfc(key.replace(/[\p{L}\p{M}]+/gu, placeToneCanonically));
}

function placeToneCanonically(word: string): string {
  const syllable = parseSyllable(word);
  // A tone on a consonant (ñ) means the word is not Vietnamese: leave it alone.
  if (!syllable?.tone || !isVowel(syllable.letters[syllable.tonedAt] ?? '')) return word;
  const { letters, nucleusStart, codaStart, tone } = syllable;
  const nucleus = letters.slice(nucleusStart, codaStart);
  const target = nucleusStart + mainVowelIndex(nucleus, codaStart < letters.length);
  return letters.map((letter, i) => (i === target ? withTone(letter, tone) : letter)).join('');
}

/** Index in the vowel group of the vowel that carries the tone in the new placement. */
function mainVowelIndex(nucleus: string[], hasCoda: boolean): number {
  // ươ, uô, iê, â, ơ …: the (last) vowel with a modifier — người, muốn, thuở, cứu.
  const modified = nucleus.findLastIndex((letter) => MODIFIED_VOWELS.includes(letter));
  if (modified >= 0) return modified;
  if (nucleus.length === 1) return 0;
  if (hasCoda) return nucleus.length - 1; // hoàng, huỳnh, xoong
  if (nucleus.length >= 3) return 1; // ngoài, xoáy, khuỷu
  // Open two-vowel groups: the glide-first ones take it second (hoà, khoẻ, thuỷ), the rest first (mái, của, mía).
  return ['oa', 'oe', 'uy'].includes(nucleus.join('')) ? 1 : 0;
}

/** Key for fuzzy matching: no diacritics at all, đ → d, lower case, single spaces. */
export function deaccentKey(s: string): string {
  return collapseWhitespace(
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐðÐ]/g, 'd')
      .toLowerCase(),
  );
}

/**
 * Key for comparing labels and header texts: the fuzzy key without punctuation, so that
 * "ĐĐGtx\n1" = "ddgtx 1", "Mã\u00a0HS:" = "Mã HS" and NFC = NFD.
 */
export function labelKey(s: string): string {
  return deaccentKey(s)
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

function baseLetter(char: string): string {
  const base = letterParts(char)?.base;
  return base === 'đ' ? 'd' : (base ?? char);
}

/**
 * How alike two names are, 0..1, for fuzzy row matching. An edit distance on the tone keys where
 * a letter that differs only by its marks (a/ă/á) costs a quarter of a real typo, so
 * "Nguyễn Văn An" ~ "Nguyen Van An" (0.9+) ranks above "Nguyễn Văn Anh".
 */
export function nameSimilarity(a: string, b: string): number {
  const left = [...toneKey(a)];
  const right = [...toneKey(b)];
  const longest = Math.max(left.length, right.length);
  if (longest === 0) return 1;
  const leftBases = left.map(baseLetter);
  const rightBases = right.map(baseLetter);
  const substitutionCost = (i: number, j: number): number => {
    if (left[i] === right[j]) return 0;
    return leftBases[i] === rightBases[j] ? 0.25 : 1;
  };
  // One row of the Levenshtein table at a time.
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 0; i < left.length; i++) {
    const current = [i + 1];
    for (let j = 0; j < right.length; j++) {
      const deletion = (previous[j + 1] ?? 0) + 1;
      const insertion = (current[j] ?? 0) + 1;
      const substitution = (previous[j] ?? 0) + substitutionCost(i, j);
      current.push(Math.min(deletion, insertion, substitution));
    }
    previous = current;
  }
  return 1 - (previous[right.length] ?? longest) / longest;
}
