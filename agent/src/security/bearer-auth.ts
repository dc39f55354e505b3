import type { MiddlewareHandler } from 'hono';
import type { AgentEnv } from '../http/env';
import { refusals, refuse } from '../http/refusals';
import type { PairingStore } from '../store/pairing';
import { hashSecret } from './secrets';

/**
 * Chromium sends no Origin on an extension's GET or HEAD to a host in its host_permissions (measured
 * with the built extension: its reads of /api/drafts arrive without one), while any other method
 * carries it from every browser context. So a token bound to an extension is refused without its
 * Origin on those other methods, and on every method with another Origin.
 */
const METHODS_SENT_WITHOUT_ORIGIN = new Set(['GET', 'HEAD']);

/**
 * Every /api request carries the token a pairing produced; a token is honoured only from its own
 * origin. A token paired without an Origin (a local tool) works only without one, which no browser
 * context can do for a write.
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
      if (stored.origin !== null && !METHODS_SENT_WITHOUT_ORIGIN.has(c.req.method)) {
        return refuse(c, refusals.tokenWithoutOrigin);
      }
    } else if (origin !== stored.origin) return refuse(c, refusals.tokenOfOtherOrigin);
    c.set('tokenHash', tokenHash);
    await next();
  };
}
