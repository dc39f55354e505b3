import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CONTROLLER = fileURLToPath(new URL('./full-disk-controller.mjs', import.meta.url));
const EDULENS_BIN = fileURLToPath(new URL('../../agent/bin/edulens.mjs', import.meta.url));
const BANNER = /URL:\s+(http:\/\/127\.0\.0\.1:(\d+))[\s\S]*Pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})/;

export type StartAnswer =
  | { started: true; pid: number; url: string; port: number; code: string }
  | { started: false; pid: number; exitCode: number | null; signal: string | null; output: string };

export interface SmallDisk {
  /**
   * `tmpfs`: a real small filesystem the disk fills up (ENOSPC). `prlimit`: the fallback where no
   * mount is allowed — "full" is a file-size limit on the agent process (EFBIG, which SQLite reports
   * as an I/O error rather than SQLITE_FULL).
   */
  kind: 'tmpfs' | 'prlimit';
  /** `folder`: the data folder, relative to the disk (default "home"). */
  start(args: string[], folder?: string): Promise<StartAnswer>;
  /** Only on a tmpfs. */
  readOnly(on: boolean): Promise<unknown>;
  /** Takes every free byte; answers the bytes still free. */
  fill(): Promise<{ free: number }>;
  free(): Promise<unknown>;
  stop(): Promise<{ exitCode: number | null }>;
  /** The agent's log files, concatenated. */
  log(): Promise<{ log: string }>;
  /** Ends the agent (and the namespace). */
  close(): Promise<void>;
}

const succeeds = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8' });

/**
 * A small disk for the agent's data under `root`: a tmpfs of `sizeMb` in a mount namespace of its own
 * (`unshare -rm`) where the machine allows it, else a file-size limit (`prlimit --fsize`); neither
 * available is an error that says so (set EDULENS_TEST_SMALL_DISK=prlimit to force the fallback).
 */
export function openSmallDisk(root: string, sizeMb: number): SmallDisk {
  const forced = process.env.EDULENS_TEST_SMALL_DISK;
  const unshare = succeeds('unshare', [
    '-rm',
    'sh',
    '-c',
    'mount -t tmpfs -o size=1m none /mnt && umount /mnt',
  ]);
  if (forced !== 'prlimit' && unshare.status === 0) return tmpfsDisk(join(root, 'disk'), sizeMb);
  const prlimit = succeeds('prlimit', ['--fsize=1000000', 'true']);
  if (prlimit.status === 0) return prlimitDisk(join(root, 'disk'));
  throw new Error(
    'The full-disk test needs a small filesystem of its own and this machine allows neither ' +
      `"unshare -rm" + "mount -t tmpfs" (${unshare.error?.message ?? unshare.stderr.trim()}) nor ` +
      `"prlimit --fsize" (${prlimit.error?.message ?? prlimit.stderr.trim()}).`,
  );
}

/** Runs tests/helpers/full-disk-controller.mjs in the namespace and speaks its line protocol. */
function tmpfsDisk(mountPoint: string, sizeMb: number): SmallDisk {
  const child = spawn(
    'unshare',
    ['-rm', process.execPath, CONTROLLER, mountPoint, String(sizeMb), EDULENS_BIN],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const waiting: Array<(answer: unknown) => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(JSON.parse(line)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ask = <T>(command: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push((answer) => {
        const failed = (answer as { error?: string }).error;
        if (failed) reject(new Error(`${failed}\n${stderr}`));
        else resolve(answer as T);
      });
      child.stdin.write(`${JSON.stringify(command)}\n`);
      void exited.then(() => reject(new Error(`the small-disk controller ended:\n${stderr}`)));
    });
  return {
    kind: 'tmpfs',
    start: (args, folder) => ask({ do: 'start', args, folder }),
    readOnly: (on) => ask({ do: 'readOnly', on }),
    fill: () => ask({ do: 'fill' }),
    free: () => ask({ do: 'free' }),
    stop: () => ask({ do: 'stop' }),
    log: () => ask({ do: 'log' }),
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

/**
 * The fallback: while "full", the running agent may not grow any file past the WAL's present size,
 * and an agent started then may not write a byte.
 */
function prlimitDisk(directory: string): SmallDisk {
  const home = join(directory, 'home');
  mkdirSync(directory, { recursive: true });
  let agent: ChildProcess | undefined;
  let limit: number | undefined;
  const running = () => agent !== undefined && agent.exitCode === null && agent.signalCode === null;
  const setLimit = () => {
    if (!running()) return;
    const value = limit === undefined ? 'unlimited' : String(limit);
    execFileSync('prlimit', ['--pid', String(agent!.pid), `--fsize=${value}:`]);
  };
  const fileSize = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return {
    kind: 'prlimit',
    start: (args, folder = 'home') =>
      new Promise((resolve) => {
        const fsize = limit === undefined ? 'unlimited' : '0';
        const child = spawn(
          'prlimit',
          [`--fsize=${fsize}:`, process.execPath, EDULENS_BIN, 'agent', ...args],
          {
            env: { ...process.env, EDULENS_HOME: join(directory, folder), EDULENS_BACKUP_KEEP_DAYS: '0' },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        agent = child;
        let output = '';
        let answered = false;
        const collect = (chunk: Buffer) => {
          output += chunk.toString();
          const banner = BANNER.exec(output);
          if (!banner || answered) return;
          answered = true;
          resolve({
            started: true,
            pid: child.pid!,
            url: banner[1]!,
            port: Number(banner[2]),
            code: banner[3]!,
          });
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.once('exit', (exitCode, signal) => {
          if (!answered) resolve({ started: false, pid: child.pid!, exitCode, signal, output });
        });
      }),
    readOnly: () => Promise.reject(new Error('a read-only disk needs the tmpfs (unshare -rm)')),
    fill: () => {
      limit = fileSize(join(home, 'edulens.db-wal'));
      setLimit();
      return Promise.resolve({ free: 0 });
    },
    free: () => {
      limit = undefined;
      setLimit();
      return Promise.resolve({});
    },
    stop: () =>
      new Promise((resolve) => {
        if (!running()) return resolve({ exitCode: agent?.exitCode ?? null });
        agent!.once('exit', (exitCode) => resolve({ exitCode }));
        agent!.kill('SIGTERM');
      }),
    log: () => {
      const logs = join(home, 'logs');
      const names = readdirSync(logs).sort();
      return Promise.resolve({ log: names.map((name) => readFileSync(join(logs, name), 'utf8')).join('') });
    },
    close: async () => {
      if (!running()) return;
      const gone = new Promise((resolve) => agent!.once('exit', resolve));
      agent!.kill('SIGKILL');
      await gone;
    },
  };
}
