import type { Message } from '@edulens/shared';

/**
 * A failure the person running EduLens must read and act on (corrupt database, port in use, …).
 * Commands print its bilingual message instead of a stack trace and exit non-zero.
 */
export class AgentError extends Error {
  constructor(
    readonly code: string,
    readonly text: Message,
  ) {
    super(text.en);
    this.name = 'AgentError';
  }
}

export function agentError(code: string, vi: string, en: string): AgentError {
  return new AgentError(code, { vi, en });
}
