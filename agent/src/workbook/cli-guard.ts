import type { CommanderError } from 'commander';
import { UnreadableFileError } from './unreadable-file';

/** Exit code when a file cannot be read or the command cannot run at all. */
const exitUnreadable = 2;

/** A known failure (a wrong option, a file that cannot be written): one bilingual line, no stack. */
export class CommandError extends Error {
  constructor(vi: string, en: string) {
    super(`${vi} / ${en}`);
    this.name = 'CommandError';
  }
}

/**
 * For `.exitOverride()`: commander exits with 1 on a usage error (unknown option, missing file
 * argument), which `check` uses for "errors found"; a command that could not run exits with 2.
 */
export function exitOnUsageError(error: CommanderError): never {
  process.exit(error.exitCode === 0 ? 0 : exitUnreadable);
}

/** `edulens check big.xlsx | head` closes stdout early; that is the reader's choice, not a crash. */
function leaveQuietlyWhenPipeCloses(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
}

/**
 * Runs a command action so that nothing escapes as a stack trace: known failures print their
 * bilingual message, anything else a short one, and the process exits with code 2.
 */
export function guarded<Args extends unknown[]>(
  action: (...args: Args) => Promise<number>,
): (...args: Args) => Promise<void> {
  return async (...args) => {
    process.stdout.on('error', leaveQuietlyWhenPipeCloses);
    try {
      process.exitCode = await action(...args);
    } catch (error) {
      const known = error instanceof UnreadableFileError || error instanceof CommandError;
      const detail = error instanceof Error ? error.message : String(error);
      console.error(known ? detail : `Lỗi không mong đợi: ${detail} / Unexpected error: ${detail}`);
      process.exitCode = exitUnreadable;
    }
  };
}
