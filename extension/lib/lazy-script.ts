import { browser } from 'wxt/browser';

// A script of the extension loaded on first use (an unlisted entrypoint, web-accessible on the
// portal's pages): importing it runs it in the content script's world, where it leaves its start
// function under `key`. Keeps what every portal page pays for small; engines come when used.

export interface LazyScript<T> {
  /** Whether this page has loaded it already. */
  loaded(): boolean;
  /** Loads it once per page (again after a failed load) and answers what it left. */
  load(): Promise<T>;
}

export function lazyScript<T>(key: string, path: `/${string}.js`): LazyScript<T> {
  const slot = () => globalThis as unknown as Record<string, T | undefined>;
  let loading: Promise<T> | undefined;
  return {
    loaded: () => slot()[key] !== undefined,
    load() {
      loading ??= (async () => {
        if (slot()[key] === undefined)
          await import(
            /* @vite-ignore */ browser.runtime.getURL(path as Parameters<typeof browser.runtime.getURL>[0])
          );
        const start = slot()[key];
        if (start === undefined) throw new Error(`${path} did not load`);
        return start;
      })();
      loading.catch(() => {
        loading = undefined;
      });
      return loading;
    },
  };
}
