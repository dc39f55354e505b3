import type { ApiErrorCode } from '@edulens/shared/api';

/**
 * Hono environment of the agent app: the refusal code is kept so the request log can name it; the
 * hash of the caller's token (set by the bearer check on /api) lets a client revoke its own pairing.
 */
export interface AgentEnv {
  /**
   * `cause` and `detail`: the OS or SQLite code behind a refusal the disk caused (ENOSPC,
   * SQLITE_FULL, …) and what it means in plain words, for the log.
   */
  Variables: { refusal?: ApiErrorCode; cause?: string; detail?: string; tokenHash?: string };
}
