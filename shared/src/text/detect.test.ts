import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding, repairText } from './detect';
import { encodeTcvn3 } from './tcvn3';
import { capitalise, fullName, lowerCaseText, syllable } from './vietnamese.arbitraries';
import { encodeVni } from './vni';

describe('detectEncoding', () => {
  it.each([
    ['Nguyễn Văn An', 'unicode'],
    ['Hòa Bình', 'unicode'],
    ['Nguye\u0302\u0303n', 'unicode'],
    ['Nguyen Van An', 'ascii'],
    ['', 'ascii'],
    ['Hµ Néi', 'tcvn3'],
    ['NguyÔn V¨n An', 'tcvn3'],
    ['Nguyeãn Vaên Tuaán', 'vni'],
    ['Ngoïc', 'vni'],
    ['Café', 'unicode'],
  ] as const)('%s → %s', (text, encoding) => {
    expect(detectEncoding(text)).toBe(encoding);
  });
});

describe('repairText', () => {
  it.each([
    ['Hµ Néi', 'Hà Nội', 'tcvn3'],
    ['Tr\u00adêng THCS Lª Quý §«n', 'Trường THCS Lê Quý Đôn', 'tcvn3'],
    ['§Æng ThÞ Thuû', 'Đặng Thị Thuỷ', 'tcvn3'],
    ['¸nh', 'ánh', 'tcvn3'],
    ["H'Hen Niª", "H'Hen Niê", 'tcvn3'],
    ["M'§r¾k", "M'Đrắk", 'tcvn3'],
    ['Nguyeãn Vaên Tuaán', 'Nguyễn Văn Tuấn', 'vni'],
    ['Tröôøng THCS Leâ Quyù Ñoân', 'Trường THCS Lê Quý Đôn', 'vni'],
    ["H'Hen Nieâ", "H'Hen Niê", 'vni'],
    ["M'Ñraék", "M'Đrắk", 'vni'],
  ] as const)('%s → %s (%s)', (legacy, unicode, from) => {
    expect(repairText(legacy)).toEqual({ text: unicode, from });
  });

  it.each([
    'Nguyễn Văn An',
    "H'Hen Niê",
    "M'Đrắk",
    'Lý Thái Tú',
    'Hòa Bình',
    'Café',
    'Müller',
    'naïve',
    '30°C',
    '½',
    '1½ giờ',
    'N/A',
    '#REF!',
    '#DIV/0!',
    '“Quoted” – dash…',
    'François Hélène Jérôme Chloé André Renée',
    'Jürgen Björn Günther Köln Straße Bär',
    'Zoë Noël Raphaël Gaël Anaïs Thaïs Benoît Søren',
    'Théâtre Château Raúl Muñoz España São Paulo',
  ])('keeps %s as it is', (text) => {
    expect(repairText(text)).toEqual({ text, from: null });
  });

  it('leaves text alone that reads as Vietnamese both ways', () => {
    // "Hồ Thị Ba" in VNI is "Hoà Thò Ba", itself good Vietnamese: nothing tells them apart.
    expect(repairText(encodeVni('Hồ Thị Ba'))).toEqual({ text: 'Hoà Thò Ba', from: null });
    // A lone French name with ï after a vowel reads like VNI's nặng mark (Ngoïc = Ngọc).
    expect(repairText('Loïc')).toEqual({ text: 'Lọc', from: 'vni' });
  });

  it('never converts Vietnamese Unicode text', () => {
    const text = fc.oneof(
      lowerCaseText,
      fullName,
      fc.array(syllable.map(capitalise), { minLength: 1 }).map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(repairText(s)).toEqual({ text: s, from: null });
      }),
    );
  });

  it('repairs TCVN3 and VNI names', () => {
    fc.assert(
      fc.property(
        fullName,
        fc.constantFrom(['tcvn3', encodeTcvn3] as const, ['vni', encodeVni] as const),
        (name, [from, encode]) => {
          expect(repairText(encode(name))).toEqual({ text: name, from });
        },
      ),
    );
  });
});
