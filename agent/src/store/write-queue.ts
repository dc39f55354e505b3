import type { Database, Statement } from 'better-sqlite3';

/** Makes everything committed so far durable (the WAL fsync), in the background or blocking. */
export interface Durability {
  sync(): Promise<void>;
  syncNow(): void;
}

interface PendingWrite {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A committed write whose caller hears the outcome once the commit is on disk. */
interface CommittedWrite {
  write: PendingWrite;
  outcome: Outcome;
}

/**
 * Group commit with the fsync off the event loop. Writes that arrive in the same event-loop turn share
 * one transaction; each runs in its own savepoint, so one that throws is rolled back alone. The
 * commit itself only reaches the OS (synchronous=NORMAL); one fsync at a time then runs on the thread
 * pool and covers every transaction committed before it started. A caller is answered — success,
 * conflict or error alike — only after the fsync covering its write, so nothing is acknowledged
 * before it is durable, while the next requests are parsed and committed during the wait.
 */
export class WriteQueue {
  private pending: PendingWrite[] = [];
  private scheduled = false;
  private awaitingSync: CommittedWrite[] = [];
  private syncing: CommittedWrite[] | undefined;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackToSavepoint: Statement;
  private readonly commitBatch: (batch: PendingWrite[]) => Outcome[];

  constructor(
    private readonly db: Database,
    private readonly durability: Durability,
  ) {
    this.savepoint = db.prepare('SAVEPOINT write');
    this.release = db.prepare('RELEASE write');
    this.rollbackToSavepoint = db.prepare('ROLLBACK TO write');
    this.commitBatch = db.transaction((batch: PendingWrite[]) =>
      batch.map((write) => this.runIsolated(write)),
    );
  }

  submit<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.commitPending());
      }
    });
  }

  /**
   * Shutdown: commits what is queued, syncs on the spot — also covering writes made outside the queue,
   * such as a code `edulens pair` stores — and answers every caller.
   */
  drain(): void {
    this.commitPending();
    const waiting = [...(this.syncing ?? []), ...this.awaitingSync];
    this.syncing = undefined;
    this.awaitingSync = [];
    try {
      this.durability.syncNow();
    } catch (syncError) {
      for (const { write } of waiting) write.reject(syncError);
      return;
    }
    for (const committed of waiting) answer(committed);
  }

  private commitPending(): void {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commitBatch(batch);
    } catch (commitError) {
      for (const write of batch) write.reject(commitError);
      return;
    }
    batch.forEach((write, index) => this.awaitingSync.push({ write, outcome: outcomes[index]! }));
    this.startSync();
  }

  private startSync(): void {
    if (this.syncing || this.awaitingSync.length === 0) return;
    const covered = this.awaitingSync;
    this.awaitingSync = [];
    this.syncing = covered;
    this.durability.sync().then(
      () => this.finishSync(covered, undefined),
      (syncError: unknown) => this.finishSync(covered, syncError ?? new Error('fsync failed')),
    );
  }

  private finishSync(covered: CommittedWrite[], syncError: unknown): void {
    // drain() may have answered these already during shutdown.
    if (this.syncing !== covered) return;
    this.syncing = undefined;
    for (const committed of covered) {
      if (syncError === undefined) answer(committed);
      else committed.write.reject(syncError);
    }
    this.startSync();
  }

  private runIsolated(write: PendingWrite): Outcome {
    this.savepoint.run();
    try {
      const value = write.run();
      this.release.run();
      return { ok: true, value };
    } catch (error) {
      // On a full disk or an I/O error SQLite may already have rolled back the whole transaction:
      // every write of the batch is lost, so the batch fails with this (disk) error, not "no such savepoint".
      if (!this.db.inTransaction) throw error;
      this.rollbackToSavepoint.run();
      this.release.run();
      return { ok: false, error };
    }
  }
}

function answer({ write, outcome }: CommittedWrite): void {
  if (outcome.ok) write.resolve(outcome.value);
  else write.reject(outcome.error);
}
