import type { Profile } from '@edulens/shared/profiles';
import { lazyScript } from '../lazy-script';
import { detectorHolds, pageScopes } from '../portal/locate';

// The content script's whole part in record pages: notice that one shows (a student list, a
// record form in a window's frame), then load the record features' own script once and start it.
// Everything else lives in that script, so portal pages without records pay nothing for them.

/** Where the record-pages script (built from entrypoints/record-pages.ts) leaves its start function. */
export const RECORD_PAGES_KEY = '__edulensRecordPages';

export type StartRecordPages = (profile: Profile, signal: AbortSignal) => Promise<void>;

const recordPages = lazyScript<StartRecordPages>(RECORD_PAGES_KEY, '/record-pages.js');

const CHECK_MS = 1500;

/** Starts the record features once a record page of the profile shows. */
export function watchRecordPages(profile: Profile, signal: AbortSignal, doc: Document = document): void {
  const pages = profile.pages.filter((page) => page.kind === 'record-form' || page.kind === 'record-list');
  if (pages.length === 0) return;
  const shows = () =>
    pages.some((page) => (pageScopes(page, doc) ?? []).some((scope) => detectorHolds(page.when, scope.root)));
  const check = () => {
    if (signal.aborted || !shows()) return;
    clearInterval(timer);
    recordPages
      .load()
      .then((start) => start(profile, signal))
      .catch((error: unknown) => console.error('[EduLens] record pages', error));
  };
  const timer = setInterval(check, CHECK_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  check();
}
