import type { Draft, DraftPageSummary, DraftRevision, SaveDraftRequest } from '@edulens/shared/api';
import { canonicalPageKey, type PageKey } from '@edulens/shared/page';
import type { Database } from 'better-sqlite3';

/**
 * Drafts: the live value of every field a teacher typed, plus every revision of it. A delete leaves a
 * tombstone (deleted = 1, value NULL) so the version counter keeps growing and a client holding an
 * older version still gets a conflict; its revisions stay until the retention purge removes them.
 */
export const DRAFTS_SCHEMA = `
  CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    profile TEXT NOT NULL,
    page_key TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    version INTEGER NOT NULL CHECK (version > 0),
    saved_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    UNIQUE (profile, page_key, field)
  );
  CREATE INDEX drafts_saved_at ON drafts (saved_at);
  CREATE TABLE draft_revisions (
    draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    value TEXT,
    saved_at INTEGER NOT NULL,
    deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
    PRIMARY KEY (draft_id, version)
  ) WITHOUT ROWID;
  CREATE INDEX draft_revisions_saved_at ON draft_revisions (saved_at);
`;

export interface DraftKey {
  profile: string;
  page: PageKey;
  field: string;
}

export type SaveOutcome = { status: 'saved'; draft: Draft } | { status: 'conflict'; current: Draft | null };
export type DeleteOutcome =
  { status: 'deleted'; draft: Draft } | { status: 'conflict'; current: Draft } | { status: 'not_found' };

interface DraftRow {
  id: number;
  profile: string;
  page_key: string;
  field: string;
  value: string | null;
  version: number;
  saved_at: number;
  deleted: 0 | 1;
}

function toDraft(row: DraftRow): Draft {
  return {
    profile: row.profile,
    page: JSON.parse(row.page_key) as PageKey,
    field: row.field,
    value: row.value,
    version: row.version,
    savedAt: new Date(row.saved_at).toISOString(),
    deleted: row.deleted === 1,
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;

/** Writes here are plain synchronous statements; callers run them inside a transaction (the write queue). */
export function createDraftStore(db: Database) {
  const selectOne = db.prepare<[string, string, string], DraftRow>(
    'SELECT * FROM drafts WHERE profile = ? AND page_key = ? AND field = ?',
  );
  const insertDraft = db.prepare<[string, string, string, string | null, number], DraftRow>(
    'INSERT INTO drafts (profile, page_key, field, value, version, saved_at) VALUES (?, ?, ?, ?, 1, ?) RETURNING *',
  );
  const updateDraft = db.prepare<[string | null, number, 0 | 1, number], DraftRow>(
    'UPDATE drafts SET value = ?, version = version + 1, saved_at = ?, deleted = ? WHERE id = ? RETURNING *',
  );
  const insertRevision = db.prepare<[number, number, string | null, number, 0 | 1]>(
    'INSERT INTO draft_revisions (draft_id, version, value, saved_at, deleted) VALUES (?, ?, ?, ?, ?)',
  );
  const selectPage = db.prepare<[string, string], DraftRow>(
    'SELECT * FROM drafts WHERE profile = ? AND page_key = ? AND deleted = 0 ORDER BY field',
  );
  const selectRevisions = db.prepare<
    [string, string, string, number],
    { version: number; value: string | null; saved_at: number; deleted: 0 | 1 }
  >(
    `SELECT r.version, r.value, r.saved_at, r.deleted
       FROM draft_revisions r JOIN drafts d ON d.id = r.draft_id
      WHERE d.profile = ? AND d.page_key = ? AND d.field = ?
      ORDER BY r.version DESC LIMIT ?`,
  );
  const selectPages = db.prepare<[string], { page_key: string; drafts: number; updated_at: number }>(
    `SELECT page_key, count(*) AS drafts, max(saved_at) AS updated_at
       FROM drafts WHERE profile = ? AND deleted = 0
      GROUP BY page_key ORDER BY updated_at DESC`,
  );
  const deleteDraftsSavedBefore = db.prepare<[number]>('DELETE FROM drafts WHERE saved_at < ?');
  const deleteRevisionsSavedBefore = db.prepare<[number]>('DELETE FROM draft_revisions WHERE saved_at < ?');

  const find = (key: DraftKey) =>
    selectOne.get(key.profile, canonicalPageKey(key.page), key.field.normalize('NFC'));

  function record(row: DraftRow): Draft {
    insertRevision.run(row.id, row.version, row.value, row.saved_at, row.deleted);
    return toDraft(row);
  }

  return {
    save(request: SaveDraftRequest, now: number): SaveOutcome {
      const current = find(request);
      const expected = request.baseVersion;
      if (expected !== undefined && expected !== (current?.version ?? 0)) {
        return { status: 'conflict', current: current ? toDraft(current) : null };
      }
      const row = current
        ? updateDraft.get(request.value, now, 0, current.id)
        : insertDraft.get(
            request.profile,
            canonicalPageKey(request.page),
            request.field.normalize('NFC'),
            request.value,
            now,
          );
      return { status: 'saved', draft: record(row!) };
    },

    remove(key: DraftKey, baseVersion: number | undefined, now: number): DeleteOutcome {
      const current = find(key);
      if (!current || current.deleted === 1) return { status: 'not_found' };
      if (baseVersion !== undefined && baseVersion !== current.version) {
        return { status: 'conflict', current: toDraft(current) };
      }
      return { status: 'deleted', draft: record(updateDraft.get(null, now, 1, current.id)!) };
    },

    /** The live draft, or null when there is none or it was deleted. */
    get(key: DraftKey): Draft | null {
      const row = find(key);
      return row && row.deleted === 0 ? toDraft(row) : null;
    },

    listPage(profile: string, page: PageKey): Draft[] {
      return selectPage.all(profile, canonicalPageKey(page)).map(toDraft);
    },

    history(key: DraftKey, limit: number): DraftRevision[] {
      return selectRevisions
        .all(key.profile, canonicalPageKey(key.page), key.field.normalize('NFC'), limit)
        .map((row) => ({
          version: row.version,
          value: row.value,
          savedAt: new Date(row.saved_at).toISOString(),
          deleted: row.deleted === 1,
        }));
    },

    pages(profile: string): DraftPageSummary[] {
      return selectPages.all(profile).map((row) => ({
        page: JSON.parse(row.page_key) as PageKey,
        drafts: row.drafts,
        updatedAt: new Date(row.updated_at).toISOString(),
      }));
    },

    /** Retention: drops drafts untouched since `cutoff` (revisions follow by cascade) and older revisions. */
    purgeSavedBefore(cutoff: number): number {
      const drafts = deleteDraftsSavedBefore.run(cutoff).changes;
      return drafts + deleteRevisionsSavedBefore.run(cutoff).changes;
    },
  };
}
