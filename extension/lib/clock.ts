import { KEYS } from './storage-keys';
import { readItem, watchItem } from './storage-lite';

/**
 * The extension's notion of "now": the real clock, or a fixed instant stored under
 * `KEYS.clockOverride` (tests, demos). The content script creates one per page.
 */
export interface Clock {
  now(): number;
  /** Called when the override is set or cleared. */
  onChange(listener: () => void, signal: AbortSignal): void;
}

export async function createClock(signal: AbortSignal): Promise<Clock> {
  let fixed = await readItem(KEYS.clockOverride);
  const listeners = new Set<() => void>();
  watchItem(
    KEYS.clockOverride,
    (value) => {
      fixed = value;
      for (const listener of listeners) listener();
    },
    signal,
  );
  return {
    now: () => fixed ?? Date.now(),
    onChange(listener, listenerSignal) {
      listeners.add(listener);
      listenerSignal.addEventListener('abort', () => listeners.delete(listener), { once: true });
    },
  };
}
