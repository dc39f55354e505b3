import type { ApiErrorCode } from '@edulens/shared/api';

/** Hono environment of the agent app: the refusal code is kept so the request log can name it. */
export interface AgentEnv {
  Variables: { refusal?: ApiErrorCode };
}
