import { PairRequestSchema, type PairResponse } from '@edulens/shared/api';
import { Hono } from 'hono';
import type { AgentEnv } from '../http/env';
import { refusals, refuse } from '../http/refusals';
import { requireJson, validJson } from '../http/validation';
import type { Logger } from '../logger';
import { FailedAttemptLimiter } from '../security/attempt-limiter';
import { redeemPairingCode } from '../security/pairing';
import type { PairingStore } from '../store/pairing';

export interface PairingRouteDeps {
  pairing: PairingStore;
  now: () => number;
  tokenTtlMs: number;
  logger: Logger;
}

const MAX_FAILED_CODES = 5;
const FAILED_CODE_WINDOW_MS = 10 * 60 * 1000;

/** POST /pair { code } → a bearer token bound to the caller's Origin (an extension) or to none (a local tool). */
export function pairingRoutes(deps: PairingRouteDeps): Hono<AgentEnv> {
  const limiter = new FailedAttemptLimiter(MAX_FAILED_CODES, FAILED_CODE_WINDOW_MS);
  return new Hono<AgentEnv>().post('/', requireJson, validJson(PairRequestSchema), (c) => {
    const now = deps.now();
    const waitMs = limiter.retryAfterMs(now);
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      return refuse(c, refusals.pairingRateLimited);
    }
    const origin = c.req.header('origin') ?? null;
    const issued = redeemPairingCode(deps.pairing, c.req.valid('json').code, origin, now, deps.tokenTtlMs);
    if (issued === null) {
      limiter.recordFailure(now);
      return refuse(c, refusals.pairingInvalidCode);
    }
    deps.logger.info({ origin }, 'client paired');
    const body: PairResponse = {
      token: issued.token,
      tokenType: 'Bearer',
      expiresAt: new Date(issued.expiresAt).toISOString(),
      origin,
    };
    return c.json(body, 201);
  });
}
