import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startRecordFillEngine } from '../features/record-bulk-fill/engine';
import { RECORD_ENGINE_KEY } from '../features/record-bulk-fill/engine-api';

// The record bulk-fill engine as its own script. The background injects it into the content
// script's world when the record list's panel first needs it (features/record-bulk-fill/
// engine-api.ts); running there, it leaves its start function where the panel looks for it.
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<string, unknown>)[RECORD_ENGINE_KEY] = startRecordFillEngine;
});
