import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeClassWorkbook } from '../helpers/grade-workbook';

// Issue 11, item 2: the agent and CLI as an installable package. The tarball `npm run pack:agent`
// makes is installed with `npm install -g` into a temporary prefix, and the installed `edulens`
// is run from a folder outside the repository: no workspace, no tsx, no repository node_modules.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const isWindows = process.platform === 'win32';

let work: string;
let prefix: string;
let edulens: string;
let installedPackage: string;
const running: ChildProcess[] = [];

/** The environment a user's shell would give: the prefix's bin first, nothing of the repository. */
function userEnv(home: string): NodeJS.ProcessEnv {
  const bin = isWindows ? prefix : join(prefix, 'bin');
  return {
    ...process.env,
    PATH: `${bin}${isWindows ? ';' : ':'}${process.env.PATH ?? ''}`,
    EDULENS_HOME: home,
    EDULENS_BACKUP_KEEP_DAYS: '0',
    NODE_PATH: '',
  };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'edulens-global-'));
  const packDir = join(work, 'pack');
  prefix = join(work, 'prefix');
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs'), '--pack', '--out', packDir], {
    stdio: 'pipe',
  });
  const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'));
  expect(tarball).toBeDefined();
  // From the temporary folder, so no .npmrc or workspace of the repository applies.
  execFileSync(
    'npm',
    ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', join(packDir, tarball!)],
    { cwd: work, stdio: 'pipe', shell: isWindows },
  );
  edulens = isWindows ? join(prefix, 'edulens.cmd') : join(prefix, 'bin', 'edulens');
  installedPackage = isWindows
    ? join(prefix, 'node_modules', '@edulens', 'agent')
    : join(prefix, 'lib', 'node_modules', '@edulens', 'agent');
}, 60_000);

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

describe('the packed agent installed with npm install -g', () => {
  it('carries only what runs: the bundle and better-sqlite3, no TypeScript or test tooling', () => {
    expect(existsSync(edulens)).toBe(true);
    expect(readdirSync(join(installedPackage, 'node_modules')).sort()).toEqual([
      'better-sqlite3',
      'bindings',
      'file-uri-to-path',
    ]);
    expect(existsSync(join(installedPackage, 'src'))).toBe(false);
  });

  it('edulens --version and edulens check work from another folder', async () => {
    const folder = join(work, 'teacher');
    mkdirSync(folder);
    await writeClassWorkbook(join(folder, 'lop-6a.xlsx'));
    const env = userEnv(join(work, 'home-cli'));
    const version = execFileSync('edulens', ['--version'], {
      cwd: folder,
      env,
      encoding: 'utf8',
      shell: isWindows,
    });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+/);
    // Exit code 1: the class sheet has errors on purpose; 2 would be a failure to read it.
    const check = spawnSync('edulens', ['check', 'lop-6a.xlsx'], {
      cwd: folder,
      env,
      encoding: 'utf8',
      shell: isWindows,
    });
    expect(check.status, check.stderr).toBe(1);
    const report = check.stdout;
    expect(report).toContain('lop-6a.xlsx');
    expect(report).toContain('6A - Toán');
  });

  it('edulens agent starts, answers /health, and stops on SIGTERM', async () => {
    const home = join(work, 'home-agent');
    const agent = spawn(edulens, ['agent', '--port', '0'], {
      cwd: work,
      env: userEnv(home),
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: isWindows,
    });
    running.push(agent);
    let output = '';
    agent.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    agent.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => agent.once('exit', (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while (
      !/URL:\s+http:\/\/127\.0\.0\.1:\d+/.test(output) &&
      Date.now() < deadline &&
      agent.exitCode === null
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const url = /URL:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url, output).toBeDefined();
    const health = (await (await fetch(`${url}/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    expect(existsSync(join(home, 'edulens.db'))).toBe(true);

    agent.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('agent stopped');
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
