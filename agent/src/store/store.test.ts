import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../errors';
import { EDULENS_APPLICATION_ID } from './database-file';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { openStore } from './store';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edulens-store-'));
  path = join(dir, 'edulens.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function expectRefusal(code: string) {
  const before = digest(path);
  let failure: unknown;
  try {
    openStore(path, Date.now()).close();
  } catch (error) {
    failure = error;
  }
  expect(failure).toBeInstanceOf(AgentError);
  const error = failure as AgentError;
  expect(error.code).toBe(code);
  expect(error.text.vi).toContain('edulens restore');
  expect(error.text.en).toContain(path);
  expect(digest(path)).toBe(before);
}

describe('openStore', () => {
  it('creates a WAL database (fsync left to the write queue), our application id and every migration', () => {
    const store = openStore(path, Date.now());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('application_id', { simple: true })).toBe(EDULENS_APPLICATION_ID);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    store.close();
  });

  it('applies each migration once', () => {
    openStore(path, 1).close();
    const store = openStore(path, 2);
    expect(store.db.prepare('SELECT version, applied_at FROM schema_migrations').all()).toEqual([
      { version: 1, applied_at: 1 },
      { version: 2, applied_at: 1 },
    ]);
    store.close();
  });

  it('adopts an empty file', () => {
    writeFileSync(path, '');
    openStore(path, Date.now()).close();
  });

  it('refuses a file that is not SQLite, leaving it untouched', () => {
    writeFileSync(path, 'Bảng điểm lớp 6A1\n'.repeat(500));
    expectRefusal('store.not_sqlite');
  });

  it('refuses another program’s SQLite database, leaving it untouched', () => {
    const foreign = new Database(path);
    foreign.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (1)');
    foreign.close();
    expectRefusal('store.foreign');
  });

  it('refuses a database with damaged pages, leaving it untouched', () => {
    const store = openStore(path, Date.now());
    const save = store.db.prepare(
      "INSERT INTO drafts (profile, page_key, field, value, version, saved_at) VALUES ('p', '{}', ?, ?, 1, 0)",
    );
    for (let i = 0; i < 500; i++) save.run(`f${i}`, 'x'.repeat(200));
    store.close();
    const bytes = readFileSync(path);
    bytes.fill(0xa5, 4096 + 16, 4 * 4096);
    writeFileSync(path, bytes);
    expectRefusal('store.corrupt');
  });

  it('refuses data written by a newer EduLens', () => {
    const store = openStore(path, Date.now());
    store.db
      .prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)')
      .run(LATEST_SCHEMA_VERSION + 1, 'future', 0);
    store.close();
    expectRefusal('store.too_new');
  });
});
