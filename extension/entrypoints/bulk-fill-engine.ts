import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ENGINE_KEY } from '../features/bulk-fill/engine-api';
import { startEngine } from '../features/bulk-fill/engine';

// The bulk-fill engine as its own web-accessible script. The content script imports it on first
// use (features/bulk-fill/engine-api.ts); running in the content script's world, it leaves its
// start function where the content script looks for it.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[ENGINE_KEY] = startEngine;
});
