import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AgentEnv } from '../http/env';
import { refusals, refuse } from '../http/refusals';
import type { PairingStore } from '../store/pairing';

const EXTENSION_ORIGIN = /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

/** Reachable by an unpaired extension: it has to pair somehow, and to see that an agent is there. */
const OPEN_PATHS = new Set(['/pair', '/health']);

/**
 * Browsers send `Origin` on cross-origin requests. Requests without one (the CLI, tests, curl) pass
 * to the token check; a browser request passes only from a browser-extension origin that holds a
 * live token (or is pairing), and only those get CORS headers. Any web page is refused outright.
 */
export function originPolicy(pairing: PairingStore, now: () => number): MiddlewareHandler<AgentEnv> {
  const corsHeaders = cors({
    origin: (origin) => origin,
    allowMethods: ['GET', 'POST', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    const allowed =
      EXTENSION_ORIGIN.test(origin) && (OPEN_PATHS.has(c.req.path) || pairing.isPairedOrigin(origin, now()));
    if (!allowed) return refuse(c, refusals.originForbidden);
    return corsHeaders(c, next);
  };
}
