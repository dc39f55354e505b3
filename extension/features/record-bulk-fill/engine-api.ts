import { lazyScript } from '../../lib/lazy-script';
import type { RecordListContext } from '../../lib/records/feature';

// The seam between the record list's small bulk-fill panel (a button and a file input, in the
// record pages' script) and its engine (sheet reading, mapping, matching, preview, the fill),
// built as its own web-accessible script and loaded on first use.

export interface RecordEngineDeps {
  ctx: RecordListContext;
  /** The feature's overlay section (dialogs go in here) and its status line. */
  section: HTMLElement;
  status: HTMLElement;
}

export interface RecordFillEngine {
  fromFile(file: File): Promise<void>;
}

export type StartRecordEngine = (deps: RecordEngineDeps) => Promise<RecordFillEngine>;

/** Where the engine's script leaves its start function; the script, from entrypoints/record-fill-engine.ts. */
export const RECORD_ENGINE_KEY = '__edulensRecordFillEngine';
export const recordEngine = lazyScript<StartRecordEngine>(RECORD_ENGINE_KEY, '/record-fill-engine.js');
