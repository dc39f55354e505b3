import { Dexie, type Table } from 'dexie';
import type { PageKey } from '@edulens/shared/page';

// The background's IndexedDB (Dexie). Only the background service worker opens it: the content
// script talks to it through the `drafts.*` messages, so Dexie stays out of the content bundle.

/** One cell's latest typing. Key: [profile, pageId, field]. */
export interface DraftRow {
  profile: string;
  /** `canonicalPageKey(page)`: canonical JSON of the page key. */
  pageId: string;
  field: string;
  page: PageKey;
  value: string;
  /** Epoch ms of the edit. */
  updatedAt: number;
  /** True once the portal's own "Lưu" stored this value: no longer offered for restore. */
  savedToPortal: boolean;
  /** Epoch ms of that save (0 while unsaved); saved rows are pruned some days later. */
  savedAt: number;
  /** Last version of this field the agent acknowledged (0: none known), sent as `baseVersion`. */
  agentVersion: number;
}

export type DraftKey = [profile: string, pageId: string, field: string];

/** One change still to deliver to the agent; at most one per field (a newer edit replaces it). */
export interface OutboxRow {
  /** Auto-increment: delivery order. */
  seq?: number;
  profile: string;
  pageId: string;
  field: string;
  page: PageKey;
  /** `save` carries the value; `delete` removes the agent's draft once the portal saved it. */
  op: 'save' | 'delete';
  value: string;
  enqueuedAt: number;
}

export class DraftsDatabase extends Dexie {
  drafts!: Table<DraftRow, DraftKey>;
  outbox!: Table<OutboxRow, number>;

  constructor(name = 'edulens-drafts') {
    super(name);
    // Booleans cannot be indexed in IndexedDB: `savedToPortal` is filtered in memory per page.
    this.version(1).stores({
      drafts: '[profile+pageId+field], [profile+pageId], savedAt',
      outbox: '++seq, &[profile+pageId+field]',
    });
  }
}
