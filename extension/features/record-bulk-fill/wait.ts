// Waiting for the portal: a probe asked on every animation-free tick until it answers, the time
// runs out or the fill is cancelled. The portal's pace (page loads, save round trips) decides how
// long; the probe itself is a few selector lookups.

export class WaitTimeout extends Error {
  constructor(what: string) {
    super(`timed out waiting for ${what}`);
    this.name = 'WaitTimeout';
  }
}

export interface WaitOptions {
  what: string;
  timeoutMs: number;
  signal: AbortSignal;
  /** How often the probe is asked. */
  everyMs?: number;
}

/** Resolves with the probe's first defined answer. */
export function waitFor<T>(probe: () => T | undefined, options: WaitOptions): Promise<T> {
  const { what, timeoutMs, signal, everyMs = 15 } = options;
  return new Promise<T>((resolve, reject) => {
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new Error('aborted'));
    };
    const tick = () => {
      let answer: T | undefined;
      try {
        answer = probe();
      } catch {
        answer = undefined; // a document mid-replacement: ask again
      }
      if (answer !== undefined) {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
        return;
      }
      if (performance.now() - started > timeoutMs) {
        signal.removeEventListener('abort', onAbort);
        reject(new WaitTimeout(what));
        return;
      }
      timer = setTimeout(tick, everyMs);
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    tick();
  });
}
