import { browser } from 'wxt/browser';
import type { ItemDef } from './storage-keys';

// Reading and watching storage items from the content script without WXT's storage wrapper.

function split(key: ItemDef<unknown>['key']): { area: 'local' | 'session'; name: string } {
  const [area, ...rest] = key.split(':');
  return { area: area as 'local' | 'session', name: rest.join(':') };
}

export async function readItem<T>(item: ItemDef<T>): Promise<T> {
  const { area, name } = split(item.key);
  const got = (await browser.storage[area].get(name)) as Record<string, unknown>;
  const value = got[name];
  return value === undefined || value === null ? item.fallback : (value as T);
}

export async function writeItem<T>(item: ItemDef<T>, value: T): Promise<void> {
  const { area, name } = split(item.key);
  await browser.storage[area].set({ [name]: value });
}

/** Calls `listener` with the new value whenever the item changes; stops on abort. */
export function watchItem<T>(item: ItemDef<T>, listener: (value: T) => void, signal: AbortSignal): void {
  const { area, name } = split(item.key);
  const onChanged = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
    if (changedArea !== area || !(name in changes)) return;
    const value = changes[name]?.newValue;
    listener(value === undefined || value === null ? item.fallback : (value as T));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
