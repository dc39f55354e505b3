import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { resolveConfig } from './config';
import { AgentError } from './errors';
import { createLogger } from './logger';
import { startAgent } from './server';

// The last step of a start, after the server listens: a full disk there used to leave the HTTP
// server running behind an "agent did not start" (a half-alive agent with no lock).
vi.mock('./security/pairing', () => ({
  issuePairingCode: () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  },
}));

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-start-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

/** Listening servers and timers the process holds (the housekeeping timer among them while running). */
const handles = () => {
  const kinds = process.getActiveResourcesInfo();
  const count = (kind: string) => kinds.filter((one) => one === kind).length;
  return { servers: count('TCPServerWrap'), timers: count('Timeout') };
};

it('a start that fails after listening closes what it opened and names the disk problem', async () => {
  const port = await freePort();
  const config = resolveConfig({ EDULENS_HOME: home, EDULENS_BACKUP_KEEP_DAYS: '0' }, String(port));
  const before = handles();
  const failure = await startAgent(config, createLogger('silent', { write: () => {} })).catch(
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(AgentError);
  expect((failure as AgentError).code).toBe('disk.full');
  expect((failure as AgentError).text.en).toContain(`(${home}) is full (ENOSPC)`);
  expect(await refused(port)).toBe(true);
  expect(existsSync(config.paths.lock)).toBe(false);
  const after = handles();
  expect(after.servers).toBeLessThanOrEqual(before.servers);
  expect(after.timers).toBeLessThanOrEqual(before.timers);
});
