import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './run-cli';

const agentDir = fileURLToPath(new URL('../../agent/', import.meta.url));
const bin = join(agentDir, 'bin', 'edulens.mjs');
const preload = fileURLToPath(new URL('./measure-exit.mjs', import.meta.url));

/** The same test agent/bin/edulens.mjs makes: the bundle is newer than every source it was built from. */
export function cliBundleIsFresh(): boolean {
  try {
    const builtAt = statSync(join(agentDir, 'dist', 'cli.mjs')).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(agentDir, 'dist', 'inputs.json'), 'utf8')) as string[];
    return inputs.every((input) => statSync(join(agentDir, input)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/**
 * Builds the CLI bundle when it is stale, so that a measured run times the command and not tsx
 * compiling the sources; throws if it is still stale afterwards.
 */
export function ensureCliBundle(): void {
  if (cliBundleIsFresh()) return;
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs')], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  if (!cliBundleIsFresh()) throw new Error('agent/dist is stale after scripts/build-cli.mjs');
}

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The first MiB of stdout. */
  stdout: string;
  stderr: string;
  /** The child's own age at exit (start-up included), from its preload; undefined if it died. */
  elapsedMs: number | undefined;
  /** CPU time the child used (user + system), ms; undefined if it died. */
  cpuMs: number | undefined;
  /** Peak resident memory of the child (its resourceUsage().maxRSS), MiB; undefined if it died. */
  peakMiB: number | undefined;
  /** Wall time seen from here, spawn to close. */
  wallMs: number;
  /** Why the watchdog killed it, if it did. */
  killed?: string;
}

export interface MeasureOptions {
  /** Kill the child after this long (a hung reader must not hang the suite). */
  timeoutMs?: number;
  /** Kill the child once its resident memory passes this (it has failed the bound long before). */
  killAboveMiB?: number;
  env?: Record<string, string>;
}

function residentMiB(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

/**
 * Runs a node script (by default the real `edulens` CLI) as a child with the measuring preload,
 * and reports its exit, output, age and peak memory. On Linux a watchdog also kills a child that
 * goes far past the bounds, so that a regression costs seconds, not the machine.
 */
export function runMeasured(
  args: readonly string[],
  { timeoutMs = 20_000, killAboveMiB = 1024, env = {} }: MeasureOptions = {},
  script: readonly string[] = [bin],
): Promise<MeasuredRun> {
  const folder = mkdtempSync(join(tmpdir(), 'edulens-measure-'));
  const measureFile = join(folder, 'measure.json');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', preload, ...script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', EDULENS_MEASURE_FILE: measureFile, ...env },
    });
    let stdout = '';
    let stderr = '';
    let killed: string | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 1024 * 1024) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 1024 * 1024) stderr += chunk;
    });
    const kill = (why: string) => {
      killed ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill(`still running after ${timeoutMs} ms`), timeoutMs);
    const watchdog = setInterval(() => {
      const rss = child.pid === undefined ? undefined : residentMiB(child.pid);
      if (rss !== undefined && rss > killAboveMiB) kill(`resident memory passed ${killAboveMiB} MiB`);
    }, 50);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watchdog);
      const wallMs = performance.now() - started;
      let measured: { maxRssKiB: number; elapsedMs: number; cpuMs: number } | undefined;
      try {
        measured = JSON.parse(readFileSync(measureFile, 'utf8')) as typeof measured;
      } catch {
        measured = undefined;
      }
      rmSync(folder, { recursive: true, force: true });
      resolve({
        code,
        signal,
        stdout,
        stderr,
        elapsedMs: measured?.elapsedMs,
        cpuMs: measured?.cpuMs,
        peakMiB: measured === undefined ? undefined : measured.maxRssKiB / 1024,
        wallMs,
        ...(killed ? { killed } : {}),
      });
    });
  });
}

/** One line for a table of measurements. */
export function describeRun(run: MeasuredRun): string {
  const time = run.elapsedMs === undefined ? '—' : `${(run.elapsedMs / 1000).toFixed(2)} s`;
  const memory = run.peakMiB === undefined ? '—' : `${Math.round(run.peakMiB)} MiB`;
  const stderr = run.stderr.trim().split('\n')[0] ?? '';
  const more =
    run.stderr.trim().split('\n').length > 1 ? ` (+${run.stderr.trim().split('\n').length - 1} lines)` : '';
  return `${time}, ${memory}, exit ${run.code ?? run.signal}${run.killed ? ` [killed: ${run.killed}]` : ''}, stderr: ${stderr.slice(0, 200)}${more}`;
}
