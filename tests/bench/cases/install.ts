import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchRow } from '../bench-row';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const WORKSPACES = ['shared', 'agent', 'extension', 'tests'];
const START_RUNS = 3;

/** Bytes in a folder, files only (what `du --apparent-size` counts). */
function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

function seconds(work: () => void): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1000;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A bare Node HTTP server answering /health: the floor any Node agent's start-up stands on. */
const bareServer = `require('node:http').createServer((q, s) => s.end('ok')).listen(+process.argv[1], '127.0.0.1')`;

/**
 * Spawn of a server until its first /health answer, in milliseconds: the installed `edulens
 * agent`, or (without `edulens`) the bare Node server, its baseline.
 */
async function startToHealthMs(edulens: string | undefined, home: string): Promise<number> {
  const port = await freePort();
  const start = performance.now();
  const agent = edulens
    ? spawn(edulens, ['agent', '--port', String(port)], {
        env: { ...process.env, EDULENS_HOME: home, EDULENS_BACKUP_KEEP_DAYS: '0' },
        stdio: 'ignore',
      })
    : spawn(process.execPath, ['-e', bareServer, String(port)], { stdio: 'ignore' });
  const exited = new Promise((resolve) => agent.once('exit', resolve));
  try {
    const deadline = start + 30_000;
    while (performance.now() < deadline) {
      if (agent.exitCode !== null) throw new Error(`edulens agent exited (${agent.exitCode})`);
      const answered = await fetch(`http://127.0.0.1:${port}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (answered) return performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('edulens agent did not answer /health within 30 s');
  } finally {
    agent.kill('SIGTERM');
    await exited;
  }
}

/**
 * Issue 11, item 7: what installing costs.
 * - `npm ci` of the repository from scratch, in a temporary folder holding only the manifests
 *   (root and workspaces) and package-lock.json, with the npm cache WARM (this machine has
 *   installed the same lockfile before) and --ignore-scripts: the download-and-unpack part every
 *   clone pays; better-sqlite3's native build and the CLI bundle come on top (on this machine,
 *   which cannot reach GitHub for a prebuilt binary, the native build compiles SQLite: minutes).
 * - The global package (`npm run pack:agent`): tarball, its installed size, `npm install -g` time.
 * - The installed `edulens agent`: spawn to first /health answer, median of 3.
 */
export const installCase: BenchCase = async (): Promise<BenchRow[]> => {
  const work = mkdtempSync(join(tmpdir(), 'edulens-bench-install-'));
  try {
    const copy = join(work, 'repo');
    mkdirSync(copy);
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(repoRoot, file), join(copy, file));
    for (const workspace of WORKSPACES) {
      mkdirSync(join(copy, workspace));
      cpSync(join(repoRoot, workspace, 'package.json'), join(copy, workspace, 'package.json'));
    }
    const ciSeconds = seconds(() =>
      execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
        cwd: copy,
        stdio: 'pipe',
      }),
    );
    const nodeModulesBytes = folderBytes(join(copy, 'node_modules'));
    rmSync(copy, { recursive: true, force: true });

    const packDir = join(work, 'pack');
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs'), '--pack', '--out', packDir], {
      stdio: 'pipe',
    });
    const tarball = join(
      packDir,
      readdirSync(packDir).find((name) => name.endsWith('.tgz'))!,
    );
    const prefix = join(work, 'prefix');
    const installSeconds = seconds(() =>
      execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
        cwd: work,
        stdio: 'pipe',
      }),
    );
    const installedBytes = folderBytes(join(prefix, 'lib', 'node_modules', '@edulens', 'agent'));

    const edulens = join(prefix, 'bin', 'edulens');
    const median = async (command: string | undefined) => {
      const starts: number[] = [];
      for (let run = 0; run < START_RUNS; run++)
        starts.push(await startToHealthMs(command, join(work, `home-${run}`)));
      return starts.sort((a, b) => a - b)[Math.floor(starts.length / 2)]!;
    };
    const agentStart = await median(edulens);
    const bareStart = await median(undefined);

    const mb = (bytes: number) => bytes / 1024 / 1024;
    return [
      { case: 'npm ci, fresh node_modules (warm npm cache, --ignore-scripts)', figure: ciSeconds, unit: 's' },
      { case: 'npm ci: node_modules installed size', figure: mb(nodeModulesBytes), unit: 'MB' },
      {
        case: 'global package: tarball (npm run pack:agent)',
        figure: mb(statSync(tarball).size),
        unit: 'MB',
      },
      {
        // Against what a developer's clone installs: a school's computer gets a small fraction of it.
        case: 'global package: installed size (npm install -g), vs the npm ci above',
        figure: mb(installedBytes),
        unit: 'MB',
        baseline: mb(nodeModulesBytes),
        ratioGoal: { max: 0.1 },
      },
      {
        case: 'global package: npm install -g time, vs the npm ci above',
        figure: installSeconds,
        unit: 's',
        baseline: ciSeconds,
        ratioGoal: { max: 0.25 },
      },
      {
        case: `installed edulens agent: spawn → first /health answer (median of ${START_RUNS}), vs a bare Node server`,
        figure: agentStart,
        unit: 'ms',
        baseline: bareStart,
        goal: { max: 2_000 },
      },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
