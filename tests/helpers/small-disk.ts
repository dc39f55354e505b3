import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface, type Interface } from 'node:readline';

const CONTROLLER = fileURLToPath(new URL('./full-disk-controller.mjs', import.meta.url));
const EDULENS_BIN = fileURLToPath(new URL('../../agent/bin/edulens.mjs', import.meta.url));

export type StartAnswer =
  | { started: true; pid: number; url: string; port: number; code: string }
  | { started: false; pid: number; exitCode: number | null; signal: string | null; output: string };

export interface SmallDisk {
  /** `folder`: the data folder, relative to the tmpfs (default "home"). */
  start(args: string[], folder?: string): Promise<StartAnswer>;
  readOnly(on: boolean): Promise<unknown>;
  /** Fills the disk with a filler file until it refuses a 512-byte write; answers the bytes still free. */
  fill(): Promise<{ filled: number; free: number }>;
  free(): Promise<{ free: number }>;
  stop(): Promise<{ exitCode: number | null }>;
  log(): Promise<{ log: string }>;
  /** Ends the namespace, the agent with it. */
  close(): Promise<void>;
}

/**
 * Why this machine cannot give the test a small filesystem of its own, or undefined when it can:
 * `unshare -rm` (a user and mount namespace) must be allowed to mount a tmpfs.
 */
export function smallDiskUnavailable(): string | undefined {
  const probe = spawnSync(
    'unshare',
    ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=1m none /mnt && umount /mnt'],
    {
      encoding: 'utf8',
    },
  );
  if (probe.status === 0) return undefined;
  return `unshare -rm + mount tmpfs failed (${probe.error?.message ?? probe.stderr.trim()}); allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) or run as root`;
}

/**
 * A tmpfs of `sizeMb` at `mountPoint`, seen only by a controller process in its own mount namespace
 * and by the agent it starts (tests/helpers/full-disk-controller.mjs).
 */
export function smallDisk(mountPoint: string, sizeMb: number): SmallDisk {
  const child: ChildProcess = spawn(
    'unshare',
    ['-rm', process.execPath, CONTROLLER, mountPoint, String(sizeMb), EDULENS_BIN],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines: Interface = createInterface({ input: child.stdout! });
  const waiting: Array<(answer: unknown) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(JSON.parse(line)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ask = <T>(command: Record<string, unknown>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push((answer) => {
        const failed = (answer as { error?: string }).error;
        if (failed) reject(new Error(`${failed}\n${stderr}`));
        else resolve(answer as T);
      });
      child.stdin!.write(`${JSON.stringify(command)}\n`);
      void exited.then(() => reject(new Error(`the small-disk controller ended:\n${stderr}`)));
    });
  return {
    start: (args, folder) => ask({ do: 'start', args, folder }),
    readOnly: (on) => ask({ do: 'readOnly', on }),
    fill: () => ask({ do: 'fill' }),
    free: () => ask({ do: 'free' }),
    stop: () => ask({ do: 'stop' }),
    log: () => ask({ do: 'log' }),
    close: async () => {
      child.stdin!.end();
      await exited;
    },
  };
}
