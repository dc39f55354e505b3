import { DAY_MS } from './config';
import type { Logger } from './logger';
import { diskProblem } from './store/disk-errors';
import type { Store } from './store/store';

/** Retention: drafts untouched for `draftRetentionMs` (default a school year) go, with expired codes and tokens. */
export function purgeExpired(
  store: Store,
  draftRetentionMs: number,
  now: number,
): { drafts: number; pairing: number } {
  return store.db.transaction(() => ({
    drafts: store.drafts.purgeSavedBefore(now - draftRetentionMs),
    pairing: store.pairing.purgeExpired(now),
  }))();
}

/** Purges once now and then daily for as long as the agent runs; returns the function that stops it. */
export function scheduleHousekeeping(
  store: Store,
  draftRetentionMs: number,
  now: () => number,
  logger: Logger,
): () => void {
  const run = () => {
    try {
      const removed = purgeExpired(store, draftRetentionMs, now());
      if (removed.drafts + removed.pairing > 0) logger.info({ removed }, 'retention purge');
    } catch (error) {
      // A full disk must not stop the agent: the purge is tried again tomorrow.
      const problem = diskProblem(error, store.directory);
      if (!problem) throw error;
      logger.warn({ cause: problem.code }, 'retention purge skipped: the disk refused the write');
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
