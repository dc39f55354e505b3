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

// The same mapping as char codes, for the single pass below: 0 where a byte is left as it is.
const DECODE_CODES = new Uint16Array(256);
// 1 where the byte decodes to a caseless letter, whose capital is CAPITAL_CODES.
const CASELESS_BYTES = new Uint8Array(256);
const CAPITAL_CODES = new Uint16Array(256);
for (const [byteChar, letter] of DECODE) {
  const byte = byteChar.charCodeAt(0);
  DECODE_CODES[byte] = letter.charCodeAt(0);
  if (CASELESS.has(letter)) {
    CASELESS_BYTES[byte] = 1;
    CAPITAL_CODES[byte] = letter.toUpperCase().charCodeAt(0);
  }
}

/** TCVN3 text (as Latin-1 or Windows-1252 characters) → Unicode NFC. */
export function decodeTcvn3(s: string): string {
  const length = s.length;
  // A cell's text (the common case, called once per cell) reuses the same buffers.
  const short = length <= SHORT_LENGTH;
  // Only the first `length` code units of either buffer are this text's.
  const codes = short ? SHORT_CODES : new Uint16Array(length);
  // The byte each caseless letter came from (0 elsewhere), for its capital.
  let caseless: Uint8Array | null = null;
  let hasSurrogates = false;
  let beyondLatin = false;
  for (let i = 0; i < length; i++) {
    const code = s.charCodeAt(i);
    const decoded = code < 0x100 ? (DECODE_CODES[code] ?? 0) : 0;
    if (decoded === 0) {
      codes[i] = code;
      if (code >= 0x300) {
        beyondLatin = true;
        if (code >= 0xd800 && code <= 0xdfff) hasSurrogates = true;
      }
      continue;
    }
    codes[i] = decoded;
    if (CASELESS_BYTES[code] === 1) {
      caseless ??= short ? SHORT_CASELESS.fill(0, 0, length) : new Uint8Array(length);
      caseless[i] = code;
    }
  }
  // Only text with a toned letter has a case to guess.
  if (caseless) restoreCapitals(codes, caseless, length);
  const decoded = fromCodes(short ? codes.subarray(0, length) : codes, hasSurrogates);
  // VN3's letters are in NFC and nothing below U+0300 combines with them or reorders: only text
  // with a character from U+0300 on can need normalising.
  return beyondLatin ? nfc(decoded) : decoded;
}

const SHORT_LENGTH = 256;
const SHORT_CODES = new Uint16Array(SHORT_LENGTH);
const SHORT_CASELESS = new Uint8Array(SHORT_LENGTH);

// Decoding UTF-16 in one native call is far faster than String.fromCharCode on chunks, but it
// would turn a lone surrogate into U+FFFD: text holding any surrogate takes the slow way.
// ignoreBOM keeps a leading U+FEFF as it is.
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

function fromCodes(codes: Uint16Array, hasSurrogates: boolean): string {
  // For a few characters one call with them all as arguments is quicker still.
  if (codes.length <= SHORT_LENGTH) return String.fromCharCode.apply(null, codes as unknown as number[]);
  if (!hasSurrogates) return UTF16.decode(codes);
  const chunk = 8192;
  let out = '';
  for (let i = 0; i < codes.length; i += chunk) out += String.fromCharCode(...codes.subarray(i, i + chunk));
  return out;
}

/** Unicode → TCVN3 characters. Toned capitals become their lower-case byte, as VN3 has no others. */
export function encodeTcvn3(s: string): string {
  return [...nfc(s)].map((char) => ENCODE.get(char) ?? ENCODE.get(char.toLowerCase()) ?? char).join('');
}

// A word's case as restoreCapitals votes with it (NONE: it says nothing about the text's style).
const NONE = 0;
const UPPER_CASE = 1;
const TITLE_CASE = 2;
const OTHER_CASE = 3;

// Per BMP code unit, what restoreCapitals asks of a character, worked out once: LETTER (\p{L}),
// UPPER (differs from its lower case), LOWER (differs from its upper case). KNOWN marks it done;
// PAIR marks a surrogate pair, which is classified each time and never cached.
const KNOWN = 1;
const LETTER = 2;
const UPPER = 4;
const LOWER = 8;
const PAIR = 16;
const CLASSES = new Uint8Array(0x10000);

function classify(char: string): number {
  return (
    KNOWN |
    (/\p{L}/u.test(char) ? LETTER : 0) |
    (char !== char.toLowerCase() ? UPPER : 0) |
    (char !== char.toUpperCase() ? LOWER : 0)
  );
}

// Latin letters, filled in now so that the loops over a text rarely leave their fast path.
for (const [from, to] of [
  [0, 0x250],
  [0x1e00, 0x1f00],
]) {
  for (let code = from ?? 0; code < (to ?? 0); code++) CLASSES[code] = classify(String.fromCharCode(code));
}

/** The class of the character at `i` when it is not cached yet: a surrogate pair, or new. */
function classifyAt(codes: Uint16Array, i: number, length: number): number {
  const code = codes[i] ?? 0;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
    const next = codes[i + 1] ?? 0;
    if (next >= 0xdc00 && next <= 0xdfff) return classify(String.fromCharCode(code, next)) | PAIR;
  }
  const found = classify(String.fromCharCode(code));
  // A surrogate's class depends on its neighbour: never cached.
  if (code < 0xd800 || code > 0xdfff) CLASSES[code] = found;
  return found;
}

/**
 * Upper-cases decoded toned letters where the text around them is in capitals: the whole word when
 * its other letters are capitals (NGUYÔN → NGUYỄN), or the whole text is (Hµ NéI → HÀ NỘI); and the
 * first letter of a word in a text where every word is capitalised (Lª ThÞ ¸nh → Lê Thị Ánh).
 * `caseless` holds, for each decoded toned letter, the byte it came from (0 for other characters).
 */
// restoreCapitals's list of words, kept between calls (it grows to the largest text's needs).
let keptWords = new Int32Array(384);

function restoreCapitals(codes: Uint16Array, caseless: Uint8Array, length: number): void {
  // One pass over the words finds the case all voting words agree on, and keeps those that hold a
  // toned letter (start, end, case; the case negative when the word has a lower-case letter).
  let textCase = NONE;
  let kept = keptWords;
  let keptLength = 0;
  for (let i = nextWord(codes, 0, length); i < length; i = nextWord(codes, word.end, length)) {
    readWord(codes, caseless, i, length);
    if (word.case !== NONE) textCase = textCase === NONE || textCase === word.case ? word.case : OTHER_CASE;
    if (!word.hasCaseless) continue;
    if (keptLength + 3 > kept.length) {
      const grown = new Int32Array(kept.length * 2);
      grown.set(kept);
      kept = grown;
      keptWords = grown;
    }
    kept[keptLength++] = i;
    kept[keptLength++] = word.end;
    kept[keptLength++] = word.hasLower ? -word.case - 1 : word.case;
  }
  for (let k = 0; k < keptLength; k += 3) {
    const start = kept[k] ?? 0;
    const end = kept[k + 1] ?? 0;
    const flags = kept[k + 2] ?? 0;
    const wordCase = flags < 0 ? -flags - 1 : flags;
    const wordIsUpper = wordCase === UPPER_CASE || (textCase === UPPER_CASE && flags >= 0);
    if (wordIsUpper) {
      for (let j = start; j < end; j++) {
        const byte = caseless[j] ?? 0;
        if (byte !== 0) codes[j] = CAPITAL_CODES[byte] ?? 0;
      }
    } else if (textCase === TITLE_CASE) {
      const byte = caseless[start] ?? 0;
      if (byte !== 0) codes[start] = CAPITAL_CODES[byte] ?? 0;
    }
  }
}

function classAt(codes: Uint16Array, i: number, length: number): number {
  const found = CLASSES[codes[i] ?? 0] ?? 0;
  return found === 0 ? classifyAt(codes, i, length) : found;
}

/** Where the first letter at or after `i` is (`length` when there is none). */
function nextWord(codes: Uint16Array, i: number, length: number): number {
  while (i < length) {
    const found = classAt(codes, i, length);
    if ((found & LETTER) !== 0) return i;
    i += found & PAIR ? 2 : 1;
  }
  return length;
}

// The word readWord last read: where it ends, its case, whether its letters of known case
// include a lower-case one, and whether it holds a decoded toned letter. One shared record, so that reading a word allocates nothing.
const word = { end: 0, case: NONE, hasLower: false, hasCaseless: false };

function readWord(codes: Uint16Array, caseless: Uint8Array, start: number, length: number): void {
  // Only letters of known case count: a decoded toned letter's case is what is being guessed.
  let known = 0;
  let allUpper = true;
  let firstUpper = false;
  let restUpper = false;
  let anyLower = false;
  let anyCaseless = false;
  let i = start;
  while (i < length) {
    const found = classAt(codes, i, length);
    if ((found & LETTER) === 0) break;
    if (caseless[i] === 0) {
      const upper = (found & UPPER) !== 0;
      if (!upper) allUpper = false;
      if (known === 0) firstUpper = upper;
      else if (upper) restUpper = true;
      if ((found & LOWER) !== 0) anyLower = true;
      known++;
    } else anyCaseless = true;
    i += found & PAIR ? 2 : 1;
  }
  word.end = i;
  word.hasLower = anyLower;
  word.hasCaseless = anyCaseless;
  // Only words with two letters of known case say anything about the text's style, and one that
  // starts with a decoded toned letter cannot tell title case from lower case.
  if (known < 2) word.case = NONE;
  else if (allUpper) word.case = UPPER_CASE;
  else if (caseless[start] !== 0) word.case = NONE;
  else word.case = firstUpper && !restUpper ? TITLE_CASE : OTHER_CASE;
}
