import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { agentError } from '../errors';
import { EDULENS_APPLICATION_ID, verifyDatabaseFile } from './database-file';
import { createDraftStore, type DraftStore } from './drafts';
import { migrate } from './migrations';
import { createPairingStore, type PairingStore } from './pairing';
import { openWalSync } from './wal-sync';
import { WriteQueue } from './write-queue';

export interface Store {
  db: Database.Database;
  /** The folder holding the database: the one a disk error message names. */
  directory: string;
  drafts: DraftStore;
  pairing: PairingStore;
  writes: WriteQueue;
  schemaVersion: number;
  /** Commits and syncs queued writes, answering their callers, then closes the database. */
  close(): void;
}

/**
 * Opens (creating and migrating on first run) the agent's database. An existing file is verified
 * read-only first: a corrupt or foreign file is refused with a clear message and left exactly as it was.
 */
export function openStore(path: string, now: number): Store {
  mkdirSync(dirname(path), { recursive: true });
  if (existsSync(path)) {
    const problem = verifyDatabaseFile(path, { depth: 'quick_check', allowEmpty: true });
    if (problem) {
      throw agentError(
        `store.${problem.kind}`,
        `Không thể mở dữ liệu EduLens tại ${path}: ${problem.vi}. Tệp được giữ nguyên, không bị thay đổi. ` +
          'Hãy khôi phục từ bản sao lưu bằng lệnh "edulens restore TỆP_SAO_LƯU", hoặc chuyển tệp này đi nơi khác để bắt đầu với dữ liệu trống.',
        `Cannot open the EduLens data at ${path}: ${problem.en}. The file was left untouched. ` +
          'Restore a backup with "edulens restore BACKUP_FILE", or move this file away to start with empty data.',
      );
    }
  }
  const db = new Database(path);
  try {
    // WAL: readers never block the writer. synchronous=NORMAL keeps the WAL consistent through a
    // crash or power cut but leaves the fsync to us: the write queue syncs the WAL off the event loop
    // and acknowledges a write only after that, so anything acknowledged survives a power cut.
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') {
      throw agentError(
        'store.no_wal',
        'Không bật được chế độ WAL cho cơ sở dữ liệu.',
        'Could not enable WAL mode.',
      );
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // `edulens pair` and `edulens backup` open the same file while the agent runs.
    db.pragma('busy_timeout = 5000');
    if (db.pragma('application_id', { simple: true }) === 0)
      db.pragma(`application_id = ${EDULENS_APPLICATION_ID}`);
    const schemaVersion = migrate(db, now);
    const wal = openWalSync(path);
    const writes = new WriteQueue(db, wal);
    return {
      db,
      directory: dirname(path),
      drafts: createDraftStore(db),
      pairing: createPairingStore(db),
      writes,
      schemaVersion,
      close() {
        writes.drain();
        wal.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
