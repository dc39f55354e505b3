/** Every check in EduLens reports problems in this one shape, so the CLI, the agent and the overlay print them alike. */
export type Severity = 'error' | 'warning';

export interface Message {
  vi: string;
  en: string;
}

export interface Problem {
  /** Stable, dotted, never translated: `score.range`, `cccd.gender`, … */
  code: string;
  severity: Severity;
  message: Message;
}

export function problem(code: string, severity: Severity, vi: string, en: string): Problem {
  return { code, severity, message: { vi, en } };
}

export type Lang = keyof Message;
