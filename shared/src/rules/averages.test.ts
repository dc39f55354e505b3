import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanOf, type SemesterCountRules, weightedSemesterAverage, weightedYearAverage } from './averages';

const score = fc.integer({ min: 0, max: 100 });
const exactlyOne = { required: 1, extra: 'error' } as const;

describe('weightedSemesterAverage', () => {
  it('weights regular ×1, mid-term ×2, end-term ×3 over every score recorded', () => {
    const rules: SemesterCountRules = {
      tx: { required: 2, extra: 'allowed' },
      gk: { required: 1, extra: 'allowed' },
      ck: exactlyOne,
    };
    // (70 + 80 + 90 + 2·(60 + 80) + 3·90) / (3 + 2·2 + 3) = 790 / 10
    expect(weightedSemesterAverage({ tx: [70, 80, 90], gk: [60, 80], ck: [90] }, rules)).toEqual({
      average: 79,
      problems: [],
    });
  });

  it('always lies between the lowest and the highest score', () => {
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 0, maxLength: 6 }),
        fc.array(score, { minLength: 1, maxLength: 3 }),
        score,
        (tx, gk, ck) => {
          const rules: SemesterCountRules = {
            tx: { required: tx.length, extra: 'allowed' },
            gk: { required: 1, extra: 'allowed' },
            ck: exactlyOne,
          };
          const { average } = weightedSemesterAverage({ tx, gk, ck: [ck] }, rules);
          const all = [...tx, ...gk, ck];
          expect(average).not.toBeNull();
          expect(average).toBeGreaterThanOrEqual(Math.min(...all));
          expect(average).toBeLessThanOrEqual(Math.max(...all));
        },
      ),
    );
  });
});

describe('weightedYearAverage and meanOf', () => {
  it('year average lies between the two semesters', () => {
    fc.assert(
      fc.property(score, score, (semesterI, semesterII) => {
        const year = weightedYearAverage(semesterI, semesterII);
        expect(year).toBeGreaterThanOrEqual(Math.min(semesterI, semesterII));
        expect(year).toBeLessThanOrEqual(Math.max(semesterI, semesterII));
      }),
    );
  });

  it('mean lies between the lowest and the highest value', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 15 }), (values) => {
        const mean = meanOf(values);
        expect(mean).toBeGreaterThanOrEqual(Math.min(...values));
        expect(mean).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });

  it('mean of nothing is null', () => {
    expect(meanOf([])).toBeNull();
  });
});
