import fc from 'fast-check';
import { hostileCase, scorePolicy } from '../../helpers/hostile-rosters';
import type { BenchCase, BenchRow } from '../bench-row';

// The bulk-fill matching policy over 10,000 generated hostile class files (same generator as the
// property test): cells planned for a student other than the row's own (must be 0), and the share
// of the files' true students that are filled without the teacher ticking anything (recall).

const CASES = 10_000;

export const matchingPolicyCase: BenchCase = async (): Promise<BenchRow[]> => {
  const cases = fc.sample(hostileCase, { numRuns: CASES, seed: 20261207 });
  const start = performance.now();
  const score = scorePolicy(cases);
  const seconds = (performance.now() - start) / 1000;
  return [
    {
      case: `bulk-fill matching, ${CASES.toLocaleString('en-US')} hostile files: cells planned for the wrong student`,
      figure: score.wrong,
      unit: 'cells',
      goal: { max: 0 },
    },
    {
      case: 'bulk-fill matching: true students filled without ticking (recall)',
      figure: (100 * score.filled) / score.present,
      unit: '%',
    },
    { case: 'bulk-fill matching: files planned per second', figure: CASES / seconds, unit: 'files/s' },
  ];
};
