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

// Every character decodeVni reads as a mark or a letter of its own (all of them Latin-1 letters).
const VNI_CHARS = new RegExp(`[${[...MARKS.keys(), ...STANDALONE.keys()].join('')}]`);

// applyMark for each character and mark character met so far ('' when the mark cannot belong to
// it), keyed by both char codes: a file repeats the same few hundred pairs. Bounded, so that odd
// text cannot grow it without end.
const marked = new Map<number, string>();

function markedLetter(previous: string, markChar: string, mark: Mark): string | null {
  if (previous.length !== 1) return applyMark(previous, mark);
  const key = previous.charCodeAt(0) * 0x100 + markChar.charCodeAt(0);
  let letter = marked.get(key);
  if (letter === undefined) {
    if (marked.size >= 10_000) marked.clear();
    letter = applyMark(previous, mark) ?? '';
    marked.set(key, letter);
  }
  return letter === '' ? null : letter;
}

/**
 * VNI-Windows text → Unicode NFC. A mark character counts as a mark only right after a vowel that
 * can take it, so "Café" or "Müller" pass through unchanged (whether the text is VNI at all is
 * detect.ts's question).
 */
export function decodeVni(s: string): string {
  if (!VNI_CHARS.test(s)) return nfc(s);
  // Only characters from U+00C0 to U+00FF can change: the runs between them are copied as they
  // are. `pending` is the last decoded letter, not yet added to `out` as a mark may still change it;
  // the text from `copied` on follows it.
  let out = '';
  let pending = '';
  let copied = 0;
  let beyondLatin = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0xc0 || code > 0xff) {
      if (code >= 0x300) beyondLatin = true;
      continue;
    }
    const char = s.charAt(i);
    const mark = MARKS.get(char);
    if (mark && i > 0) {
      const previous = i === copied ? pending : s.charAt(i - 1);
      const letter = markedLetter(previous, char, mark);
      if (letter) {
        if (i > copied) out += pending + s.slice(copied, i - 1);
        pending = letter;
        copied = i + 1;
        continue;
      }
    }
    const standalone = STANDALONE.get(char);
    if (standalone === undefined) continue;
    out += pending + s.slice(copied, i);
    pending = standalone;
    copied = i + 1;
  }
  const decoded = out + pending + s.slice(copied);
  // The letters are in NFC and nothing below U+0300 combines with them or reorders (as in
  // decodeTcvn3): only text with a character from U+0300 on can need normalising.
  return beyondLatin ? nfc(decoded) : decoded;
}

/** Unicode → VNI-Windows characters. */
export function encodeVni(s: string): string {
  return [...nfc(s)].map(encodeLetter).join('');
}

function encodeLetter(char: string): string {
  const parts = letterParts(char);
  if (!parts) return char;
  const { base, modifier, tone } = parts;
  const lower = base.toLowerCase();
  const cased = (vniChar: string): string => (base === lower ? vniChar : vniChar.toUpperCase());
  const toneChar = tone ? cased(TONE_CHARS[tone]) : '';
  if (lower === 'đ') return cased(D_STROKE_CHAR);
  if (!isVowel(lower)) return char;
  if (lower === 'i' && tone) return cased(TONED_I_CHARS[tone]);
  if (lower === 'y' && tone === 'dot') return cased(Y_DOT_CHAR);
  switch (modifier) {
    case 'horn':
      return cased(lower === 'o' ? O_HORN_CHAR : U_HORN_CHAR) + toneChar;
    case 'circumflex':
      return base + cased(CIRCUMFLEX_CHARS[tone ?? 'level']);
    case 'breve':
      return base + cased(BREVE_CHARS[tone ?? 'level']);
    default:
      return base + toneChar;
  }
}
