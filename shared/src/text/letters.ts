// Vietnamese letters taken apart: a base letter, at most one vowel modifier (â ă ơ …) and at most
// one tone. Shared by the keys, the legacy encoders and the syllable validator.

export type Tone = 'acute' | 'grave' | 'hook' | 'tilde' | 'dot';
export type Modifier = 'circumflex' | 'breve' | 'horn';

export const TONES: readonly Tone[] = ['acute', 'grave', 'hook', 'tilde', 'dot'];
const MODIFIERS: readonly Modifier[] = ['circumflex', 'breve', 'horn'];

// The combining marks Unicode decomposes Vietnamese letters into (NFD).
const MARK_BY_TONE: Readonly<Record<Tone, string>> = {
  acute: '\u0301', // sắc
  grave: '\u0300', // huyền
  hook: '\u0309', // hỏi
  tilde: '\u0303', // ngã
  dot: '\u0323', // nặng
};
const MARK_BY_MODIFIER: Readonly<Record<Modifier, string>> = {
  circumflex: '\u0302',
  breve: '\u0306',
  horn: '\u031b',
};
const TONE_BY_MARK = new Map(Object.entries(MARK_BY_TONE).map(([tone, mark]) => [mark, tone as Tone]));
const MODIFIER_BY_MARK = new Map(
  Object.entries(MARK_BY_MODIFIER).map(([modifier, mark]) => [mark, modifier as Modifier]),
);
// Vietnamese puts a circumflex only on a e o, a breve only on a, a horn only on o u.
const BASES_BY_MODIFIER: Readonly<Record<Modifier, string>> = { circumflex: 'aeo', breve: 'a', horn: 'ou' };

export function canTakeModifier(base: string, modifier: Modifier): boolean {
  return base.length === 1 && BASES_BY_MODIFIER[modifier].includes(base.toLowerCase());
}

/** The twelve vowel letters without tone. */
export const VOWELS = 'aăâeêioôơuưy';
export const MODIFIED_VOWELS = 'ăâêôơư';

export interface LetterParts {
  /** One code point: a Latin letter, đ/Đ, or whatever else the character was. */
  base: string;
  modifier: Modifier | null;
  tone: Tone | null;
}

// Every Vietnamese letter in both cases, taken apart once: syllable checks over whole sheets then
// need no normalisation per character.
const KNOWN_LETTERS: ReadonlyMap<string, LetterParts> = new Map(
  [...'abcdefghijklmnopqrstuvwxyzđ'].flatMap((lower) =>
    [lower, lower.toUpperCase()].flatMap((base) => {
      const modifiers = [null, ...MODIFIERS.filter((modifier) => canTakeModifier(base, modifier))];
      const tones = isVowel(lower) ? [null, ...TONES] : [null];
      return modifiers.flatMap((modifier) =>
        tones.map((tone): [string, LetterParts] => [
          composeLetter({ base, modifier, tone }),
          { base, modifier, tone },
        ]),
      );
    }),
  ),
);

/** Splits one character; null when it carries a mark Vietnamese letters never have (ü, ç, å). */
export function letterParts(char: string): LetterParts | null {
  return KNOWN_LETTERS.get(char) ?? decomposeLetter(char);
}

function decomposeLetter(char: string): LetterParts | null {
  const [base = '', ...marks] = char.normalize('NFD');
  let modifier: Modifier | null = null;
  let tone: Tone | null = null;
  for (const mark of marks) {
    const markTone = TONE_BY_MARK.get(mark);
    const markModifier = MODIFIER_BY_MARK.get(mark);
    if (markTone && !tone) tone = markTone;
    else if (markModifier && !modifier && canTakeModifier(base, markModifier)) modifier = markModifier;
    else return null;
  }
  return { base, modifier, tone };
}

export function composeLetter({ base, modifier, tone }: LetterParts): string {
  const modifierMark = modifier ? MARK_BY_MODIFIER[modifier] : '';
  const toneMark = tone ? MARK_BY_TONE[tone] : '';
  return `${base}${modifierMark}${toneMark}`.normalize('NFC');
}

/** A letter written without tone (ê) with `tone` added (ế). */
export function withTone(letter: string, tone: Tone): string {
  return `${letter}${MARK_BY_TONE[tone]}`.normalize('NFC');
}

export function isVowel(letter: string): boolean {
  return letter.length === 1 && VOWELS.includes(letter);
}

export interface Syllable {
  /** Lower-case letters without their tone, one entry per letter. */
  letters: string[];
  /** Letters [0, nucleusStart) are the onset, [nucleusStart, codaStart) the vowels, the rest the coda. */
  nucleusStart: number;
  codaStart: number;
  tone: Tone | null;
  /** Index in `letters` of the letter that carried the tone, -1 without tone. */
  tonedAt: number;
}

/**
 * Reads one lower-case word as consonants + one run of vowels + consonants. The u of "qu" and the i
 * of "gi" before another vowel belong to the onset (quý, già). Null for anything else: a second
 * vowel group (café), two tones, letters with foreign marks, digits.
 */
export function parseSyllable(word: string): Syllable | null {
  const letters: string[] = [];
  let tone: Tone | null = null;
  let tonedAt = -1;
  for (const char of word) {
    const parts = letterParts(char);
    if (!parts || !/^[a-zđ]$/.test(parts.base)) return null;
    if (parts.tone) {
      if (tone) return null;
      tone = parts.tone;
      tonedAt = letters.length;
    }
    letters.push(parts.tone ? composeLetter({ ...parts, tone: null }) : char);
  }
  let nucleusStart = letters.findIndex(isVowel);
  if (nucleusStart < 0) return null;
  const onset = letters.slice(0, nucleusStart).join('');
  const glide = letters[nucleusStart];
  if (
    ((onset === 'q' && glide === 'u') || (onset === 'g' && glide === 'i')) &&
    isVowel(letters[nucleusStart + 1] ?? '')
  ) {
    nucleusStart++;
  }
  let codaStart = nucleusStart;
  while (codaStart < letters.length && isVowel(letters[codaStart] ?? '')) codaStart++;
  if (letters.slice(codaStart).some(isVowel)) return null;
  return { letters, nucleusStart, codaStart, tone, tonedAt };
}
