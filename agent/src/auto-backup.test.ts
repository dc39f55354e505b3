import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFileName, backupsToRemove, backupTime, isBackupDue, scheduleBackups } from './auto-backup';
import { DAY_MS } from './config';
import { createLogger } from './logger';

const at = (iso: string) => Date.parse(iso);

describe('backup file names', () => {
  it('are written in Vietnam time and read back to the minute', () => {
    const time = at('2026-11-30T17:45:30Z');
    expect(backupFileName(time)).toBe('edulens-2026-12-01T0045.db');
    expect(backupTime('edulens-2026-12-01T0045.db')).toBe(at('2026-11-30T17:45:00Z'));
    expect(backupTime('edulens.db')).toBeUndefined();
    expect(backupTime('edulens-2026-12-01T0045.db.partial-12')).toBeUndefined();
  });
});

describe('when a backup is due', () => {
  const now = at('2026-11-30T08:00:00Z');
  it('is due with none, or when the newest is about a day old', () => {
    expect(isBackupDue([], now)).toBe(true);
    expect(isBackupDue([now - 3 * DAY_MS, now - 2 * 3_600_000], now)).toBe(false);
    expect(isBackupDue([now - 23.5 * 3_600_000], now)).toBe(true);
  });
});

describe('which backups are thinned out', () => {
  it('keeps every recent one, then the last of each month for a year', () => {
    const now = at('2026-11-30T08:00:00Z');
    const daily = Array.from({ length: 500 }, (_, day) => now - day * DAY_MS);
    const removed = new Set(backupsToRemove(daily, now, 14));
    const kept = daily.filter((time) => !removed.has(time));
    const recent = kept.filter((time) => now - time < 14 * DAY_MS);
    expect(recent).toHaveLength(14);
    const older = kept
      .filter((time) => now - time >= 14 * DAY_MS)
      .map((time) => new Date(time).toISOString());
    // The last backup of each month from November 2025 to October 2026 (before that: gone).
    expect(older).toEqual([
      '2026-10-31T08:00:00.000Z',
      '2026-09-30T08:00:00.000Z',
      '2026-08-31T08:00:00.000Z',
      '2026-07-31T08:00:00.000Z',
      '2026-06-30T08:00:00.000Z',
      '2026-05-31T08:00:00.000Z',
      '2026-04-30T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
      '2026-02-28T08:00:00.000Z',
      '2026-01-31T08:00:00.000Z',
      '2025-12-31T08:00:00.000Z',
      '2025-11-30T08:00:00.000Z',
    ]);
  });
});

describe('scheduleBackups', () => {
  let directory: string;
  const logLines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'edulens-backups-'));
    logLines.length = 0;
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  const writeBackup = async (file: string) => writeFileSync(file, 'copy');
  const schedule = (now: number, runBackup = writeBackup) =>
    scheduleBackups({ directory, keepDays: 2, now: () => now, logger, runBackup });

  it('takes one at once when none exists, then none while it is fresh', async () => {
    const now = at('2026-11-30T08:00:00Z');
    const first = schedule(now);
    await first.idle();
    first.stop();
    expect(readdirSync(directory)).toEqual(['edulens-2026-11-30T1500.db']);
    const again = schedule(now + 3_600_000);
    await again.idle();
    again.stop();
    expect(readdirSync(directory)).toHaveLength(1);
  });

  it('thins out old backups after a new one, leaving other files alone', async () => {
    const now = at('2026-11-30T08:00:00Z');
    for (const days of [1, 2, 3, 40, 41])
      writeFileSync(join(directory, backupFileName(now - days * DAY_MS)), 'x');
    writeFileSync(join(directory, 'notes.txt'), 'the principal’s notes');
    const backups = schedule(now);
    await backups.idle();
    backups.stop();
    expect(readdirSync(directory).sort()).toEqual([
      'edulens-2026-10-21T1500.db', // the last of October
      'edulens-2026-11-29T1500.db',
      'edulens-2026-11-30T1500.db',
      'notes.txt',
    ]);
  });

  it('logs a failure and keeps every existing backup', async () => {
    const now = at('2026-11-30T08:00:00Z');
    const old = backupFileName(now - 30 * DAY_MS);
    writeFileSync(join(directory, old), 'x');
    const backups = schedule(now, async () => {
      throw new Error('Không sao lưu được: ổ đĩa đầy / disk full');
    });
    await backups.idle();
    backups.stop();
    expect(readdirSync(directory)).toEqual([old]);
    expect(logLines.join('')).toContain('automatic backup failed');
    expect(logLines.join('')).toContain('disk full');
  });
});
