import { allMatchPatterns, findProfileForUrl } from '@edulens/shared/profiles';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { features } from '../features/index';
import { runPortal } from '../lib/content';

// Runs on every built-in profile's pages (top frame; same-origin iframes are read from here). The
// simulator's pages (`testMatch`) count only in a test build: WXT evaluates `matches` at build
// time with the `__EDULENS_TEST_BUILD__` define of wxt.config.ts.
export default defineContentScript({
  matches: allMatchPatterns(),
  runAt: 'document_idle',
  main(ctx) {
    const profile = findProfileForUrl(location.href);
    if (!profile) return;
    void runPortal(profile, features, ctx.signal).catch((error: unknown) =>
      console.error('[EduLens]', error),
    );
  },
});
