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
  if (isAscii(s) || UNICODE_VIETNAMESE.test(s)) return { text: s, from: null };
  // Both decoders change only characters from U+00A0 to U+00FF (and NFC-normalise): text without
  // any, already in NFC, reads the same either way.
  if (!LEGACY_RANGE.test(s) && s.normalize('NFC') === s) return { text: s, from: null };
  let best: (Repair & { gain: number }) | null = null;
  let tied = false;
  for (const from of LEGACY_ENCODINGS) {
    const { decode, signature } = ENCODINGS[from];
    const text = decode(s);
    // Unchanged: no word changed, so no gain.
    if (text === s) continue;
    const gain = readingGain(s, text, signature);
    if (gain === null) continue;
    if (best === null || gain > best.gain) {
      best = { text, from, gain };
      tied = false;
    } else if (gain === best.gain) tied = true;
  }
  // Two encodings that read equally well: too ambiguous to touch.
  if (!best || tied) return { text: s, from: null };
  return { text: best.text, from: best.from };
}

const LEGACY_ENCODINGS = Object.keys(ENCODINGS) as LegacyEncoding[];
const LEGACY_RANGE = /[\u00a0-\u00ff]/;

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
  const rawWords = raw.split(WORD_SEPARATORS);
  const decodedWords = decoded.split(WORD_SEPARATORS);
  if (rawWords.length !== decodedWords.length) return null;
  let gain = 0;
  let decodedScore = 0;
  let changed = 0;
  for (let i = 0; i < rawWords.length; i++) {
    const rawWord = rawWords[i] ?? '';
    const decodedWord = decodedWords[i] ?? '';
    // A lone character says nothing either way (½ would read as ẵ, ¹ as ạ).
    if (decodedWord === rawWord || isOneCharacter(rawWord)) continue;
    changed++;
    const score = wordScore(decodedWord);
    decodedScore += score;
    gain += score - (signature.test(rawWord) ? -1 : wordScore(rawWord));
  }
  return changed > 0 && gain >= 2 && decodedScore >= changed ? gain : null;
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
