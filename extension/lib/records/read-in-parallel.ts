import { inputLimits } from '@edulens/shared/limits';

// Record form documents are read from the portal a few at a time (`inputLimits.parallelReads`):
// the portal is the school's, not ours to load. One pace for every background read of records.

/** Runs `work` on each item, at most `parallelReads` at once; stops taking items once `signal` aborts. */
export async function readInParallel<T>(
  items: Iterable<T>,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined && !signal.aborted; next = queue.shift())
      await work(next);
  };
  await Promise.all(Array.from({ length: inputLimits.parallelReads }, worker));
}
