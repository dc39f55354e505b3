import type { Database, Statement } from 'better-sqlite3';

interface PendingWrite {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit. With synchronous=FULL every commit waits for an fsync; writes that arrive in the same
 * event-loop turn share one transaction (one fsync) instead, and each caller is answered only after
 * that transaction has committed. Each write runs in its own savepoint, so one that throws is rolled
 * back alone and the others still commit.
 */
export class WriteQueue {
  private pending: PendingWrite[] = [];
  private scheduled = false;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackToSavepoint: Statement;
  private readonly commitBatch: (batch: PendingWrite[]) => Outcome[];

  constructor(db: Database) {
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
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued so far; also called on shutdown so no accepted write is dropped. */
  flush(): void {
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
    batch.forEach((write, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.error);
    });
  }

  private runIsolated(write: PendingWrite): Outcome {
    this.savepoint.run();
    try {
      const value = write.run();
      this.release.run();
      return { ok: true, value };
    } catch (error) {
      this.rollbackToSavepoint.run();
      this.release.run();
      return { ok: false, error };
    }
  }
}
