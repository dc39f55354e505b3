import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { acquireInstanceLock, readLockHolder } from './instance-lock';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edulens-lock-'));
  path = join(dir, 'agent.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Pids above the kernel's pid_max (4194304 at most) never belong to a live process.
const DEAD_PID = 9_999_999;

it('records the holder and its port, and removes the file on release', () => {
  const lock = acquireInstanceLock(path, 'agent');
  lock.update({ port: 8787 });
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ pid: process.pid, purpose: 'agent', port: 8787 });
  lock.release();
  expect(existsSync(path)).toBe(false);
});

it('refuses while another live process holds the lock, naming it', () => {
  writeFileSync(path, JSON.stringify({ pid: process.ppid, purpose: 'agent', port: 8787 }));
  expect(readLockHolder(path)).toMatchObject({ pid: process.ppid });
  expect(() => acquireInstanceLock(path, 'restore')).toThrow(
    /already running \(process \d+ \(http:\/\/127\.0\.0\.1:8787\)\)/,
  );
});

it('takes over a lock left by a killed process, or an unreadable one', () => {
  for (const content of [JSON.stringify({ pid: DEAD_PID, purpose: 'agent' }), '']) {
    writeFileSync(path, content);
    expect(readLockHolder(path)).toBeNull();
    acquireInstanceLock(path, 'agent').release();
  }
});
