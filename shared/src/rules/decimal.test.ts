import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfUp, formatTenths, parseTenths } from './decimal';

describe('parseTenths', () => {
  it.each([
    // Numbers as Excel hands them over.
    [8, 80],
    [8.3, 83],
    [8.5, 85],
    [0, 0],
    [10, 100],
    [-0, 0],
    [-1.5, -15],
    [8.299999999999999, 83], // a formula's float noise beyond Excel's 15 digits
    [0.1 + 0.2, 3],
    // Text as typed or pasted.
    ['8', 80],
    ['8.5', 85],
    ['8,5', 85],
    [' 7 ', 70],
    ['\u00a09,0\t', 90],
    ['8.50', 85],
    ['8.', 80],
    ['.5', 5],
    [',5', 5],
    ['+7', 70],
    ['-1', -10],
    ['007', 70],
  ])('%j → %i tenths', (raw, tenths) => {
    expect(parseTenths(raw)).toEqual({ value: tenths });
  });

  it.each([8.25, 6.45, 1e-7, '8.25', '8,25', '8.05', '0.01'])('%j has more than one decimal', (raw) => {
    expect(parseTenths(raw)).toEqual({ error: 'decimals' });
  });

  it.each([
    'abc',
    '8.5.1',
    '8,5,1',
    '1 000',
    '.',
    ',',
    '-',
    '8a',
    '99999999999999999',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e15,
    true,
    {},
    [8],
  ])('%j is not a number', (raw) => {
    expect(parseTenths(raw)).toEqual({ error: 'format' });
  });

  it.each([null, undefined, '', '   ', '\u00a0'])('%j is blank', (raw) => {
    expect(parseTenths(raw)).toBeNull();
  });

  /** A number read as Excel shows it: its 15 significant digits, parsed as typed text. */
  const asShown = (value: number) => {
    if (!Number.isFinite(value)) return { error: 'format' };
    const text = value.toPrecision(15);
    if (text.includes('e')) return { error: Math.abs(value) < 1 ? 'decimals' : 'format' };
    return parseTenths(text);
  };

  it('reads any number as its 15 significant digits read as text', () => {
    // Exact tenths and their float neighbours, as formulas leave them (8.299999999999999).
    const nearTenths = fc
      .tuple(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: -4, max: 4 }))
      .map(([tenths, ulps]) => (tenths / 10) * (1 + ulps * 2 ** -53));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          nearTenths,
          fc.integer().map((n) => n / 10),
        ),
        (value) => {
          expect(parseTenths(value)).toEqual(asShown(value));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('divideHalfUp', () => {
  it.each([
    [165, 2, 83], // 8.25 → 8.3
    [129, 2, 65], // 6.45 → 6.5
    [645, 10, 65], // 6.45 → 6.5
    [644_999, 10_000, 64], // 6.44999 → 6.4
    [645_001, 10_000, 65],
    [-165, 2, -83], // half away from zero
    [0, 7, 0],
    [1, 3, 0],
    [2, 3, 1],
    [670, 8, 84],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 1],
    [Number.MAX_SAFE_INTEGER, 2, 4_503_599_627_370_496],
  ])('%i / %i → %i', (numerator, denominator, expected) => {
    expect(divideHalfUp(numerator, denominator)).toBe(expected);
  });

  it.each([
    [1, 0],
    [1, -2],
    [1.5, 2],
    [1, 2.5],
    [2 ** 53, 3],
    [Number.NaN, 1],
  ])('%d / %d throws', (numerator, denominator) => {
    expect(() => divideHalfUp(numerator, denominator)).toThrow(RangeError);
  });

  /** floor(|n|/d + ½) with the sign of n, in exact BigInt arithmetic. */
  const reference = (numerator: number, denominator: number): number => {
    const magnitude = (2n * BigInt(Math.abs(numerator)) + BigInt(denominator)) / (2n * BigInt(denominator));
    return Number(numerator < 0 ? -magnitude : magnitude);
  };

  it('agrees with an exact BigInt reference over the whole safe range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        (numerator, denominator) => {
          expect(divideHalfUp(numerator, denominator)).toBe(reference(numerator, denominator));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees with the reference on grade-book sizes, where exact halves are common', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: 1, max: 24 }),
        (numerator, denominator) => {
          expect(divideHalfUp(numerator, denominator)).toBe(reference(numerator, denominator));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatTenths', () => {
  it.each([
    [83, 'en', '8.3'],
    [83, 'vi', '8,3'],
    [80, 'en', '8.0'],
    [0, 'en', '0.0'],
    [100, 'vi', '10,0'],
    [5, 'en', '0.5'],
    [-5, 'en', '-0.5'],
    [-83, 'vi', '-8,3'],
  ] as const)('%i in %s → %s', (tenths, lang, text) => {
    expect(formatTenths(tenths, lang)).toBe(text);
  });

  it('uses a decimal point by default', () => {
    expect(formatTenths(83)).toBe('8.3');
  });

  it('round-trips through parseTenths in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom('en' as const, 'vi' as const),
        (tenths, lang) => {
          expect(parseTenths(formatTenths(tenths, lang))).toEqual({ value: tenths });
        },
      ),
    );
  });

  it('reads back every one-decimal float exactly (t / 10 → t)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (tenths) => {
        expect(parseTenths(tenths / 10)).toEqual({ value: tenths });
      }),
    );
  });
});
