import type { FeatureContext } from '../../lib/feature';
import { lazyScript } from '../../lib/lazy-script';

// The seam between the small part of bulk fill that lives in the content script (panel, paste
// and file inputs) and the engine (sheet reading, matching, preview, fill, undo, re-check),
// which is built as its own script and injected on first use, so the content script every
// portal page pays for stays small.

/** Where the engine's script leaves its start function (in the content script's own world). */
export const ENGINE_KEY = '__edulensBulkFillEngine';

export interface EngineDeps {
  ctx: FeatureContext;
  /** The feature's overlay section (dialogs go in here), its status line and its result area. */
  section: HTMLElement;
  status: HTMLElement;
  result: HTMLElement;
  /** The content script's perf recorder (tests and the bench read its samples). */
  recordPerf(name: string, ms: number): void;
}

export interface BulkFillEngine {
  /** Text pasted or typed: opens the preview; false (and a message) when it holds no students. */
  fromText(text: string): boolean;
  fromFile(file: File): Promise<void>;
}

export type StartEngine = (deps: EngineDeps) => Promise<BulkFillEngine>;

/** The engine's script, built from entrypoints/bulk-fill-engine.ts and loaded once per page. */
export const bulkFillEngine = lazyScript<StartEngine>(ENGINE_KEY, '/bulk-fill-engine.js');
