import { spawnSync } from 'node:child_process';
import type { PlatformCommand } from './plan';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one platform command; tests pass their own to see what would run. */
export type Runner = (command: PlatformCommand) => RunResult;

export const spawnRunner: Runner = ({ command, args }) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  return {
    code: result.status,
    stdout: result.stdout ?? '',
    // A missing program (ENOENT) has no output, only the error.
    stderr: result.stderr || result.error?.message || '',
  };
};

/** A command as a person would type it, for messages. */
export function commandLine({ command, args }: PlatformCommand): string {
  return [command, ...args].map((word) => (/^[\w./:@+,=\\-]+$/.test(word) ? word : `"${word}"`)).join(' ');
}
