import { sendToBackground } from '../../lib/messages';
import type { PageKey } from '../../lib/messages';

// What the drafts feature remembers for the life of the document, across its remounts (the
// portal re-draws its grid on paging, saving and filter changes, and every re-draw remounts the
// features): which fields were edited here, the edits still on their way to the background, and
// whether the teacher put the restore offer aside.

export interface SessionEdit {
  value: string;
  at: number;
}

/** Mirrors edits to the background one message at a time, keeping only the latest per field. */
class Mirror {
  private readonly pending = new Map<string, string>();
  private pumping: Promise<void> | null = null;

  constructor(
    private readonly profile: string,
    private readonly page: PageKey,
  ) {}

  push(field: string, value: string): void {
    this.pending.delete(field); // re-insert: keeps the order of the latest edits
    this.pending.set(field, value);
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
    });
  }

  /** Resolves once every edit pushed so far reached the background. */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  private async pump(): Promise<void> {
    for (;;) {
      const next = this.pending.entries().next();
      if (next.done) return;
      const [field, value] = next.value;
      this.pending.delete(field);
      try {
        await sendToBackground('drafts.save', { profile: this.profile, page: this.page, field, value });
      } catch (error) {
        // The extension was reloaded or the worker is gone for good: nothing to retry with.
        console.warn('[EduLens] drafts.save:', error instanceof Error ? error.message : error);
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
  /** Pages whose restore offer was put aside ("Để sau") in this document. */
  readonly dismissed = new Set<string>();
  /** `cleared` events (detail: { pageId, fields }) after the portal saved. */
  readonly events = new EventTarget();

  editsOf(pageId: string): Map<string, SessionEdit> {
    let edits = this.edits.get(pageId);
    if (!edits) this.edits.set(pageId, (edits = new Map()));
    return edits;
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
