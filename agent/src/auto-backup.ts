import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAY_MS } from './config';
import type { Logger } from './logger';

// Automatic backups while the agent runs: schools must back up every semester and year, and many
// simply never do. A verified copy is taken when the newest is a day old; recent ones are all kept,
// older ones thin out to the last of each month for a year (which holds the end of each semester).

const HOUR_MS = 3_600_000;
/** Vietnam time (GMT+7), in which the file names are written. */
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
const NAME = /^edulens-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})\.db$/;
const MONTHS_KEPT = 12;

export function backupFileName(at: number): string {
  const local = new Date(at + VIETNAM_OFFSET_MS).toISOString();
  return `edulens-${local.slice(0, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}.db`;
}

/** When a backup file was taken, from its name; undefined for any other file. */
export function backupTime(name: string): number | undefined {
  const match = NAME.exec(name);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(year, month - 1, day, hour, minute) - VIETNAM_OFFSET_MS;
}

/** When the newest backup in `directory` was taken; null when there is none (or no folder yet). */
export function newestBackupTime(directory: string): number | null {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return null;
  }
  const times = names.map(backupTime).filter((time) => time !== undefined);
  return times.length === 0 ? null : Math.max(...times);
}

/** Due when there is none, or the newest is a day old (an hour of slack so a daily run never drifts by a day). */
export function isBackupDue(times: readonly number[], now: number): boolean {
  return times.every((time) => now - time >= DAY_MS - HOUR_MS);
}

/**
 * The backups to delete: every one younger than `keepDays` stays; of the older ones, the newest of
 * each calendar month (Vietnam time) stays for twelve months.
 */
export function backupsToRemove(times: readonly number[], now: number, keepDays: number): number[] {
  const monthOf = (time: number) => new Date(time + VIETNAM_OFFSET_MS).toISOString().slice(0, 7);
  const oldestMonthKept = monthOf(
    Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - MONTHS_KEPT, 1),
  );
  const newestOfMonth = new Map<string, number>();
  for (const time of times) {
    const month = monthOf(time);
    if (time > (newestOfMonth.get(month) ?? -Infinity)) newestOfMonth.set(month, time);
  }
  return times.filter((time) => {
    if (now - time < keepDays * DAY_MS) return false;
    const month = monthOf(time);
    return !(month >= oldestMonthKept && newestOfMonth.get(month) === time);
  });
}

export interface BackupScheduleDeps {
  directory: string;
  keepDays: number;
  now: () => number;
  logger: Logger;
  /** Writes a verified backup to `file`; rejects with a message when it could not. */
  runBackup: (file: string) => Promise<void>;
  checkEveryMs?: number;
}

/**
 * Checks now and then hourly whether a backup is due, takes it, and thins out old ones. A failure is
 * logged and retried at the next check; it never stops the agent. Returns the function that stops it.
 */
export function scheduleBackups(deps: BackupScheduleDeps): { stop(): void; idle(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const check = () => {
    if (busy) return;
    busy = true;
    running = takeBackupIfDue(deps).finally(() => {
      busy = false;
    });
  };
  check();
  const timer = setInterval(check, deps.checkEveryMs ?? HOUR_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), idle: () => running };
}

async function takeBackupIfDue({
  directory,
  keepDays,
  now,
  logger,
  runBackup,
}: BackupScheduleDeps): Promise<void> {
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const existing = () =>
      readdirSync(directory).flatMap((name) => {
        const time = backupTime(name);
        return time === undefined ? [] : [{ name, time }];
      });
    if (
      !isBackupDue(
        existing().map((backup) => backup.time),
        now(),
      )
    )
      return;
    const file = join(directory, backupFileName(now()));
    await runBackup(file);
    logger.info({ file }, 'automatic backup');
    const backups = existing();
    const stale = new Set(
      backupsToRemove(
        backups.map((backup) => backup.time),
        now(),
        keepDays,
      ),
    );
    for (const backup of backups)
      if (stale.has(backup.time)) rmSync(join(directory, backup.name), { force: true });
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'automatic backup failed');
  }
}

const EDULENS_BIN = fileURLToPath(new URL('../bin/edulens.mjs', import.meta.url));

/**
 * `edulens backup FILE` in a child process: copying and integrity-checking a large database takes
 * seconds of CPU that must not stall the agent's requests. The child reads the same EDULENS_HOME.
 */
export function backupInChildProcess(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [EDULENS_BIN, 'backup', file], {
      env: process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(stderr.trim().split('\n')[0] || `edulens backup exited ${code}`)),
    );
  });
}
