import type { Database } from 'better-sqlite3';
import { DRAFTS_SCHEMA } from './drafts';
import { PAIRING_SCHEMA } from './pairing';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Versions run 1..n in this order and are never edited once released: later issues append (audit,
 * exports, sync, completeness), each table group keeping its SQL beside the queries that use it.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'drafts', sql: DRAFTS_SCHEMA },
  { version: 2, name: 'pairing', sql: PAIRING_SCHEMA },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;

/** 0 for a database no migration ever touched. */
export function schemaVersion(db: Database): number {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
    .pluck()
    .get();
  if (hasTable === undefined) return 0;
  return db.prepare('SELECT coalesce(max(version), 0) FROM schema_migrations').pluck().get() as number;
}

/** Applies pending migrations, each in its own transaction, so a crash leaves a whole version or none. */
export function migrate(db: Database, now: number): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied = schemaVersion(db);
  for (const migration of MIGRATIONS.filter((m) => m.version > applied)) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
    })();
  }
  return LATEST_SCHEMA_VERSION;
}
