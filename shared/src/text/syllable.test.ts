import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syllableFit } from './syllable';
import { syllable } from './vietnamese.arbitraries';

describe('syllableFit', () => {
  it.each([
    'người',
    'Nguyễn',
    'quý',
    'qúy',
    'già',
    'gìn',
    'hoà',
    'hòa',
    'khuỷu',
    'thuở',
    'huých',
    'xoong',
    'ĐẶNG',
  ])('%s is Vietnamese', (word) => {
    expect(syllableFit(word)).toBe('vietnamese');
  });

  it.each(['Đrắk', 'Ksor', 'Niê', 'Mlô', 'Wơn', 'Đắk'])('%s is a plausible (minority) syllable', (word) => {
    expect(syllableFit(word)).toBe('plausible');
  });

  it.each(['café', 'Müller', 'naïve', 'Néi', 'Hµ', 'ăm2', 'ñam', 'aeo', ''])('%s is no syllable', (word) => {
    expect(syllableFit(word)).toBe('none');
  });

  it.each(['hàt', 'lă', 'tiê', 'bach', 'thơch'])('%s breaks a rule of standard syllables', (word) => {
    expect(syllableFit(word)).not.toBe('vietnamese');
  });

  it('accepts every generated syllable, whatever vowel carries the tone', () => {
    fc.assert(
      fc.property(syllable, (word) => {
        expect(syllableFit(word)).toBe('vietnamese');
      }),
    );
  });
});
