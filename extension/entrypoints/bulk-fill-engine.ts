import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ENGINE_KEY } from '../features/bulk-fill/engine-api';
import { startEngine } from '../features/bulk-fill/engine';

// The bulk-fill engine as its own script. The background injects it into the content script's world
// on first use (features/bulk-fill/engine-api.ts, lib/lazy-script.ts); running there, it leaves its
// start function where the content script looks for it.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[ENGINE_KEY] = startEngine;
});
