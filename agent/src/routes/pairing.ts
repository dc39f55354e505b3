import { PairRequestSchema, type PairResponse, type UnpairResponse } from '@edulens/shared/api';
import { Hono } from 'hono';
import type { AgentEnv } from '../http/env';
import { refusals, refuse } from '../http/refusals';
import { requireJson, validJson } from '../http/validation';
import type { Logger } from '../logger';
import { FailedAttemptLimiter } from '../security/attempt-limiter';
import { redeemPairingCode } from '../security/pairing';
import type { Store } from '../store/store';

export interface PairingRouteDeps {
  store: Store;
  now: () => number;
  tokenTtlMs: number;
  logger: Logger;
}

const MAX_FAILED_CODES = 5;
const FAILED_CODE_WINDOW_MS = 10 * 60 * 1000;

/**
 * POST /pair { code } → a bearer token bound to the caller's Origin (an extension) or to none (a local
 * tool). The token is answered only once it is durable, like any other write.
 */
export function pairingRoutes({ store, now, tokenTtlMs, logger }: PairingRouteDeps): Hono<AgentEnv> {
  const limiter = new FailedAttemptLimiter(MAX_FAILED_CODES, FAILED_CODE_WINDOW_MS);
  return new Hono<AgentEnv>().post('/', requireJson, validJson(PairRequestSchema), async (c) => {
    const at = now();
    const waitMs = limiter.retryAfterMs(at);
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
      return refuse(c, refusals.pairingRateLimited);
    }
    const origin = c.req.header('origin') ?? null;
    const { code } = c.req.valid('json');
    const issued = await store.writes.submit(() =>
      redeemPairingCode(store.pairing, code, origin, at, tokenTtlMs),
    );
    if (issued === null) {
      limiter.recordFailure(at);
      return refuse(c, refusals.pairingInvalidCode);
    }
    logger.info({ origin }, 'client paired');
    const body: PairResponse = {
      token: issued.token,
      tokenType: 'Bearer',
      expiresAt: new Date(issued.expiresAt).toISOString(),
      origin,
    };
    return c.json(body, 201);
  });
}

/** DELETE /api/pairing: a client unpairs, revoking the token it called with. */
export function unpairRoutes({ store, logger }: Pick<PairingRouteDeps, 'store' | 'logger'>): Hono<AgentEnv> {
  return new Hono<AgentEnv>().delete('/', async (c) => {
    // The bearer check ran first, so the caller's token is known and live.
    const tokenHash = c.get('tokenHash')!;
    await store.writes.submit(() => store.pairing.revokeToken(tokenHash));
    logger.info({ origin: c.req.header('origin') ?? null }, 'client unpaired');
    return c.json({ revoked: true } satisfies UnpairResponse);
  });
}
