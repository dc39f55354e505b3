import type { Message } from '@edulens/shared';

/**
 * A failure the person running EduLens must read and act on (corrupt database, port in use, …).
 * Commands print its bilingual message instead of a stack trace and exit non-zero.
 */
export class AgentError extends Error {
  constructor(
    readonly code: string,
    readonly text: Message,
    /** Set for a wrong command line or an input/output file that cannot be used (2); else the command's own. */
    readonly exitCode?: number,
  ) {
    super(text.en);
    this.name = 'AgentError';
  }
}

export function agentError(code: string, vi: string, en: string, exitCode?: number): AgentError {
  return new AgentError(code, { vi, en }, exitCode);
}

/** Exit code of a wrong command line, and of an input or output file that cannot be used. */
export const EXIT_USAGE = 2;
