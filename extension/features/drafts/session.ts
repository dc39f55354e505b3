import { sendToBackground } from '../../lib/messages';
import type { PageKey } from '@edulens/shared/page';

// What the drafts feature remembers for the life of the document, across its remounts (the
// portal re-draws its grid on paging, saving and filter changes, and every re-draw remounts the
// features): which fields were edited here, the edits still on their way to the background, the
// value each cell had in the portal, whether the teacher put the restore offer aside, and the
// restored drafts still waiting for their rows to render.

export interface SessionEdit {
  value: string;
  at: number;
}

/** An accepted restore of a page whose grid shows only part of the book. */
export interface RestoreProgress {
  /** Drafts (field → value) of rows not rendered yet: written when their rows render. */
  waiting: Map<string, string>;
  restored: number;
  /** Locked by the time their rows rendered. */
  refused: number;
}

/**
 * Mirrors edits to the background one message at a time, keeping only the latest per field; a
 * field whose latest change is `null` is cleared (it went back to the portal's value), so a save and
 * a clear of one field always reach the background in the order they happened.
 */
class Mirror {
  private readonly pending = new Map<string, string | null>();
  private pumping: Promise<void> | null = null;

  constructor(
    private readonly profile: string,
    private readonly page: PageKey,
  ) {}

  push(field: string, value: string | null): void {
    this.pending.delete(field); // re-insert: keeps the order of the latest edits
    this.pending.set(field, value);
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
    });
  }

  private async pump(): Promise<void> {
    for (;;) {
      const next = this.pending.entries().next();
      if (next.done) return;
      const [field, value] = next.value;
      const { profile, page } = this;
      try {
        if (value === null) {
          // Clears of many fields (an undo) go in one message; each field keeps one change queued.
          const fields = [...this.pending].filter(([, pending]) => pending === null).map(([name]) => name);
          for (const name of fields) this.pending.delete(name);
          await sendToBackground('drafts.clear', { profile, page, fields });
        } else {
          // Saves of many fields (a bulk fill's 540 cells) go in one message too.
          const edits = [...this.pending].flatMap(([name, pending]) =>
            pending === null ? [] : [{ field: name, value: pending }],
          );
          for (const edit of edits) this.pending.delete(edit.field);
          if (edits.length === 1) await sendToBackground('drafts.save', { profile, page, field, value });
          else await sendToBackground('drafts.saveMany', { profile, page, edits });
        }
      } catch (error) {
        // The extension was reloaded or the worker is gone for good: nothing to retry with.
        console.warn('[EduLens] drafts:', error instanceof Error ? error.message : error);
      }
    }
  }
}

export class DraftSession {
  private readonly edits = new Map<string, Map<string, SessionEdit>>();
  private readonly mirrors = new Map<string, Mirror>();
  /**
   * Values that stopped being drafts in this document (saved by the portal, or discarded), so a
   * remount that reads the background before the clear arrived does not bring them back.
   */
  private readonly settled = new Map<string, Map<string, string>>();
  /** Per page, the value each cell showed when first drawn here, or after the portal saved it. */
  private readonly baselines = new Map<string, Map<string, string>>();
  /** Pages whose restore offer was answered (restored, put aside, discarded) in this document. */
  readonly dismissed = new Set<string>();
  /** Pages whose restore goes on as their rows render. */
  readonly restoring = new Map<string, RestoreProgress>();
  /** `cleared` events (detail: { pageId, fields }) after the portal saved. */
  readonly events = new EventTarget();

  editsOf(pageId: string): Map<string, SessionEdit> {
    let edits = this.edits.get(pageId);
    if (!edits) this.edits.set(pageId, (edits = new Map()));
    return edits;
  }

  /** What the portal holds for each cell of a page, as far as this document has seen. */
  baselineOf(pageId: string): Map<string, string> {
    let baseline = this.baselines.get(pageId);
    if (!baseline) this.baselines.set(pageId, (baseline = new Map()));
    return baseline;
  }

  mirror(pageId: string, profile: string, page: PageKey): Mirror {
    let mirror = this.mirrors.get(pageId);
    if (!mirror) this.mirrors.set(pageId, (mirror = new Mirror(profile, page)));
    return mirror;
  }

  record(pageId: string, profile: string, page: PageKey, field: string, value: string, at: number): void {
    this.editsOf(pageId).set(field, { value, at });
    this.settled.get(pageId)?.delete(field);
    this.mirror(pageId, profile, page).push(field, value);
  }

  isSettled(pageId: string, field: string, value: string): boolean {
    return this.settled.get(pageId)?.get(field) === value;
  }

  /** The field is back at the portal's value (an undo, or typed back): no longer a draft anywhere. */
  revert(pageId: string, profile: string, page: PageKey, field: string): void {
    this.forget(pageId, [field]);
    this.mirror(pageId, profile, page).push(field, null);
  }

  /**
   * The portal saved these values: they are what it holds now, and no longer drafts, here or in the
   * background (a save of one of them still queued is moot: the clear takes its place).
   */
  saved(pageId: string, profile: string, page: PageKey, values: ReadonlyMap<string, string>): void {
    const baseline = this.baselineOf(pageId);
    for (const [field, value] of values) baseline.set(field, value);
    this.forget(pageId, [...values.keys()], values);
    const mirror = this.mirror(pageId, profile, page);
    for (const field of values.keys()) mirror.push(field, null);
  }

  /** The portal saved these fields (or the teacher discarded them): no longer drafts here. */
  forget(pageId: string, fields: readonly string[], values?: ReadonlyMap<string, string>): void {
    const edits = this.editsOf(pageId);
    let settled = this.settled.get(pageId);
    if (!settled) this.settled.set(pageId, (settled = new Map()));
    for (const field of fields) {
      const value = values?.get(field) ?? edits.get(field)?.value;
      if (value !== undefined) settled.set(field, value);
      edits.delete(field);
    }
    this.events.dispatchEvent(new CustomEvent('cleared', { detail: { pageId, fields } }));
  }
}

let session: DraftSession | undefined;

/** The document's session, created on first use (importing this module does nothing). */
export function draftSession(): DraftSession {
  return (session ??= new DraftSession());
}
