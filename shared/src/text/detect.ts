import { syllableFit } from './syllable';
import { decodeTcvn3 } from './tcvn3';
import { decodeVni } from './vni';

export type LegacyEncoding = 'tcvn3' | 'vni';

/** A text after encoding repair; `from` is the legacy encoding it was decoded from, null if kept. */
export interface Repair {
  text: string;
  from: LegacyEncoding | null;
}

// Letters only Unicode has: ă đ ĩ ơ ũ ư, the block U+1EA0–U+1EF9, combining tone and vowel marks.
// â ê ô are not evidence: they are Latin-1, and both legacy encodings use those bytes.
export const UNICODE_VIETNAMESE = /[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]|[\u0300-\u0323]/;
// Words are split at spaces and at ASCII and typographic punctuation, apostrophes included
// (H'Hen → H, Hen). Decoding never creates or removes one of these, so words stay aligned.
export const WORD_SEPARATORS = /[\s!-/:-@[-`{-~\u2010-\u2027]+/u;
// What no European word holds but each legacy encoding is full of, so it counts against reading
// the raw text as it stands. TCVN3: Latin-1 symbols (¡ … ¿ with µ ª º and the soft hyphen, × ÷),
// its letters. VNI: vowel + circumflex/breve (eâ, aê), ơ/ư + tone mark (ôù), ñ before a consonant
// (Ñraék). Théâtre or niño do not match.
export const ENCODINGS: Readonly<
  Record<LegacyEncoding, { decode: (s: string) => string; signature: RegExp }>
> = {
  tcvn3: { decode: decodeTcvn3, signature: /[\u00a1-\u00bf\u00d7\u00f7]/ },
  vni: { decode: decodeVni, signature: /[aeo]â|aê|[ôö][ùøûõï]|ñ(?![aeiouáéíóú])/i },
};

export function detectEncoding(s: string): LegacyEncoding | 'unicode' | 'ascii' {
  if (isAscii(s)) return 'ascii';
  return repairText(s).from ?? 'unicode';
}

/**
 * Decodes `s` from TCVN3 or VNI when that reading is clearly more Vietnamese than the text as it
 * stands; otherwise returns it unchanged. Text with Unicode-only Vietnamese letters or plain ASCII
 * is never touched.
 */
export function repairText(s: string): Repair {
  if (!mayDecode(s)) return { text: s, from: null };
  let bestText = s;
  let bestFrom: LegacyEncoding | null = null;
  let bestGain = 0;
  let tied = false;
  for (const from of LEGACY_ENCODINGS) {
    const { decode, signature } = ENCODINGS[from];
    const text = decode(s);
    // Unchanged: no word changed, so no gain.
    if (text === s) continue;
    const gain = readingGain(s, text, signature);
    if (gain === null) continue;
    if (bestFrom === null || gain > bestGain) {
      bestText = text;
      bestFrom = from;
      bestGain = gain;
      tied = false;
    } else if (gain === bestGain) tied = true;
  }
  // Two encodings that read equally well: too ambiguous to touch.
  if (bestFrom === null || tied) return { text: s, from: null };
  return { text: bestText, from: bestFrom };
}

const LEGACY_ENCODINGS = Object.keys(ENCODINGS) as LegacyEncoding[];

/** `s.split(WORD_SEPARATORS)`, by char codes: a regex split costs more than the rest of a name's check. */
export function splitWords(s: string): string[] {
  const words: string[] = [];
  let start = 0;
  let i = 0;
  while (i < s.length) {
    if (!isWordSeparator(s.charCodeAt(i))) {
      i++;
      continue;
    }
    words.push(s.slice(start, i));
    while (i < s.length && isWordSeparator(s.charCodeAt(i))) i++;
    start = i;
  }
  words.push(s.slice(start));
  return words;
}

// WORD_SEPARATORS for each ASCII code; above ASCII its class holds only whitespace and U+2010–U+2027.
const ASCII_SEPARATORS = Uint8Array.from({ length: 0x80 }, (_, code) =>
  WORD_SEPARATORS.test(String.fromCharCode(code)) ? 1 : 0,
);

/** True for a UTF-16 code unit WORD_SEPARATORS matches (\s, ASCII punctuation, U+2010–U+2027). */
export function isWordSeparator(code: number): boolean {
  if (code < 0x80) return ASCII_SEPARATORS[code] === 1;
  if (code < 0x2000) return code === 0xa0 || code === 0x1680;
  // U+2028 and U+2029 are line and paragraph separators (\s).
  if (code <= 0x2029) return code <= 0x200a || code >= 0x2010;
  return code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * False when repairText leaves `s` as it is without trying the decoders: plain ASCII, a letter only
 * Unicode has (UNICODE_VIETNAMESE, tested per character here in the same pass), or, in NFC text,
 * no character from U+00A0 to U+00FF, the only ones either decoder changes.
 */
function mayDecode(s: string): boolean {
  let nonAscii = false;
  let legacy = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii = true;
    if (code <= 0xff) {
      if (code >= 0xa0) legacy = true;
      continue;
    }
    if (isUnicodeVietnamese(code)) return false;
  }
  if (!nonAscii) return false;
  return legacy || s.normalize('NFC') !== s;
}

/** UNICODE_VIETNAMESE for one UTF-16 code unit. */
function isUnicodeVietnamese(code: number): boolean {
  switch (code) {
    case 0x102: // Ă ă
    case 0x103:
    case 0x110: // Đ đ
    case 0x111:
    case 0x128: // Ĩ ĩ
    case 0x129:
    case 0x168: // Ũ ũ
    case 0x169:
    case 0x1a0: // Ơ ơ
    case 0x1a1:
    case 0x1af: // Ư ư
    case 0x1b0:
      return true;
    default:
      return (code >= 0x1ea0 && code <= 0x1ef9) || (code >= 0x300 && code <= 0x323);
  }
}

export function isAscii(s: string): boolean {
  return !/[^\p{ASCII}]/u.test(s);
}

/**
 * How much more Vietnamese `decoded` reads than `raw`, or null when it is not clearly better. Only
 * words the decoder changed count. Each scores 2 as a standard syllable, 1 as a plausible
 * (minority or loan) one, 0 otherwise; a raw word holding the encoding's signature scores -1.
 * Clearly better: a gain of at least 2, and the changed words read on average at least as
 * plausible syllables.
 */
function readingGain(raw: string, decoded: string, signature: RegExp): number | null {
  tally.gain = 0;
  tally.decodedScore = 0;
  tally.changed = 0;
  if (!tallyAligned(raw, decoded, signature)) {
    tally.gain = 0;
    tally.decodedScore = 0;
    tally.changed = 0;
    const rawWords = splitWords(raw);
    const decodedWords = splitWords(decoded);
    if (rawWords.length !== decodedWords.length) return null;
    for (let i = 0; i < rawWords.length; i++) {
      tallyWord(rawWords[i] ?? '', decodedWords[i] ?? '', signature);
    }
  }
  const { gain, decodedScore, changed } = tally;
  return changed > 0 && gain >= 2 && decodedScore >= changed ? gain : null;
}

// readingGain's running totals, one shared record so that a cell's check allocates nothing.
const tally = { gain: 0, decodedScore: 0, changed: 0 };

function tallyWord(rawWord: string, decodedWord: string, signature: RegExp): void {
  // A lone character says nothing either way (½ would read as ẵ, ¹ as ạ).
  if (decodedWord === rawWord || isOneCharacter(rawWord)) return;
  tally.changed++;
  const score = wordScore(decodedWord);
  tally.decodedScore += score;
  tally.gain += score - (signature.test(rawWord) ? -1 : wordScore(rawWord));
}

/**
 * The tally of splitting both texts into words, without splitting them, when the decoder kept
 * every character in place (TCVN3 without normalising: same length, separators at the same
 * places): only the words that differ are cut out. False, with a partial tally, when the texts
 * do not line up that way.
 */
function tallyAligned(raw: string, decoded: string, signature: RegExp): boolean {
  const length = raw.length;
  if (decoded.length !== length) return false;
  let start = 0;
  let differs = false;
  for (let i = 0; i <= length; i++) {
    const atEnd = i === length;
    const separator = !atEnd && isWordSeparator(raw.charCodeAt(i));
    if (!atEnd && separator !== isWordSeparator(decoded.charCodeAt(i))) return false;
    if (atEnd || separator) {
      if (differs) tallyWord(raw.slice(start, i), decoded.slice(start, i), signature);
      differs = false;
      start = i + 1;
    } else if (raw.charCodeAt(i) !== decoded.charCodeAt(i)) differs = true;
  }
  return true;
}

/** True for an empty word or one of a single code point. */
function isOneCharacter(word: string): boolean {
  if (word.length < 2) return true;
  if (word.length > 2) return false;
  const first = word.charCodeAt(0);
  const second = word.charCodeAt(1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff;
}

const SCORES = { vietnamese: 2, plausible: 1, none: 0 } as const;
// Names and grade books repeat the same words (Nguyễn, Văn, Thị, Đ) thousands of times: each
// word's fit is worked out once. Bounded, so that a huge file cannot grow it without end.
const scores = new Map<string, number>();

export function wordScore(word: string): number {
  let score = scores.get(word);
  if (score === undefined) {
    if (scores.size >= 50_000) scores.clear();
    score = SCORES[syllableFit(word)];
    scores.set(word, score);
  }
  return score;
}
