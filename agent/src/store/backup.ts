import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DataPaths } from '../config';
import { agentError, EXIT_USAGE } from '../errors';
import { acquireInstanceLock } from '../instance-lock';
import { verifyDatabaseFile } from './database-file';

const SIDE_FILES = ['-wal', '-shm', '-journal'];
const ALL_PAGES = 0x7fffffff;

/**
 * Online, consistent backup through SQLite's backup API (safe while the agent writes). The copy is
 * made self-contained (rollback journal, no -wal), integrity-checked, and only then renamed into
 * place, so `destination` is either the old file or a complete, verified backup.
 */
export async function backupDatabase(paths: DataPaths, destination: string): Promise<{ bytes: number }> {
  const target = resolve(destination);
  if (!existsSync(paths.database)) {
    throw agentError(
      'backup.no_data',
      `Chưa có dữ liệu để sao lưu (${paths.database} không tồn tại).`,
      `There is no data to back up yet (${paths.database} does not exist).`,
    );
  }
  if (target === paths.database || SIDE_FILES.some((suffix) => target === paths.database + suffix)) {
    throw agentError(
      'backup.onto_live',
      'Không thể sao lưu đè lên chính tệp dữ liệu đang dùng; hãy chọn tên tệp khác.',
      'Cannot back up onto the live database itself; choose another file name.',
    );
  }
  const temporary = `${target}.partial-${process.pid}`;
  try {
    const source = new Database(paths.database, { readonly: true, fileMustExist: true });
    try {
      // One step copies every page inside one read transaction. In small steps, each write the agent
      // commits in between would restart the copy, and a busy agent could keep it from ever finishing.
      await source.backup(temporary, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const copy = new Database(temporary);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const problem = verifyDatabaseFile(temporary, { depth: 'integrity_check', allowEmpty: false });
    if (problem) {
      throw agentError(
        'backup.source_damaged',
        `Không sao lưu được: ${problem.vi}. Không có tệp nào được ghi.`,
        `Backup failed: ${problem.en}. No file was written.`,
      );
    }
    fsyncFile(temporary);
    renameSync(temporary, target);
    fsyncFile(dirname(target));
    return { bytes: statSync(target).size };
  } finally {
    removeWithSideFiles(temporary);
  }
}

/**
 * Replaces the agent's database with a verified backup. Refuses while the agent (or another restore)
 * runs, and refuses a corrupt or foreign file before touching anything. The previous database is kept
 * as a safety copy; the swap is a rename, with the old -wal/-shm removed first so they can never be
 * replayed onto the restored file.
 */
export function restoreDatabase(paths: DataPaths, backupFile: string): { safetyCopy: string | null } {
  const source = resolve(backupFile);
  if (!existsSync(source)) {
    throw agentError(
      'restore.missing',
      `Không tìm thấy tệp ${source}.`,
      `File not found: ${source}.`,
      EXIT_USAGE,
    );
  }
  // A restore onto a new computer finds no data folder yet.
  mkdirSync(paths.home, { recursive: true });
  const lock = acquireInstanceLock(paths.lock, 'restore');
  const temporary = join(paths.home, `restore-${process.pid}.partial`);
  try {
    // Verify a private copy: it is exactly what will be installed, and the user's file stays untouched.
    copyFileSync(source, temporary);
    const problem = verifyDatabaseFile(temporary, { depth: 'integrity_check', allowEmpty: false });
    if (problem) {
      throw agentError(
        `restore.${problem.kind}`,
        `Không khôi phục: ${source} — ${problem.vi}. Dữ liệu hiện tại được giữ nguyên.`,
        `Restore refused: ${source} — ${problem.en}. The current data was left untouched.`,
        EXIT_USAGE,
      );
    }
    removeSideFiles(temporary);
    const safetyCopy = existsSync(paths.database) ? keepSafetyCopy(paths) : null;
    fsyncFile(temporary);
    removeSideFiles(paths.database);
    renameSync(temporary, paths.database);
    fsyncFile(paths.home);
    return { safetyCopy };
  } finally {
    removeWithSideFiles(temporary);
    lock.release();
  }
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** `before-restore-2026-12-08T04-33-05.123+07.db`: Vietnam time, like every time EduLens shows. */
export function safetyCopyName(at: number): string {
  const local = new Date(at + VIETNAM_OFFSET_MS).toISOString().slice(0, 23).replace(/:/g, '-');
  return `before-restore-${local}+07.db`;
}

function keepSafetyCopy(paths: DataPaths): string {
  mkdirSync(paths.safetyCopies, { recursive: true });
  const copy = join(paths.safetyCopies, safetyCopyName(Date.now()));
  copyFileSync(paths.database, copy);
  // Commits not yet checkpointed live in the -wal; keep it beside the copy so they are not lost.
  if (existsSync(`${paths.database}-wal`)) copyFileSync(`${paths.database}-wal`, `${copy}-wal`);
  return copy;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeSideFiles(databasePath: string): void {
  for (const suffix of SIDE_FILES) rmSync(databasePath + suffix, { force: true });
}

function removeWithSideFiles(databasePath: string): void {
  rmSync(databasePath, { force: true });
  removeSideFiles(databasePath);
}
