// fast-check generators of Vietnamese text, for the property tests of this folder (test-only).
import fc from 'fast-check';

const TONE_MARKS = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

const ONSETS = 'b c ch d đ g gh gi h k kh l m n ng nh p ph qu r s t th tr v x'.split(' ').concat('');

// Rhymes as [vowels, final consonant]. After a stop (c ch p t) only sắc and nặng are possible.
const OPEN_RHYMES =
  'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua ui uy ưa ưi ưu iêu oai oay uôi ươi ươu yêu';
const SONORANT_RHYMES =
  'an ang anh am ăn ăng ăm ân âng âm en em ên ênh êm in inh im on ong om ôn ông ôm ơn ơm un ung um ưng iên iêng iêm yên oan oang oanh oăn uân uyên uynh uôn uông ươn ương ươm';
const STOP_RHYMES =
  'at ac ach ap ăt ăc ăp ât âc âp et ep êt êch it ich ip ot oc op ôt ôc ôp ơt ut uc up ưt ưc iêt iêc iêp yêt oat oac oach oăt uât uyêt uôt uôc ươt ươc ươp';

interface SyllablePlan {
  onset: string;
  vowels: string;
  coda: string;
  /** Index of the tone mark in TONE_MARKS, or -1 for the level tone. */
  tone: number;
}

const splitRhyme = (rhyme: string): [string, string] => {
  const vowels = /^[aăâeêioôơuưy]+/.exec(rhyme)?.[0] ?? '';
  return [vowels, rhyme.slice(vowels.length)];
};
const rhymes = (list: string, tones: number[]) =>
  fc.record({ rhyme: fc.constantFrom(...list.split(' ').map(splitRhyme)), tone: fc.constantFrom(...tones) });

/** A valid syllable's parts; the onset never clashes with the vowels (no "quu", "gii"). */
export const syllablePlan: fc.Arbitrary<SyllablePlan> = fc
  .tuple(
    fc.constantFrom(...ONSETS),
    fc.oneof(
      rhymes(OPEN_RHYMES, [-1, 0, 1, 2, 3, 4]),
      rhymes(SONORANT_RHYMES, [-1, 0, 1, 2, 3, 4]),
      rhymes(STOP_RHYMES, [0, 4]),
    ),
  )
  .filter(
    ([onset, { rhyme }]) =>
      !(onset === 'qu' && /^[uưo]/.test(rhyme[0])) && !(onset === 'gi' && /^[iy]/.test(rhyme[0])),
  )
  .map(([onset, { rhyme, tone }]) => ({ onset, vowels: rhyme[0], coda: rhyme[1], tone }));

/** The syllable with its tone on the vowel at `toneAt` (an index into `vowels`). */
export function spell({ onset, vowels, coda, tone }: SyllablePlan, toneAt: number): string {
  const marked = [...vowels].map((vowel, i) =>
    i === toneAt && tone >= 0 ? vowel + TONE_MARKS[tone] : vowel,
  );
  return `${onset}${marked.join('')}${coda}`.normalize('NFC');
}

/** A lower-case syllable, its tone on any one of its vowels (old, new or odd placement). */
export const syllable: fc.Arbitrary<string> = syllablePlan.chain((plan) =>
  fc.nat({ max: plan.vowels.length - 1 }).map((toneAt) => spell(plan, toneAt)),
);

export const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** Lower-case sentences of 1–8 syllables. */
export const lowerCaseText: fc.Arbitrary<string> = fc
  .array(syllable, { minLength: 1, maxLength: 8 })
  .map((words) => words.join(' '));

// Family and middle names whose TCVN3 and VNI forms are unmistakable (a Latin-1 symbol, or no
// syllable at all). Others read as Unicode Vietnamese just as well: TCVN3 "Vò" (Vũ), VNI "Hoà"
// (Hồ), "Thò" (Thị), so "Hồ Thị Ba" in VNI is left alone, as detect.test.ts shows.
const FAMILY_NAMES = 'Nguyễn Trần Lê Phạm Hoàng Huỳnh Đặng Bùi Đỗ Ngô Dương Trương'.split(' ');
const MIDDLE_NAMES = 'Văn Thị Hữu Đức Ngọc Xuân'.split(' ');

/** Realistic full names: family, middle and one or two given syllables, in Title or UPPER case. */
export const fullName: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...FAMILY_NAMES),
    fc.constantFrom(...MIDDLE_NAMES),
    fc.array(syllable.map(capitalise), { minLength: 1, maxLength: 2 }),
    fc.boolean(),
  )
  .map(([family, middle, given, upper]) => {
    const name = [family, middle, ...given].join(' ');
    return upper ? name.toUpperCase() : name;
  });

const VIETNAMESE_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const CHARACTERS = [
  ...`${VIETNAMESE_LETTERS}${VIETNAMESE_LETTERS.toUpperCase()}fjwzFJWZ0123456789 .,;:'"-()/`,
];

/** Any string of Vietnamese letters (either case), ASCII letters, digits, spaces and punctuation. */
export const vietnameseCharacters: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...CHARACTERS), { maxLength: 40 })
  .map((chars) => chars.join(''));
