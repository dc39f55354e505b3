import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileCase, scorePolicy } from '../helpers/hostile-rosters';

// The bulk-fill policy's promise, over generated hostile files: never a score planned for a
// student other than the file row's own (0 wrong), whatever the file does; and most students of an
// honest file still filled (the recall `npm run bench` reports).

const RUNS = 10_000;

describe('bulk fill never plans a cell for the wrong student', () => {
  it(`holds over ${RUNS.toLocaleString('en-US')} hostile class files`, () => {
    let total = { cases: 0, wrong: 0, filled: 0, present: 0 };
    fc.assert(
      fc.property(hostileCase, (c) => {
        const score = scorePolicy([c]);
        total = {
          cases: total.cases + 1,
          wrong: total.wrong + score.wrong,
          filled: total.filled + score.filled,
          present: total.present + score.present,
        };
        expect(score.wrong).toBe(0);
      }),
      { numRuns: RUNS, seed: 20261207 },
    );
    expect(total.cases).toBe(RUNS);
    expect(total.wrong).toBe(0);
    // Not a vacuous pass: the honest part of the files is filled.
    expect(total.filled / total.present).toBeGreaterThan(0.6);
  }, 300_000);
});
