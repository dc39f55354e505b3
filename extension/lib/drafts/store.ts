import type { OutboxItem, OutboxPort } from '../agent/outbox';
import { canonicalPageKey, canonicalPageParts, type DraftEntry, type PageKey } from '@edulens/shared/page';
import type { DraftKey, DraftRow, DraftsDatabase, OutboxRow } from './db';

export interface DraftEdit {
  profile: string;
  page: PageKey;
  field: string;
  value: string;
}

/**
 * Drafts in IndexedDB plus the outbox of changes for the agent, written in one transaction so a
 * stored draft and its queued delivery can never part (the service worker may die at any moment).
 */
export class DraftStore implements OutboxPort {
  constructor(private readonly db: DraftsDatabase) {}

  /**
   * Records one edit. `forward`: also queue it for the agent (only when paired). Typing the value the
   * draft already holds (a restore writing back, a blur repeating the last input) changes nothing.
   */
  async save(edit: DraftEdit, now: number, forward: boolean): Promise<{ changed: boolean }> {
    const changed = await this.saveMany([edit], now, forward);
    return { changed: changed > 0 };
  }

  /** Records several edits in one transaction (a bulk fill's 540 cells); how many changed a draft. */
  async saveMany(edits: readonly DraftEdit[], now: number, forward: boolean): Promise<number> {
    return this.db.transaction('rw', this.db.drafts, this.db.outbox, async () => {
      let changed = 0;
      for (const edit of edits) {
        const id = canonicalPageKey(edit.page);
        const key: DraftKey = [edit.profile, id, edit.field];
        const existing = await this.db.drafts.get(key);
        if (existing && !existing.savedToPortal && existing.value === edit.value) continue;
        await this.db.drafts.put({
          profile: edit.profile,
          pageId: id,
          field: edit.field,
          page: { ...edit.page },
          value: edit.value,
          updatedAt: now,
          savedToPortal: false,
          savedAt: 0,
          agentVersion: existing?.agentVersion ?? 0,
        });
        if (forward) await this.enqueue({ ...edit, pageId: id, op: 'save', enqueuedAt: now });
        changed++;
      }
      return changed;
    });
  }

  /** Unsaved drafts of one page, oldest edit first. */
  async forPage(profile: string, page: PageKey): Promise<DraftEntry[]> {
    const rows = await this.db.drafts
      .where('[profile+pageId]')
      .equals([profile, canonicalPageKey(page)])
      .toArray();
    return rows
      .filter((row) => !row.savedToPortal)
      .sort((a, b) => a.updatedAt - b.updatedAt)
      .map(({ field, value, updatedAt }) => ({ field, value, updatedAt }));
  }

  /**
   * The portal saved these fields (all unsaved ones of the page when `fields` is omitted): they are
   * marked saved, no longer offered, and (when `forward`) removed from the agent too.
   */
  async clear(
    profile: string,
    page: PageKey,
    fields: readonly string[] | undefined,
    now: number,
    forward: boolean,
  ): Promise<number> {
    const id = canonicalPageKey(page);
    const wanted = fields === undefined ? undefined : new Set(fields);
    return this.db.transaction('rw', this.db.drafts, this.db.outbox, async () => {
      const rows = await this.db.drafts.where('[profile+pageId]').equals([profile, id]).toArray();
      const cleared = rows.filter(
        (row) => !row.savedToPortal && (wanted === undefined || wanted.has(row.field)),
      );
      for (const row of cleared) {
        await this.db.drafts.put({ ...row, savedToPortal: true, savedAt: now });
        if (forward) await this.enqueue({ ...row, op: 'delete', enqueuedAt: now });
        // Not paired: a queued save of this field (from before an unpairing) is moot now.
        else await this.db.outbox.where('[profile+pageId+field]').equals([profile, id, row.field]).delete();
      }
      return cleared.length;
    });
  }

  /** After pairing: queue every unsaved draft that is not queued yet, so the agent gets a copy. */
  async enqueueUnsaved(now: number): Promise<number> {
    return this.db.transaction('rw', this.db.drafts, this.db.outbox, async () => {
      let added = 0;
      const rows = (await this.db.drafts.toArray()).filter((row) => !row.savedToPortal);
      for (const row of rows) {
        const queued = await this.db.outbox
          .where('[profile+pageId+field]')
          .equals([row.profile, row.pageId, row.field])
          .count();
        if (queued > 0) continue;
        await this.db.outbox.add({ ...pick(row), op: 'save', enqueuedAt: now });
        added++;
      }
      return added;
    });
  }

  async isQueued(profile: string, page: PageKey, field: string): Promise<boolean> {
    const count = await this.db.outbox
      .where('[profile+pageId+field]')
      .equals([profile, canonicalPageKey(page), field])
      .count();
    return count > 0;
  }

  /** Whether this browser has ever held a draft of the field (saved or not). */
  async knows(profile: string, page: PageKey, field: string): Promise<boolean> {
    return (await this.db.drafts.get([profile, canonicalPageKey(page), field])) !== undefined;
  }

  /**
   * Forgets saved drafts older than `savedBefore` (they only served as a record of the last
   * typing), except those whose removal at the agent is still queued: their row is what keeps the
   * agent's copy from being offered again.
   */
  async prune(savedBefore: number): Promise<number> {
    return this.db.transaction('rw', this.db.drafts, this.db.outbox, async () => {
      const old = await this.db.drafts.where('savedAt').between(1, savedBefore).toArray();
      const keys: DraftKey[] = [];
      for (const row of old) {
        const key: DraftKey = [row.profile, row.pageId, row.field];
        if ((await this.db.outbox.where('[profile+pageId+field]').equals(key).count()) === 0) keys.push(key);
      }
      await this.db.drafts.bulkDelete(keys);
      return keys.length;
    });
  }

  // --- OutboxPort ---

  async next(afterSeq: number): Promise<OutboxItem | undefined> {
    const row = await this.db.outbox.where('seq').above(afterSeq).first();
    return row === undefined ? undefined : toItem(row);
  }

  count(): Promise<number> {
    return this.db.outbox.count();
  }

  async knownVersion(item: OutboxItem): Promise<number> {
    const row = await this.db.drafts.get(draftKeyOf(item));
    return row?.agentVersion ?? 0;
  }

  async delivered(item: OutboxItem, version: number): Promise<void> {
    await this.db.transaction('rw', this.db.drafts, this.db.outbox, async () => {
      await this.db.outbox.delete(item.seq);
      await this.db.drafts.update(draftKeyOf(item), { agentVersion: version });
    });
  }

  async dropped(item: OutboxItem): Promise<void> {
    await this.db.outbox.delete(item.seq);
  }

  /** One pending change per field: a newer edit replaces the queued one (only the latest matters). */
  private async enqueue(row: Omit<OutboxRow, 'seq'>): Promise<void> {
    await this.db.outbox
      .where('[profile+pageId+field]')
      .equals([row.profile, row.pageId, row.field])
      .delete();
    await this.db.outbox.add(pick(row));
  }
}

function pick(row: Omit<OutboxRow, 'seq' | 'op' | 'enqueuedAt'> & Partial<OutboxRow>): OutboxRow {
  const { profile, pageId: id, field, page, value, op = 'save', enqueuedAt = 0 } = row;
  return { profile, pageId: id, field, page: { ...page }, value, op, enqueuedAt };
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    seq: row.seq ?? 0,
    profile: row.profile,
    page: canonicalPageParts(row.page),
    field: row.field,
    op: row.op,
    value: row.value,
  };
}

function draftKeyOf(item: OutboxItem): DraftKey {
  return [item.profile, JSON.stringify(item.page), item.field];
}

export type { DraftRow };
