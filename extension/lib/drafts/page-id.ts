import type { PageKey } from '../page-state';

/**
 * The page key as the agent stores it: names sorted, values NFC, empty names left out (the agent
 * refuses empty values). The same grade book always maps to the same id, whatever order or
 * Unicode form (NFC/NFD Vietnamese) the page gave its context in.
 */
export function pageId(page: PageKey): string {
  return JSON.stringify(agentPageKey(page));
}

/** The page key as sent to the agent: only names that have a value, values NFC. */
export function agentPageKey(page: PageKey): Record<string, string> {
  const entries = Object.entries(page)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .map(([name, value]) => [name, value.normalize('NFC')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
