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

/** Runs `npm <args>` in the repository with a marked environment, collecting what it prints. */
function startNpm(args: string[], env: Record<string, string>) {
  const marker = mkdtempSync(join(tmpdir(), 'edulens-npm-signal-'));
  homes.push(marker);
  const npm = spawn('npm', args, {
    cwd: repoRoot,
    // EDULENS_HOME marks this run's processes (and holds the agent's data).
    env: { ...process.env, EDULENS_HOME: marker, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(npm);
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  return { npm, marker, exited, output: () => output };
}

describe.skipIf(process.platform !== 'linux')('npm start and signals', () => {
  it('SIGTERM to the npm process stops the agent: port closed, no process left', async () => {
    const run = startNpm(['start'], { EDULENS_PORT: '0', EDULENS_BACKUP_KEEP_DAYS: '0' });
    expect(await until(() => BANNER.test(run.output()), 30_000), run.output()).toBe(true);
    const [, url, port] = BANNER.exec(run.output())!;
    // Dependencies are installed: setup must not have reinstalled them.
    expect(run.output()).not.toContain('npm ci');
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(processesWithHome(run.marker).length).toBeGreaterThan(0);

    process.kill(run.npm.pid!, 'SIGTERM');
    await run.exited;
    expect(await until(async () => !(await portAnswers(Number(port))), 10_000)).toBe(true);
    expect(await until(() => processesWithHome(run.marker).length === 0, 10_000)).toBe(true);
    // It stopped cleanly (database and log closed), not killed.
    expect(await until(() => run.output().includes('agent stopped'), 5_000), run.output()).toBe(true);
  });

  it('the same for npm run portals: SIGTERM to npm stops the simulated portals', async () => {
    const run = startNpm(['run', 'portals'], { EDULENS_PORTALS_PORT: '0' });
    const PORTAL = /(http:\/\/127\.0\.0\.1:(\d+))/;

    expect(await until(() => PORTAL.test(run.output()), 30_000), run.output()).toBe(true);
    const [, url, port] = PORTAL.exec(run.output())!;
    expect((await fetch(url!)).status).toBeLessThan(500);

    process.kill(run.npm.pid!, 'SIGTERM');
    await run.exited;
    expect(await until(async () => !(await portAnswers(Number(port))), 10_000)).toBe(true);
    expect(await until(() => processesWithHome(run.marker).length === 0, 10_000)).toBe(true);
  });
});
