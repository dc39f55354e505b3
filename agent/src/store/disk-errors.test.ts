import { expect, it } from 'vitest';
import { AgentError } from '../errors';
import { describeDiskProblem, diskAgentError, diskProblem } from './disk-errors';

const error = (code: string, syscall?: string) => Object.assign(new Error(code), { code, syscall });
// A folder whose disk has room: an I/O error there is not mistaken for a full disk.
const ROOMY = process.cwd();

it('tells the disk failures apart by their OS or SQLite code', () => {
  const kinds = Object.fromEntries(
    [
      'ENOSPC',
      'EDQUOT',
      'EFBIG',
      'SQLITE_FULL',
      'EROFS',
      'SQLITE_READONLY',
      'SQLITE_READONLY_DBMOVED',
      'EACCES',
      'EPERM',
      'SQLITE_CANTOPEN',
      'SQLITE_IOERR',
      'SQLITE_IOERR_WRITE',
      'EIO',
    ].map((code) => [code, diskProblem(error(code), ROOMY)?.kind]),
  );
  expect(kinds).toEqual({
    ENOSPC: 'full',
    EDQUOT: 'full',
    EFBIG: 'full',
    SQLITE_FULL: 'full',
    EROFS: 'read_only',
    SQLITE_READONLY: 'read_only',
    SQLITE_READONLY_DBMOVED: 'read_only',
    EACCES: 'denied',
    EPERM: 'denied',
    SQLITE_CANTOPEN: 'cannot_open',
    SQLITE_IOERR: 'io',
    SQLITE_IOERR_WRITE: 'io',
    EIO: 'io',
  });
  expect(diskProblem(error('ENOENT', 'mkdir'), ROOMY)?.kind).toBe('cannot_open');
  for (const other of [error('ENOENT', 'open'), error('SQLITE_CONSTRAINT'), new Error('x'), 'text', null])
    expect(diskProblem(other, ROOMY)).toBeUndefined();
});

it('names the folder and what to do, Vietnamese first, in one line', () => {
  const folder = '/home/cô giáo/.edulens';
  for (const kind of ['full', 'read_only', 'denied', 'cannot_open', 'io'] as const) {
    const { vi, en } = describeDiskProblem({ kind, code: 'X' }, folder);
    for (const text of [vi, en]) {
      expect(text).toContain(folder);
      expect(text).not.toContain('\n');
    }
    expect(vi).toMatch(/hãy/i);
  }
  const running = describeDiskProblem({ kind: 'full', code: 'ENOSPC' }, folder);
  expect(running.en).toContain('resumes saving by itself');
  const startError = diskAgentError(error('ENOSPC'), folder);
  expect(startError).toBeInstanceOf(AgentError);
  expect(startError?.code).toBe('disk.full');
  expect(startError?.text.en).toContain('then run the command again');
  expect(diskAgentError(new Error('other'), folder)).toBeUndefined();
});
