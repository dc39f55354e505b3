import { sendToBackground } from './messages';
import type { OnDemandScript } from './on-demand-scripts';

// A script of the extension loaded on first use (an unlisted entrypoint): the background injects
// it into this frame's content-script world, where it leaves its start function under `key`.
// Keeps what every portal page pays for small; engines come when used.

export interface LazyScript<T> {
  /** Whether this page has loaded it already. */
  loaded(): boolean;
  /** Loads it once per page (again after a failed load) and answers what it left. */
  load(): Promise<T>;
}

export function lazyScript<T>(key: string, script: OnDemandScript): LazyScript<T> {
  const slot = () => globalThis as unknown as Record<string, T | undefined>;
  let loading: Promise<T> | undefined;
  return {
    loaded: () => slot()[key] !== undefined,
    load() {
      loading ??= (async () => {
        if (slot()[key] === undefined) await sendToBackground('scripts.inject', { script });
        const start = slot()[key];
        if (start === undefined) throw new Error(`${script} did not load`);
        return start;
      })();
      loading.catch(() => {
        loading = undefined;
      });
      return loading;
    },
  };
}
