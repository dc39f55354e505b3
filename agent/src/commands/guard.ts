import type { CommanderError } from 'commander';
import { AgentError } from '../errors';

/** Exit code of check/convert/calendar when a file cannot be read or the command cannot run at all. */
export const EXIT_UNUSABLE = 2;

/** A wrong option or argument: one bilingual line, no stack. */
export class CommandError extends AgentError {
  constructor(vi: string, en: string) {
    super('cli.usage', { vi, en });
    this.name = 'CommandError';
  }
}

/**
 * For `.exitOverride()`: commander exits with 1 on a usage error (unknown option, missing file
 * argument), which `check` uses for "errors found"; a command that could not run exits with 2.
 */
export function exitOnUsageError(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : EXIT_UNUSABLE);
}

/** `edulens check big.xlsx | head` closes stdout early; that is the reader's choice, not a crash. */
function leaveQuietlyWhenPipeCloses(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
}

interface GuardOptions {
  /** Exit code when the action fails. */
  failureExitCode?: number;
  /**
   * Files the action creates are readable by the user only (umask 077): the agent's database, log,
   * lock and backups hold drafts and token hashes that other accounts on the machine must not read.
   */
  privateFiles?: boolean;
}

/**
 * Wraps a command action so that nothing escapes as a stack trace: an AgentError prints its
 * bilingual message, anything else a short one, and the process exits with `failureExitCode`.
 * An action may return its own exit code (check: 1 when it found errors).
 */
export function guarded<Args extends unknown[]>(
  action: (...args: Args) => Promise<number | void> | number | void,
  { failureExitCode = 1, privateFiles = false }: GuardOptions = {},
): (...args: Args) => Promise<void> {
  return async (...args) => {
    if (privateFiles) process.umask(0o077);
    process.stdout.on('error', leaveQuietlyWhenPipeCloses);
    try {
      const exitCode = await action(...args);
      if (typeof exitCode === 'number') process.exitCode = exitCode;
    } catch (error) {
      if (error instanceof AgentError) {
        console.error(`${error.text.vi} / ${error.text.en}`);
      } else {
        const detail = error instanceof Error ? error.message : String(error);
        console.error(`Lỗi không mong đợi: ${detail} / Unexpected error: ${detail}`);
      }
      process.exitCode = failureExitCode;
    }
  };
}
