import { readFile } from 'node:fs/promises';

// The files a simulator serves to its pages, read on first use and kept. Scripts shared by
// every simulator live once under common/client/ and are served beside each one's own files.

/** React-style controlled inputs (client/controlled-input.js): load it before the page's own script. */
export const CONTROLLED_INPUT_SCRIPT = 'controlled-input.js';

const SHARED: Readonly<Record<string, URL>> = {
  [CONTROLLED_INPUT_SCRIPT]: new URL(`client/${CONTROLLED_INPUT_SCRIPT}`, import.meta.url),
};

/**
 * A simulator's client files by name — its own, from `ownFolder`, and the shared scripts — or
 * undefined for a name it does not serve.
 */
export function clientFiles(
  ownFolder: URL,
  ownNames: readonly string[],
): (name: string) => Promise<string> | undefined {
  const urls = new Map<string, URL>(Object.entries(SHARED));
  for (const name of ownNames) urls.set(name, new URL(name, ownFolder));
  const cache = new Map<string, Promise<string>>();
  return (name) => {
    const url = urls.get(name);
    if (!url) return undefined;
    let source = cache.get(name);
    if (!source) cache.set(name, (source = readFile(url, 'utf8')));
    return source;
  };
}
