import { AgentError, EXIT_USAGE } from '../errors';

/** Exit code of check/convert/calendar when a file cannot be read or the command cannot run at all. */
export const EXIT_UNUSABLE = EXIT_USAGE;

/** A wrong option or argument value: one bilingual line, no stack, exit 2. */
export class CommandError extends AgentError {
  constructor(vi: string, en: string) {
    super('cli.usage', { vi, en }, EXIT_USAGE);
    this.name = 'CommandError';
  }
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
 * bilingual message, anything else a short one, and the process exits with the error's own exit
 * code (2 for a wrong command line or an unusable file), else `failureExitCode`.
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
      process.exitCode = (error instanceof AgentError ? error.exitCode : undefined) ?? failureExitCode;
    }
  };
}
