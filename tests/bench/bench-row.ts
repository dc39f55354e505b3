/** One line of the bench table. A case module returns its rows; run.ts adds ratio and ok. */
export interface BenchRow {
  case: string;
  figure: number;
  unit: string;
  /** The same work done by a reference implementation, measured in the same run and unit. */
  baseline?: number;
  /** Target for the figure: at most `max` (times) or at least `min` (throughput). */
  goal?: { max: number } | { min: number };
  /**
   * Target for figure ÷ baseline (e.g. "at most twice the reference", "at least a fifth of its
   * throughput"); needs `baseline`. With `goal` as well, the row meets its goal when both hold.
   */
  ratioGoal?: { max: number } | { min: number };
}

export type BenchCase = () => Promise<BenchRow[]>;

/** Median of `runs` timings of `work`, in seconds, after one untimed run that warms up the JIT. */
export async function medianSeconds(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
