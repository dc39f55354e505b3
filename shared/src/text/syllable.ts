import { isVowel, parseSyllable, type Syllable } from './letters';

// A compact model of the Vietnamese written syllable (onset, vowel group, final consonant, tone),
// used to judge which reading of a legacy-encoded text is real Vietnamese.

const words = (list: string): string[] => list.split(' ');

const ONSETS = new Set(['', ...words('b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x')]);
// Vowel groups that end in a glide (mai, cau, mía, của, người…) take no final consonant.
const OPEN_NUCLEI = new Set(
  words(
    'ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu iêu oai oao oay oeo uây uôi uya uyu ươi ươu yêu',
  ),
);
// These never end a standard syllable (ăn, cân, tiên, muốn, người, khuyên, xoong).
const CLOSED_NUCLEI = new Set(words('ă â oă uâ iê yê uô ươ uyê oo'));
const NUCLEI = new Set([...OPEN_NUCLEI, ...CLOSED_NUCLEI, ...words('a e ê i o ô ơ u ư y oa oe uê uy')]);
const CODAS = new Set(['', ...words('c ch m n ng nh p t')]);
const STOPS = new Set(words('c ch p t'));
// ch and nh follow only front vowels: sách, ếch, tinh, hoạch, huỳnh.
const BEFORE_CH_NH = new Set(words('a ê i y oa uê uy'));

// Minority names (Đắk Lắk, Ksor, H'Hen Niê, Mlô, Kpă, Y Wơn) stretch the edges of the syllable:
// consonant clusters with f j w z, finals k l r s h, and vowel groups left open.
const LOOSE_ONSET = /^[bcdđfghjklmnpqrstvwxz]{0,3}$/;
const LOOSE_CODA = /^(?:[chklmnprst]|ch|ng|nh)?$/;

export type SyllableFit = 'vietnamese' | 'plausible' | 'none';

/** How well one word (any case, no spaces) fits the Vietnamese syllable. */
export function syllableFit(word: string): SyllableFit {
  const syllable = parseSyllable(word.normalize('NFC').toLowerCase());
  if (!syllable) return 'none';
  const { letters, nucleusStart, codaStart, tone, tonedAt } = syllable;
  // The tone sits on a vowel, which includes the u of qu and i of gi (qúy, gịa are only misplaced).
  if (tone && !isVowel(letters[tonedAt] ?? '')) return 'none';
  const onset = letters.slice(0, nucleusStart).join('');
  const nucleus = letters.slice(nucleusStart, codaStart).join('');
  const coda = letters.slice(codaStart).join('');
  if (!NUCLEI.has(nucleus)) return 'none';
  if (ONSETS.has(onset) && CODAS.has(coda) && fitsRhyme(nucleus, coda, syllable)) return 'vietnamese';
  return LOOSE_ONSET.test(onset) && LOOSE_CODA.test(coda) ? 'plausible' : 'none';
}

function fitsRhyme(nucleus: string, coda: string, { tone }: Syllable): boolean {
  if (coda === '' ? CLOSED_NUCLEI.has(nucleus) : OPEN_NUCLEI.has(nucleus)) return false;
  if ((coda === 'ch' || coda === 'nh') && !BEFORE_CH_NH.has(nucleus)) return false;
  // A final c, ch, p, t stops the voice: only the sắc and nặng tones fit (các, học, đẹp, mặt).
  if (STOPS.has(coda)) return tone === 'acute' || tone === 'dot';
  return true;
}
