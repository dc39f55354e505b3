import { letterParts } from './letters';
import { nfc } from './normalize';

// TCVN3 (TCVN 5712:1993 VN3, the ".Vn…" ABC fonts), one row per high nibble from 0xA0 to 0xFF. A
// string read from Excel or a CSV holds each byte as the Latin-1 character of the same number.
// '_' marks bytes VN3 leaves unassigned: there glibc's TCVN5712-1 (which is VN1) has toned capitals
// and, at 0xB0–0xB4, combining tone marks; VN3 files never contain them, so those characters (and
// 0x80–0x9F, where documents typed in Word keep Windows-1252 quotes and dashes) are left as they are.
// tcvn3.test.ts checks every assigned byte against glibc's mapping.
const UNASSIGNED = '_';
const VN3_ROWS = [
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđ_', // 0xA0; 0xAD (ư) is the soft hyphen, invisible in most viewers
  '_____àảãáạ_ằẳẵắ_', // 0xB0
  '______ặầẩẫấậè_ẻẽ', // 0xC0
  'éẹềểễếệìỉ___ĩíịò', // 0xD0
  '_ỏõóọồổỗốộờởỡớợù', // 0xE0
  '_ủũúụừửữứựỳỷỹýỵ_', // 0xF0
];

const DECODE: ReadonlyMap<string, string> = new Map(
  VN3_ROWS.flatMap((row, rowIndex) =>
    [...row].flatMap((letter, column) =>
      letter === UNASSIGNED ? [] : [[String.fromCharCode(0xa0 + rowIndex * 16 + column), letter] as const],
    ),
  ),
);
const ENCODE: ReadonlyMap<string, string> = new Map(
  [...DECODE].map(([byteChar, letter]) => [letter, byteChar]),
);

// VN3 has toned vowels only in lower case: ".VnTimeH" fonts draw these same bytes as capitals.
// Their case is unknown after decoding and is guessed from the letters around them.
const CASELESS = new Set([...DECODE.values()].filter((letter) => letterParts(letter)?.tone));

/** True for a character TCVN3 gives a letter to (a Latin-1 character of a byte VN3 assigns). */
export function isTcvn3Letter(char: string): boolean {
  return DECODE.has(char);
}

/** TCVN3 text (as Latin-1 or Windows-1252 characters) → Unicode NFC. */
export function decodeTcvn3(s: string): string {
  const chars: string[] = [];
  const caseless: boolean[] = [];
  for (const char of s) {
    const letter = DECODE.get(char);
    chars.push(letter ?? char);
    caseless.push(letter !== undefined && CASELESS.has(letter));
  }
  restoreCapitals(chars, caseless);
  return nfc(chars.join(''));
}

/** Unicode → TCVN3 characters. Toned capitals become their lower-case byte, as VN3 has no others. */
export function encodeTcvn3(s: string): string {
  return [...nfc(s)].map((char) => ENCODE.get(char) ?? ENCODE.get(char.toLowerCase()) ?? char).join('');
}

type WordCase = 'upper' | 'title' | 'other';
interface Word {
  start: number;
  end: number;
}

const isUpper = (char: string): boolean => char !== char.toLowerCase();
const isLower = (char: string): boolean => char !== char.toUpperCase();

/**
 * Upper-cases decoded toned letters where the text around them is in capitals: the whole word when
 * its other letters are capitals (NGUYÔN → NGUYỄN), or the whole text is (Hµ NéI → HÀ NỘI); and the
 * first letter of a word in a text where every word is capitalised (Lª ThÞ ¸nh → Lê Thị Ánh).
 */
function restoreCapitals(chars: string[], caseless: boolean[]): void {
  const words = findWords(chars);
  const knownLetters = (word: Word): string[] =>
    chars.slice(word.start, word.end).filter((_, i) => !caseless[word.start + i]);
  // Only words with two letters of known case say anything about the text's style, and one that
  // starts with a decoded toned letter cannot tell title case from lower case.
  const caseOf = (word: Word): WordCase | null => {
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
}

function findWords(chars: string[]): Word[] {
  const words: Word[] = [];
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
  return words;
}
