import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WriteQueue } from './write-queue';

let dir: string;
let db: Database.Database;
let observer: Database.Database;
let queue: WriteQueue;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edulens-queue-'));
  db = new Database(join(dir, 'q.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  observer = new Database(join(dir, 'q.db'), { readonly: true });
  queue = new WriteQueue(db);
});
afterEach(() => {
  observer.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (n: number) => () => db.prepare('INSERT INTO t (n) VALUES (?)').run(n).changes;
const committedCount = () => observer.prepare('SELECT count(*) FROM t').pluck().get();

it('commits writes submitted in the same turn as one transaction, answering after the commit', async () => {
  let seenByOtherConnection: unknown;
  const first = queue.submit(insert(1));
  const second = queue.submit(() => {
    insert(2)();
    // Another connection cannot see write 1 yet: both are inside the same, uncommitted transaction.
    seenByOtherConnection = committedCount();
    return 'two';
  });
  expect(committedCount()).toBe(0);
  await expect(Promise.all([first, second])).resolves.toEqual([1, 'two']);
  expect(seenByOtherConnection).toBe(0);
  expect(committedCount()).toBe(2);
});

it('rolls back only the write that failed', async () => {
  const results = await Promise.allSettled([
    queue.submit(insert(1)),
    queue.submit(() => {
      insert(2)();
      throw new Error('boom');
    }),
    queue.submit(insert(1)),
    queue.submit(insert(3)),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
  expect(db.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 3]);
});

it('commits queued writes on flush (shutdown) without waiting for the next turn', async () => {
  const pending = queue.submit(insert(7));
  queue.flush();
  expect(committedCount()).toBe(1);
  await expect(pending).resolves.toBe(1);
});
