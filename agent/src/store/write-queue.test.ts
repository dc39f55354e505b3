import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Durability, WriteQueue } from './write-queue';

/** A disk whose fsyncs finish only when the test says so. */
class ControlledDisk implements Durability {
  readonly syncs: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  blockingSyncs = 0;
  sync(): Promise<void> {
    return new Promise((finish, fail) => this.syncs.push({ finish, fail }));
  }
  syncNow(): void {
    this.blockingSyncs++;
  }
}

let dir: string;
let db: Database.Database;
let observer: Database.Database;
let disk: ControlledDisk;
let queue: WriteQueue;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edulens-queue-'));
  db = new Database(join(dir, 'q.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  observer = new Database(join(dir, 'q.db'), { readonly: true });
  disk = new ControlledDisk();
  queue = new WriteQueue(db, disk);
});
afterEach(() => {
  observer.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (n: number) => () => db.prepare('INSERT INTO t (n) VALUES (?)').run(n).changes;
const committedCount = () => observer.prepare('SELECT count(*) FROM t').pluck().get();
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Records when a promise settles, so a test can assert it has not yet. */
function watch<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

it('commits writes submitted in the same turn as one transaction', async () => {
  let seenByOtherConnection: unknown;
  const first = queue.submit(insert(1));
  const second = queue.submit(() => {
    insert(2)();
    // Another connection cannot see write 1 yet: both are inside the same, uncommitted transaction.
    seenByOtherConnection = committedCount();
    return 'two';
  });
  expect(committedCount()).toBe(0);
  await nextTurn();
  expect(seenByOtherConnection).toBe(0);
  expect(committedCount()).toBe(2);
  expect(disk.syncs).toHaveLength(1);
  disk.syncs[0]!.finish();
  await expect(Promise.all([first, second])).resolves.toEqual([1, 'two']);
});

it('answers nobody before the fsync covering their write has finished', async () => {
  const saved = watch(queue.submit(insert(1)));
  await nextTurn();
  expect(committedCount()).toBe(1);
  await nextTurn();
  expect(saved.settled).toBe(false);
  disk.syncs[0]!.finish();
  await nextTurn();
  expect(saved).toEqual({ settled: true, value: 1 });
});

it('lets writes committed during an fsync wait for the next one, never riding on an earlier fsync', async () => {
  const early = watch(queue.submit(insert(1)));
  await nextTurn();
  const late = watch(queue.submit(insert(2)));
  const later = watch(queue.submit(insert(3)));
  await nextTurn();
  // Committed while the first fsync was running: only one fsync at a time, the second not started yet.
  expect(committedCount()).toBe(3);
  expect(disk.syncs).toHaveLength(1);
  disk.syncs[0]!.finish();
  await nextTurn();
  expect(early.settled).toBe(true);
  expect([late.settled, later.settled]).toEqual([false, false]);
  expect(disk.syncs).toHaveLength(2);
  disk.syncs[1]!.finish();
  await nextTurn();
  expect([late.value, later.value]).toEqual([1, 1]);
});

it('rolls back only the write that failed, answering it after the fsync like the others', async () => {
  const results = Promise.allSettled([
    queue.submit(insert(1)),
    queue.submit(() => {
      insert(2)();
      throw new Error('boom');
    }),
    queue.submit(insert(1)),
    queue.submit(insert(3)),
  ]);
  await nextTurn();
  expect(db.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 3]);
  disk.syncs[0]!.finish();
  expect((await results).map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
});

it('reports a failed fsync to the writes it covered and keeps serving later ones', async () => {
  const lost = watch(queue.submit(insert(1)));
  await nextTurn();
  disk.syncs[0]!.fail(new Error('EIO: i/o error'));
  await nextTurn();
  expect(lost.error).toEqual(new Error('EIO: i/o error'));
  const next = queue.submit(insert(2));
  await nextTurn();
  disk.syncs[1]!.finish();
  await expect(next).resolves.toBe(1);
});

it('fails the whole batch with the disk error when SQLite rolled the transaction back itself', async () => {
  // SQLITE_FULL mid-transaction: SQLite may roll back every write of the batch, not just this one.
  const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  const results = Promise.allSettled([
    queue.submit(insert(1)),
    queue.submit(() => {
      insert(2)();
      db.exec('ROLLBACK');
      throw full;
    }),
    queue.submit(insert(3)),
  ]);
  await nextTurn();
  expect((await results).map((r) => (r.status === 'rejected' ? r.reason : r.value))).toEqual([
    full,
    full,
    full,
  ]);
  expect(committedCount()).toBe(0);
  expect(disk.syncs).toHaveLength(0);
  // The next write, once there is room again, goes through as usual.
  const next = queue.submit(insert(4));
  await nextTurn();
  disk.syncs[0]!.finish();
  await expect(next).resolves.toBe(1);
});

it('on drain (shutdown) commits queued writes and syncs them on the spot, answering everyone', async () => {
  const syncing = watch(queue.submit(insert(1)));
  await nextTurn();
  const queued = watch(queue.submit(insert(7)));
  queue.drain();
  expect(committedCount()).toBe(2);
  expect(disk.blockingSyncs).toBe(1);
  await nextTurn();
  expect([syncing.value, queued.value]).toEqual([1, 1]);
  // The background fsync finishing afterwards changes nothing.
  disk.syncs[0]!.finish();
  await nextTurn();
  expect(disk.syncs).toHaveLength(1);
});
