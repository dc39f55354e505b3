import type { MiddlewareHandler } from 'hono';
import type { AgentEnv } from '../http/env';
import { refusals, refuse } from '../http/refusals';
import type { PairingStore } from '../store/pairing';
import { hashSecret } from './secrets';

/**
 * Every /api request carries the token a pairing produced; a token is honoured only from its own
 * origin, on every method. (Chromium sends no Origin on an extension's GET to a host in its
 * host_permissions, so the extension asks for what it reads with POST, which always carries it.)
 * A token paired without an Origin (a local tool) works only without one.
 */
export function bearerAuth(pairing: PairingStore, now: () => number): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.header('WWW-Authenticate', 'Bearer');
      return refuse(c, refusals.authMissing);
    }
    const token = /^Bearer ([\w-]{1,200})$/.exec(header)?.[1];
    const tokenHash = token === undefined ? undefined : hashSecret(token);
    const stored = tokenHash === undefined ? undefined : pairing.findToken(tokenHash);
    if (stored === undefined) return refuse(c, refusals.authInvalid);
    if (stored.expiresAt <= now()) return refuse(c, refusals.authExpired);
    const origin = c.req.header('origin');
    if (origin === undefined) {
      if (stored.origin !== null) return refuse(c, refusals.tokenWithoutOrigin);
    } else if (origin !== stored.origin) return refuse(c, refusals.tokenOfOtherOrigin);
    c.set('tokenHash', tokenHash);
    await next();
  };
}
