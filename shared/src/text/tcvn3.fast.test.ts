import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { letterParts } from './letters';
import { nfc } from './normalize';
import { decodeTcvn3, encodeTcvn3, isTcvn3Letter } from './tcvn3';
import { fullName, lowerCaseText, vietnameseCharacters } from './vietnamese.arbitraries';

// decodeTcvn3 as it was before the single-pass decoder (one string per character, a Map per
// lookup, a regex per character to find words): the reference the fast one must equal exactly.
function referenceDecodeTcvn3(s: string): string {
  const chars: string[] = [];
  const caseless: boolean[] = [];
  for (const char of s) {
    const letter = isTcvn3Letter(char) ? decodeTcvn3(char) : undefined;
    chars.push(letter ?? char);
    caseless.push(letter !== undefined && Boolean(letterParts(letter)?.tone));
  }
  const isUpper = (char: string): boolean => char !== char.toLowerCase();
  const isLower = (char: string): boolean => char !== char.toUpperCase();
  const words: { start: number; end: number }[] = [];
  let start = -1;
  chars.forEach((char, i) => {
    const inWord = /\p{L}/u.test(char);
    if (inWord && start < 0) start = i;
    if (!inWord && start >= 0) {
      words.push({ start, end: i });
      start = -1;
    }
  });
  if (start >= 0) words.push({ start, end: chars.length });
  const knownLetters = (word: { start: number; end: number }): string[] =>
    chars.slice(word.start, word.end).filter((_, i) => !caseless[word.start + i]);
  const caseOf = (word: { start: number; end: number }): string | null => {
    const known = knownLetters(word);
    if (known.length < 2) return null;
    if (known.every(isUpper)) return 'upper';
    if (caseless[word.start]) return null;
    const [first = '', ...rest] = known;
    return isUpper(first) && !rest.some(isUpper) ? 'title' : 'other';
  };
  const votes = words.map(caseOf).filter((vote) => vote !== null);
  const textCase = votes.length > 0 && votes.every((vote) => vote === votes[0]) ? votes[0] : 'other';
  for (const word of words) {
    const wordIsUpper =
      caseOf(word) === 'upper' || (textCase === 'upper' && !knownLetters(word).some(isLower));
    for (let i = word.start; i < word.end; i++) {
      const capitalise = wordIsUpper || (textCase === 'title' && i === word.start);
      if (caseless[i] && capitalise) chars[i] = (chars[i] ?? '').toUpperCase();
    }
  }
  return nfc(chars.join(''));
}

// Every byte a string from a legacy file can hold, plus what a Unicode cell adds: Vietnamese
// letters in both cases, combining marks, other scripts, astral letters (𝐀 𐐀 𐐨), lone surrogates
// and a byte-order mark.
const pieces = fc.oneof(
  fc.integer({ min: 0, max: 0xff }).map((byte) => String.fromCharCode(byte)),
  fc.constantFrom(' ', '\n', "'", '-', 'A', 'n', 'H', 'g'),
  vietnameseCharacters,
  vietnameseCharacters.map((s) => s.toUpperCase()),
  fc.constantFrom('\u0300', '\u0323', 'Σ', 'ß', 'ǅ', 'ﬀ', '漢', '𝐀', '𐐀', '𐐨', '\ud800', '\udc00', '\ufeff'),
);
const mixedText = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

describe('decodeTcvn3 equals the previous decoder', () => {
  it('on any mix of bytes, Unicode letters, marks and surrogates', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        expect(decodeTcvn3(s)).toBe(referenceDecodeTcvn3(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('on encoded names and text in every case', () => {
    const encoded = fc
      .oneof(fullName, lowerCaseText, vietnameseCharacters)
      .chain((s) => fc.constantFrom(s, s.toUpperCase(), s.toLowerCase()))
      .map(encodeTcvn3);
    fc.assert(
      fc.property(encoded, (s) => {
        expect(decodeTcvn3(s)).toBe(referenceDecodeTcvn3(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('on long texts (the single pass and the chunked output)', () => {
    const long = fc
      .array(fc.oneof(fullName.map(encodeTcvn3), mixedText), { minLength: 300, maxLength: 600 })
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(long, (s) => {
        expect(decodeTcvn3(s)).toBe(referenceDecodeTcvn3(s));
      }),
      { numRuns: 20 },
    );
  });
});
