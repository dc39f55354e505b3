import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideLegacyText, decodeLegacy, readText, type TextPiece } from './legacy-decision';
import { encodeTcvn3 } from './tcvn3';
import { fullName, lowerCaseText } from './vietnamese.arbitraries';
import { encodeVni } from './vni';

const inColumn = (texts: string[], column = 'C', sheet = 'Lớp 6A'): TextPiece[] =>
  texts.map((text) => ({ text, column: `${sheet}\u0000${column}`, sheet }));

const FOREIGN = [
  'François Hélène Jérôme Chloé André Renée',
  'Château Théâtre déjà là-bas',
  'Müller Jürgen Köln Straße für über',
  'Muñoz España niño señor mañana',
  'Zoë Noël Raphaël naïve',
];
const TECHNICAL = [
  '5µm',
  '25 µg',
  '30°C',
  '© 2024',
  '®',
  '±0,5',
  '½',
  '1½ giờ',
  'lan.nguyen@trường.vn',
  'hiệu.trưởng@école.fr',
  'https://thcs-lequydon.edu.vn/tài-liệu?ngày=1',
  'www.école.fr/inscription',
];

const hasLoneSign = (text: string): boolean => text.split(' ').some((word) => [...word].length === 1);

describe('decideLegacyText', () => {
  it('a cell in a legacy font is legacy text even where it also reads as valid Unicode', () => {
    // "Ghi chú" and "chú ý" typed in .VnTime are stored as "Ghi chó" and "chó ý": good Vietnamese too.
    expect(encodeTcvn3('Ghi chú')).toBe('Ghi chó');
    expect(readText('Ghi chó').kind).toBe('ambiguous');
    const decisions = decideLegacyText([
      { text: 'Ghi chó', column: 'K', sheet: 'S', font: 'tcvn3' },
      { text: 'chó ý', column: 'K', sheet: 'S', font: 'tcvn3' },
      { text: encodeVni('Hồ Thị Ba'), column: 'C', sheet: 'S', font: 'vni' },
    ]);
    expect(decisions).toEqual([
      { text: 'Ghi chú', from: 'tcvn3', by: 'font' },
      { text: 'chú ý', from: 'tcvn3', by: 'font' },
      { text: 'Hồ Thị Ba', from: 'vni', by: 'font' },
    ]);
  });

  it('a cell in a legacy font that holds letters only Unicode has stays Unicode', () => {
    expect(decideLegacyText([{ text: 'Ghi chú ở đây', column: 'K', sheet: 'S', font: 'tcvn3' }])).toEqual([
      { text: 'Ghi chú ở đây', from: null, by: 'text' },
    ]);
  });

  it('without a legacy font, a cell that reads both ways follows the majority of its column', () => {
    const legacyColumn = inColumn(['Ghi chó', ...['Nguyễn Văn An', 'Trần Thị Bích'].map(encodeTcvn3)]);
    expect(decideLegacyText(legacyColumn)[0]).toEqual({ text: 'Ghi chú', from: 'tcvn3', by: 'context' });
    const unicodeColumn = inColumn(['Ghi chó', 'Nguyễn Văn An', 'Trần Thị Bích', encodeTcvn3('Lê Văn Tám')]);
    expect(decideLegacyText(unicodeColumn)[0]).toEqual({ text: 'Ghi chó', from: null, by: 'context' });
  });

  it('a cell that reads both ways follows its sheet when its column is undecided, then the workbook', () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bích'].map(encodeTcvn3);
    const bySheet = [...inColumn(['chó ý'], 'K'), ...inColumn(names, 'C')];
    expect(decideLegacyText(bySheet)[0]).toEqual({ text: 'chú ý', from: 'tcvn3', by: 'context' });
    const byWorkbook = [...inColumn(['chó ý'], 'K', 'Ghi chú'), ...inColumn(names, 'C', 'Lớp 6A')];
    expect(decideLegacyText(byWorkbook)[0]).toEqual({ text: 'chú ý', from: 'tcvn3', by: 'context' });
    // With nothing decided anywhere the text stays as it is.
    expect(decideLegacyText(inColumn(['chó ý']))[0]).toEqual({ text: 'chó ý', from: null, by: 'text' });
  });

  it('text in other languages is never converted, in a legacy font or among legacy cells', () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Tám'].map(encodeTcvn3);
    for (const text of FOREIGN) {
      expect(decideLegacyText([...inColumn([text]), ...inColumn(names)])[0]?.text).toBe(text);
      for (const font of ['tcvn3', 'vni'] as const) {
        expect(decideLegacyText([{ text, column: 'C', sheet: 'S', font }])[0]?.text).toBe(text);
      }
    }
  });

  it('units, signs, e-mail addresses and URLs are never converted', () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Tám'].map(encodeTcvn3);
    for (const text of TECHNICAL) {
      expect(decideLegacyText([...inColumn([text]), ...inColumn(names)])[0]?.text).toBe(text);
      // In a legacy font a lone sign was drawn as a letter (µ as à): only the rest is kept.
      if (!hasLoneSign(text)) {
        expect(decideLegacyText([{ text, column: 'C', sheet: 'S', font: 'tcvn3' }])[0]?.text).toBe(text);
      }
    }
    // Only the words of a legacy cell are decoded; its address stays.
    expect(decodeLegacy(`${encodeTcvn3('Liên hệ')} lan.nguyen@école.fr`, 'tcvn3')).toBe(
      'Liên hệ lan.nguyen@école.fr',
    );
  });

  it('any Unicode text in a legacy-font cell round-trips through the legacy encoding and back', () => {
    fc.assert(
      fc.property(
        fc.oneof(lowerCaseText, fullName),
        fc.constantFrom(['tcvn3', encodeTcvn3] as const, ['vni', encodeVni] as const),
        (text, [font, encode]) => {
          const [decision] = decideLegacyText([{ text: encode(text), column: 'C', sheet: 'S', font }]);
          expect(decision?.text).toBe(text);
        },
      ),
    );
  });

  it('foreign words, e-mail addresses and URLs are never changed, whatever the font or column', () => {
    const foreignWord = fc.constantFrom(...FOREIGN.flatMap((line) => line.split(' ')));
    const technical = fc.oneof(
      fc.emailAddress(),
      fc.webUrl(),
      fc.constantFrom(...TECHNICAL.filter((text) => !hasLoneSign(text))),
    );
    const names = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Tám'].map(encodeTcvn3);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(foreignWord, technical), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<('tcvn3' | 'vni' | undefined)[]>('tcvn3', 'vni', undefined),
        (words, font) => {
          const text = words.join(' ');
          const piece: TextPiece = { text, column: 'C', sheet: 'S', ...(font ? { font } : {}) };
          const pieces = [piece, ...names.map((name) => ({ text: name, column: 'C', sheet: 'S' }))];
          expect(decideLegacyText(pieces)[0]?.text).toBe(text);
        },
      ),
    );
  });
});
