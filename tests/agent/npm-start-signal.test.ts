import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// Issue 11, item 5: a signal sent to the process `npm start` created (as a service manager or a
// script stops it, by pid) reaches the agent, and nothing is left running. Before, npm's shell
// (`sh -c "setup && agent"`) died of the signal and left the agent orphaned.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const BANNER = /URL:\s+(http:\/\/127\.0\.0\.1:(\d+))/;

/** Pids of the live processes whose environment has EDULENS_HOME=home (Linux /proc). */
function processesWithHome(home: string): number[] {
  const needle = `EDULENS_HOME=${home}\0`;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      const status = readFileSync(`/proc/${entry}/stat`, 'latin1');
      // A zombie (state Z) has ended; only its exit status is left for its parent to collect.
      if (`${environ}\0`.includes(needle) && !/^\d+ \(.*\) Z/.test(status)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

const homes: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const home of homes.splice(0)) {
    for (const pid of processesWithHome(home)) process.kill(pid, 'SIGKILL');
    rmSync(home, { recursive: true, force: true });
  }
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe.skipIf(process.platform !== 'linux')('npm start and signals', () => {
  it('SIGTERM to the npm process stops the agent: port closed, no process left', async () => {
    const home = mkdtempSync(join(tmpdir(), 'edulens-npm-start-'));
    homes.push(home);
    const npm = spawn('npm', ['start'], {
      cwd: repoRoot,
      env: { ...process.env, EDULENS_HOME: home, EDULENS_PORT: '0', EDULENS_BACKUP_KEEP_DAYS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(npm);
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const npmExited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));

    expect(await until(() => BANNER.test(output), 30_000), output).toBe(true);
    const [, url, port] = BANNER.exec(output)!;
    // Dependencies are installed: setup must not have reinstalled them.
    expect(output).not.toContain('npm ci');
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(processesWithHome(home).length).toBeGreaterThan(0);

    process.kill(npm.pid!, 'SIGTERM');
    await npmExited;
    expect(await until(async () => !(await portAnswers(Number(port))), 10_000)).toBe(true);
    expect(await until(() => processesWithHome(home).length === 0, 10_000)).toBe(true);
    // It stopped cleanly (database and log closed), not killed.
    expect(await until(() => output.includes('agent stopped'), 5_000), output).toBe(true);
  });

  it('the same for npm run portals: SIGTERM to npm stops the simulated portals', async () => {
    // EDULENS_HOME only marks this run's processes; the portals do not use it.
    const marker = mkdtempSync(join(tmpdir(), 'edulens-npm-portals-'));
    homes.push(marker);
    const npm = spawn('npm', ['run', 'portals'], {
      cwd: repoRoot,
      env: { ...process.env, EDULENS_HOME: marker, EDULENS_PORTALS_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(npm);
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const npmExited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    const PORTAL = /(http:\/\/127\.0\.0\.1:(\d+))/;

    expect(await until(() => PORTAL.test(output), 30_000), output).toBe(true);
    const [, url, port] = PORTAL.exec(output)!;
    expect((await fetch(url!)).status).toBeLessThan(500);

    process.kill(npm.pid!, 'SIGTERM');
    await npmExited;
    expect(await until(async () => !(await portAnswers(Number(port))), 10_000)).toBe(true);
    expect(await until(() => processesWithHome(marker).length === 0, 10_000)).toBe(true);
  });
});
