import { allMatchPatterns, findProfileForUrl } from '@edulens/shared/profiles';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runPortal } from '../lib/content';
import { gradeFeatures } from '../lib/grade-features';
import { watchRecordPages } from '../lib/records/loader';
import { KEYS } from '../lib/storage-keys';
import { readItem } from '../lib/storage-lite';

// Runs on every built-in profile's pages (top frame; same-origin iframes are read from here), and on
// those of a profile added later (lib/added-profiles/content-scripts.ts registers it there). The
// simulator's pages (`testMatch`) count only in a test build: WXT evaluates `matches` at build
// time with the `__EDULENS_TEST_BUILD__` define of wxt.config.ts.
export default defineContentScript({
  matches: allMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    // Not a built-in portal: the background registered this script for a profile added later.
    const profile =
      findProfileForUrl(location.href) ??
      findProfileForUrl(location.href, await readItem(KEYS.addedProfiles), { test: false });
    if (!profile) return;
    const loadFeatures = () => gradeFeatures.load().then((start) => start(document, ctx.signal));
    void runPortal(profile, loadFeatures, ctx.signal).catch((error: unknown) =>
      console.error('[EduLens]', error),
    );
    watchRecordPages(profile, ctx.signal);
  },
});
