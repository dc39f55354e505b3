import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** Makes every commit written to the database's WAL so far durable. */
export interface WalSync {
  /** fsync on libuv's thread pool: the event loop keeps serving requests meanwhile. */
  sync(): Promise<void>;
  /** The same, blocking; for shutdown. */
  syncNow(): void;
  close(): void;
}

/**
 * With synchronous=NORMAL SQLite writes each commit into the WAL without waiting for the disk; this
 * fsyncs that WAL file from a second descriptor (Linux and Windows flush the file, not the
 * descriptor). The WAL lives as long as the agent's connection is open, so one descriptor serves the
 * whole run. The directory is synced once so the WAL's own name is durable before the first commit
 * that relies on it.
 */
export function openWalSync(databasePath: string): WalSync {
  syncDirectory(dirname(databasePath));
  const wal = openSync(`${databasePath}-wal`, 'r+');
  return {
    sync: () =>
      new Promise<void>((resolve, reject) => fsync(wal, (error) => (error ? reject(error) : resolve()))),
    syncNow: () => fsyncSync(wal),
    close: () => closeSync(wal),
  };
}

function syncDirectory(path: string): void {
  // Windows cannot open a directory as a file, and NTFS journals the name itself.
  if (process.platform === 'win32') return;
  const directory = openSync(path, 'r');
  try {
    fsyncSync(directory);
  } finally {
    closeSync(directory);
  }
}
