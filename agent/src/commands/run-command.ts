import { AgentError } from '../errors';

/**
 * Runs one of the agent's commands. Files it creates (database, log, lock, backups) are private to
 * the user (umask 077): other accounts on the machine must not read drafts or token hashes. An
 * AgentError (corrupt database, port in use, …) is printed as its bilingual message, without a stack
 * trace, and the process exits non-zero.
 */
export async function runCommand(action: () => Promise<void> | void): Promise<void> {
  process.umask(0o077);
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AgentError)) throw error;
    process.stderr.write(`✖ ${error.text.vi}\n  ${error.text.en}\n`);
    process.exitCode = 1;
  }
}
