import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deaccentKey, nameSimilarity, nfc, toneKey } from './normalize';
import { spell, syllablePlan } from './vietnamese.arbitraries';

describe('nfc', () => {
  it('composes decomposed letters', () => {
    expect(nfc('Nguye\u0302\u0303n')).toBe('Nguyễn');
    expect(nfc('Nguyễn')).toBe('Nguyễn');
  });
});

describe('toneKey', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuỷ', 'thủy'],
    ['khoẻ', 'khỏe'],
    ['Quý', 'qúy'],
    ['già', 'gìa'],
    ['ngoài', 'ngòai'],
    ['Nguyễn Thị Hoà', '  nguyễn   thị hòa '],
    ['Đặng Thị Thuỷ', 'ĐẶNG THỊ THỦY'],
    ['Nguye\u0302\u0303n', 'Nguyễn'],
  ])('%s and %s give the same key', (a, b) => {
    expect(toneKey(a)).toBe(toneKey(b));
  });

  it('uses the new placement: tone on the main vowel', () => {
    expect(toneKey('Hòa Thủy Khỏe')).toBe('hoà thuỷ khoẻ');
    expect(toneKey('qúy gịa')).toBe('quý giạ');
    expect(toneKey('hòang huỳnh của mía người')).toBe('hoàng huỳnh của mía người');
  });

  it('keeps names apart that differ by more than placement', () => {
    expect(toneKey('Hoà')).not.toBe(toneKey('Hoa'));
    expect(toneKey('Thủy')).not.toBe(toneKey('Thúy'));
    expect(toneKey('Vy')).not.toBe(toneKey('Vi'));
  });

  it('leaves words that are not a Vietnamese syllable alone', () => {
    expect(toneKey('Café Müller')).toBe('café müller');
    expect(toneKey("H'Hen Niê")).toBe("h'hen niê");
  });

  it('reads the look-alike Latin eth as đ', () => {
    expect(toneKey('Ðặng')).toBe(toneKey('Đặng'));
  });

  it('gives the same key wherever in the vowel group the tone was put', () => {
    fc.assert(
      fc.property(syllablePlan, (plan) => {
        const keys = new Set([...plan.vowels].map((_, i) => toneKey(spell(plan, i))));
        expect(keys.size).toBe(1);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(toneKey(toneKey(s))).toBe(toneKey(s));
      }),
    );
  });
});

describe('deaccentKey', () => {
  it('drops every diacritic and folds đ to d', () => {
    expect(deaccentKey('  Đặng Thị   Thuỷ ')).toBe('dang thi thuy');
    expect(deaccentKey('NGUYỄN VĂN ĐỨC')).toBe('nguyen van duc');
    expect(deaccentKey('Trường THCS Lê Quý Đôn')).toBe('truong thcs le quy don');
    expect(deaccentKey("M'Đrắk")).toBe("m'drak");
  });
});

describe('nameSimilarity', () => {
  it('is 1 for names that differ only in tone placement, case or spacing', () => {
    expect(nameSimilarity('Nguyễn Thị Hoà', 'nguyễn  thị hòa')).toBe(1);
  });

  it('ranks a missing accent above a different letter', () => {
    const withoutAccents = nameSimilarity('Nguyễn Văn An', 'Nguyen Van An');
    const otherName = nameSimilarity('Nguyễn Văn An', 'Nguyễn Văn Anh');
    expect(withoutAccents).toBeGreaterThan(otherName);
    expect(otherName).toBeGreaterThan(0.9);
    expect(nameSimilarity('Lan', 'Minh')).toBeLessThan(0.5);
  });

  it('is symmetric and within 0..1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const similarity = nameSimilarity(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBeCloseTo(similarity, 10);
      }),
    );
  });
});
