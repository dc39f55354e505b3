import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ENCODINGS,
  isAscii,
  isWordSeparator,
  splitWords,
  type LegacyEncoding,
  type Repair,
  repairText,
  UNICODE_VIETNAMESE,
  WORD_SEPARATORS,
  wordScore,
} from './detect';
import {
  canTakeModifier,
  composeLetter,
  isVowel,
  letterParts,
  type Modifier,
  TONES,
  type Tone,
  withTone,
} from './letters';
import { nfc } from './normalize';
import { encodeTcvn3 } from './tcvn3';
import { decodeVni, encodeVni } from './vni';
import { fullName, lowerCaseText, vietnameseCharacters } from './vietnamese.arbitraries';

// decodeVni and repairText as they were before their fast paths (no early exits, no memo of
// marks, candidates sorted): the references the fast ones must equal exactly.

// VNI-Windows ("VNI-Times" fonts) as the Windows-1252 characters its bytes show as. A toned vowel
// is its base letter followed by one mark character; capitals take the upper-case mark.
// Lower-case forms below; every upper-case form is their toUpperCase().
type ToneOrLevel = Tone | 'level';
const TONE_CHARS: Readonly<Record<Tone, string>> = {
  acute: 'ù',
  grave: 'ø',
  hook: 'û',
  tilde: 'õ',
  dot: 'ï',
};
// After a, e, o: circumflex and tone in one character (aá = ấ).
const CIRCUMFLEX_CHARS: Readonly<Record<ToneOrLevel, string>> = {
  level: 'â',
  acute: 'á',
  grave: 'à',
  hook: 'å',
  tilde: 'ã',
  dot: 'ä',
};
// After a only: breve and tone in one character (aé = ắ).
const BREVE_CHARS: Readonly<Record<ToneOrLevel, string>> = {
  level: 'ê',
  acute: 'é',
  grave: 'è',
  hook: 'ú',
  tilde: 'ü',
  dot: 'ë',
};
// Letters with a character of their own.
const TONED_I_CHARS: Readonly<Record<Tone, string>> = {
  acute: 'í',
  grave: 'ì',
  hook: 'æ',
  tilde: 'ó',
  dot: 'ò',
};
const Y_DOT_CHAR = 'î';
const O_HORN_CHAR = 'ô';
const U_HORN_CHAR = 'ö';
const D_STROKE_CHAR = 'ñ';

interface Mark {
  modifier: Modifier | null;
  tone: Tone | null;
}

const toneOf = (toneOrLevel: ToneOrLevel): Tone | null => (toneOrLevel === 'level' ? null : toneOrLevel);
const bothCases = <T>(entries: [string, T][]): [string, T][] =>
  entries.flatMap(([char, value]) => [
    [char, value],
    [char.toUpperCase(), value],
  ]);

const MARKS: ReadonlyMap<string, Mark> = new Map(
  bothCases<Mark>([
    ...TONES.map((tone): [string, Mark] => [TONE_CHARS[tone], { modifier: null, tone }]),
    ...Object.entries(CIRCUMFLEX_CHARS).map(([tone, char]): [string, Mark] => [
      char,
      { modifier: 'circumflex', tone: toneOf(tone as ToneOrLevel) },
    ]),
    ...Object.entries(BREVE_CHARS).map(([tone, char]): [string, Mark] => [
      char,
      { modifier: 'breve', tone: toneOf(tone as ToneOrLevel) },
    ]),
  ]),
);

const STANDALONE: ReadonlyMap<string, string> = new Map(
  bothCases([
    ...TONES.map((tone): [string, string] => [TONED_I_CHARS[tone], withTone('i', tone)]),
    [Y_DOT_CHAR, 'ỵ'],
    [O_HORN_CHAR, 'ơ'],
    [U_HORN_CHAR, 'ư'],
    [D_STROKE_CHAR, 'đ'],
  ]).map(([char, letter]) => [char, char === char.toLowerCase() ? letter : letter.toUpperCase()]),
);

/** The vowel `previous` with `mark` applied, or null when the mark cannot belong to it. */
function applyMark(previous: string, mark: Mark): string | null {
  const parts = letterParts(previous);
  if (!parts || parts.tone || !isVowel(parts.base.toLowerCase())) return null;
  if (mark.modifier && (parts.modifier || !canTakeModifier(parts.base, mark.modifier))) return null;
  return composeLetter({ base: parts.base, modifier: mark.modifier ?? parts.modifier, tone: mark.tone });
}

/**
 * VNI-Windows text → Unicode NFC. A mark character counts as a mark only right after a vowel that
 * can take it, so "Café" or "Müller" pass through unchanged (whether the text is VNI at all is
 * detect.ts's question).
 */
function referenceDecodeVni(s: string): string {
  const out: string[] = [];
  for (const char of s) {
    const mark = MARKS.get(char);
    const previous = out.at(-1);
    const marked = mark && previous !== undefined ? applyMark(previous, mark) : null;
    if (marked) out[out.length - 1] = marked;
    else out.push(STANDALONE.get(char) ?? char);
  }
  return nfc(out.join(''));
}

function referenceRepairText(s: string): Repair {
  if (isAscii(s) || UNICODE_VIETNAMESE.test(s)) return { text: s, from: null };
  const candidates = (Object.keys(ENCODINGS) as LegacyEncoding[]).flatMap((from) => {
    const { decode, signature } = ENCODINGS[from];
    const text = decode(s);
    const gain = referenceReadingGain(s, text, signature);
    return gain === null ? [] : [{ text, from, gain }];
  });
  const [best, runnerUp] = candidates.sort((a, b) => b.gain - a.gain);
  if (!best || best.gain === runnerUp?.gain) return { text: s, from: null };
  return { text: best.text, from: best.from };
}

function referenceReadingGain(raw: string, decoded: string, signature: RegExp): number | null {
  const rawWords = raw.split(WORD_SEPARATORS);
  const decodedWords = decoded.split(WORD_SEPARATORS);
  if (rawWords.length !== decodedWords.length) return null;
  let gain = 0;
  let decodedScore = 0;
  let changed = 0;
  rawWords.forEach((rawWord, i) => {
    const decodedWord = decodedWords[i] ?? '';
    if (decodedWord === rawWord || [...rawWord].length < 2) return;
    changed++;
    decodedScore += wordScore(decodedWord);
    gain += wordScore(decodedWord) - (signature.test(rawWord) ? -1 : wordScore(rawWord));
  });
  return changed > 0 && gain >= 2 && decodedScore >= changed ? gain : null;
}

// Text as a legacy file or a Unicode cell holds it: Vietnamese in every case written as Unicode,
// as TCVN3 or as VNI, mixed with any Latin-1 byte, European letters, marks and surrogates.
const vietnamese = fc
  .oneof(fullName, lowerCaseText, vietnameseCharacters)
  .chain((s) => fc.constantFrom(s, s.toUpperCase(), s.toLowerCase()));
const pieces = fc.oneof(
  vietnamese,
  vietnamese.map(encodeTcvn3),
  vietnamese.map(encodeVni),
  fc.integer({ min: 0, max: 0xff }).map((byte) => String.fromCharCode(byte)),
  fc.constantFrom(
    ' ',
    '\n',
    "'",
    '-',
    'Café',
    'Müller',
    'niño',
    'Théâtre',
    '\u0327',
    '\u0338',
    '𝐀',
    '\ud800',
  ),
);
const mixedText = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));
const legacyText = fc.oneof(vietnamese.map(encodeTcvn3), vietnamese.map(encodeVni));

describe('decodeVni equals the previous decoder', () => {
  it('on VNI, TCVN3 and Unicode text and any Latin-1 bytes', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        expect(decodeVni(s)).toBe(referenceDecodeVni(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('repairText equals the previous repairText', () => {
  it('on encoded Vietnamese', () => {
    fc.assert(
      fc.property(legacyText, (s) => {
        expect(repairText(s)).toEqual(referenceRepairText(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('on any mix of encodings, bytes and Unicode', () => {
    fc.assert(
      fc.property(mixedText, (s) => {
        expect(repairText(s)).toEqual(referenceRepairText(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("repairText's early exit", () => {
  it('agrees with UNICODE_VIETNAMESE and the previous repairText for every character near Latin and Vietnamese', () => {
    const codes = [
      ...Array.from({ length: 0x2000 - 0x80 }, (_, i) => 0x80 + i),
      ...Array.from({ length: 0x100 }, (_, i) => 0x1e00 + i),
    ];
    for (const code of codes) {
      const s = `NguyÔn V¨n ${String.fromCharCode(code)}n`;
      expect(repairText(s)).toEqual(referenceRepairText(s));
    }
  });
});

describe('splitWords', () => {
  it('matches WORD_SEPARATORS on every code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      expect(isWordSeparator(code), code.toString(16)).toBe(WORD_SEPARATORS.test(String.fromCharCode(code)));
    }
  });

  it('splits as split(WORD_SEPARATORS) does', () => {
    const withSeparators = fc
      .array(
        fc.oneof(pieces, fc.constantFrom(' ', '  ', '\u00a0', '\u2013', '\u3000', '\ufeff', ', ', '.')),
        {
          maxLength: 12,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(withSeparators, (s) => {
        expect(splitWords(s)).toEqual(s.split(WORD_SEPARATORS));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['', ' ', 'a', ' a ', 'a  b', "H'Hen", '..a..'])
      expect(splitWords(s)).toEqual(s.split(WORD_SEPARATORS));
  });
});
