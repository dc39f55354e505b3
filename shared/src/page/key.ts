/**
 * Which page a draft or a problem belongs to: the parts its profile declares (for a grade book
 * school, schoolYear, class, subject, term…), each a string read from the page. Parts the page did
 * not show may be empty; they are left out of the canonical form.
 */
export type PageKey = Readonly<Record<string, string>>;

/**
 * The page key as the agent takes and stores it: only parts with a value, values NFC, names sorted.
 * The same page maps to the same key whatever order or Unicode form (NFC/NFD Vietnamese) a client
 * gave its parts in.
 */
export function canonicalPageParts(page: PageKey): Record<string, string> {
  const entries = Object.entries(page)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .map(([name, value]) => [name, value.normalize('NFC')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** One string per page (JSON of `canonicalPageParts`): the id drafts are stored under. */
export function canonicalPageKey(page: PageKey): string {
  return JSON.stringify(canonicalPageParts(page));
}
