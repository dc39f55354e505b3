import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DataPaths, resolvePaths } from '../config';
import { AgentError } from '../errors';
import { backupDatabase, restoreDatabase } from './backup';
import { openStore, type Store } from './store';

const PAGE = { class: '6A1', subject: 'Văn' };

let dir: string;
let paths: DataPaths;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edulens-backup-'));
  paths = resolvePaths({ EDULENS_HOME: join(dir, 'home') });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function storeWithDrafts(values: string[]): Store {
  const store = openStore(paths.database, Date.now());
  values.forEach((value, index) => {
    store.drafts.save({ profile: 'vnedu', page: PAGE, field: `HS${index}.nx`, value }, Date.now());
  });
  return store;
}

const liveValues = (database: string) => {
  const db = new Database(database, { readonly: true });
  const values = db.prepare('SELECT value FROM drafts WHERE deleted = 0 ORDER BY field').pluck().all();
  db.close();
  return values;
};
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('backupDatabase', () => {
  it('copies committed data still in the WAL while the store is open, as one verified file', async () => {
    const store = storeWithDrafts(['Chăm ngoan', 'Tiến bộ']);
    const file = join(dir, 'backup.edulens');
    const { bytes } = await backupDatabase(paths, file);
    store.close();

    expect(bytes).toBeGreaterThan(0);
    expect(liveValues(file)).toEqual(['Chăm ngoan', 'Tiến bộ']);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(readdirSync(dir).sort()).toEqual(['backup.edulens', 'home']);
  });

  it('refuses when there is no data yet, or when asked to write onto the live database', async () => {
    await expect(backupDatabase(paths, join(dir, 'b.db'))).rejects.toMatchObject({ code: 'backup.no_data' });
    storeWithDrafts(['x']).close();
    await expect(backupDatabase(paths, paths.database)).rejects.toMatchObject({ code: 'backup.onto_live' });
  });
});

describe('restoreDatabase', () => {
  let backupFile: string;
  beforeEach(async () => {
    const store = storeWithDrafts(['from backup']);
    backupFile = join(dir, 'good.edulens');
    await backupDatabase(paths, backupFile);
    store.close();
  });

  it('replaces the data with the backup and keeps the previous database as a safety copy', () => {
    const store = storeWithDrafts(['newer 1', 'newer 2']);
    store.close();
    const { safetyCopy } = restoreDatabase(paths, backupFile);

    expect(liveValues(paths.database)).toEqual(['from backup']);
    expect(safetyCopy).not.toBeNull();
    expect(liveValues(safetyCopy!)).toEqual(['newer 1', 'newer 2']);
    expect(existsSync(paths.lock)).toBe(false);
    openStore(paths.database, Date.now()).close();
  });

  function expectRefused(file: string, code: string) {
    const store = storeWithDrafts(['current']);
    store.close();
    const before = digest(paths.database);
    let failure: unknown;
    try {
      restoreDatabase(paths, file);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AgentError);
    expect((failure as AgentError).code).toBe(code);
    expect((failure as AgentError).text.vi).toContain('Dữ liệu hiện tại được giữ nguyên');
    expect(digest(paths.database)).toBe(before);
    expect(readdirSync(paths.home).filter((name) => name.includes('partial'))).toEqual([]);
    expect(existsSync(paths.lock)).toBe(false);
  }

  it('refuses a file that is not a database', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a database');
    expectRefused(file, 'restore.not_sqlite');
  });

  it('refuses another program’s database', () => {
    const file = join(dir, 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE x (y)');
    other.close();
    expectRefused(file, 'restore.foreign');
  });

  it('refuses a damaged backup', () => {
    const bytes = readFileSync(backupFile);
    bytes.fill(0x5a, 4096 + 8, bytes.length);
    const file = join(dir, 'damaged.edulens');
    writeFileSync(file, bytes);
    expectRefused(file, 'restore.corrupt');
  });

  it('refuses while the agent runs', () => {
    // The parent (test runner) process is alive, so the lock is not stale.
    writeFileSync(paths.lock, JSON.stringify({ pid: process.ppid, purpose: 'agent', port: 8787 }));
    expect(() => restoreDatabase(paths, backupFile)).toThrow(
      expect.objectContaining({ code: 'agent.already_running' }),
    );
    expect(liveValues(paths.database)).toEqual(['from backup']);
  });

  it('refuses a missing file', () => {
    expect(() => restoreDatabase(paths, join(dir, 'nope.db'))).toThrow(
      expect.objectContaining({ code: 'restore.missing' }),
    );
  });
});
