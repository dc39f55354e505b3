import type { Profile } from '@edulens/shared/profiles';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { mountRecordCountdown } from '../features/record-countdown';
import { recordFeatures } from '../features/record-features';
import { RECORD_PAGES_KEY, type StartRecordPages } from '../lib/records/loader';
import { runRecordPages } from '../lib/records/runner';

// The record features as their own script: the background injects it into the content script's
// world when a record page shows (lib/records/loader.ts); running there, it leaves its start
// function where the loader looks for it.
const start: StartRecordPages = (profile: Profile, signal: AbortSignal) =>
  runRecordPages({
    profile,
    features: recordFeatures,
    signal,
    onOverlay: (overlay, clock, portalLocked) =>
      mountRecordCountdown({ profile, overlay, clock, signal, portalLocked }),
  });

export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[RECORD_PAGES_KEY] = start;
});
