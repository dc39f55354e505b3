import { browser } from 'wxt/browser';
import type { FeatureContext } from '../../lib/feature';

// The seam between the small part of bulk fill that lives in the content script (panel, paste
// and file inputs) and the engine (sheet reading, matching, preview, fill, undo, re-check),
// which is built as its own web-accessible script and loaded on first use, so the content
// script every portal page pays for stays small.

/** Where the engine's script leaves its start function (in the content script's own world). */
export const ENGINE_KEY = '__edulensBulkFillEngine';
/** The engine's script, built from entrypoints/bulk-fill-engine.ts. */
export const ENGINE_PATH = '/bulk-fill-engine.js';

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

let loading: Promise<StartEngine> | undefined;

const slot = () => globalThis as unknown as Record<string, StartEngine | undefined>;

/** Whether this page has loaded the engine already: a fill may go on across the grid's re-renders. */
export function engineLoaded(): boolean {
  return slot()[ENGINE_KEY] !== undefined;
}

/** Loads the engine's script once per page. */
export function loadEngine(): Promise<StartEngine> {
  loading ??= (async () => {
    if (!engineLoaded())
      await import(
        /* @vite-ignore */ browser.runtime.getURL(ENGINE_PATH as Parameters<typeof browser.runtime.getURL>[0])
      );
    const start = slot()[ENGINE_KEY];
    if (!start) throw new Error('bulk-fill engine did not load');
    return start;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
