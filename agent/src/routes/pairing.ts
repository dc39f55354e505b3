import { PairRequestSchema, type PairResponse, type UnpairResponse } from '@edulens/shared/api';
import { Hono } from 'hono';
import type { AgentEnv } from '../http/env';
import { refusals, refuse } from '../http/refusals';
import { requireJson, validJson } from '../http/validation';
import type { Logger } from '../logger';
import { PairingGuessLimiter } from '../security/attempt-limiter';
import { judgePairingCode, redeemPairingCode } from '../security/pairing';
import type { Store } from '../store/store';

export interface PairingRouteDeps {
  store: Store;
  now: () => number;
  tokenTtlMs: number;
  logger: Logger;
}

/**
 * POST /pair { code } → a bearer token bound to the caller's Origin (an extension) or to none (a local
 * tool). The token is answered only once it is durable, like any other write. A wrong code is
 * answered without touching the write queue; guesses are limited per code and per client
 * (attempt-limiter.ts).
 */
export function pairingRoutes({ store, now, tokenTtlMs, logger }: PairingRouteDeps): Hono<AgentEnv> {
  const limiter = new PairingGuessLimiter();
  return new Hono<AgentEnv>().post('/', requireJson, validJson(PairRequestSchema), async (c) => {
    const at = now();
    const origin = c.req.header('origin') ?? null;
    const { code } = c.req.valid('json');
    const verdict = judgePairingCode(store.pairing, limiter, code, origin ?? '', at);
    if (verdict === 'limited') return refuse(c, refusals.pairingRateLimited);
    if (verdict === 'wrong') return refuse(c, refusals.pairingInvalidCode);
    // Right when judged; null when a concurrent request with the same code redeemed it first.
    const issued = await store.writes.submit(() =>
      redeemPairingCode(store.pairing, code, origin, at, tokenTtlMs),
    );
    if (issued === null) return refuse(c, refusals.pairingInvalidCode);
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
