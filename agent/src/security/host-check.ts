import type { MiddlewareHandler } from 'hono';
import { LOOPBACK } from '../config';
import type { AgentEnv } from '../http/env';
import { refusals, refuse } from '../http/refusals';

/**
 * DNS rebinding defence: a page on evil.example whose name now resolves to 127.0.0.1 still sends
 * `Host: evil.example:PORT`, so only our own two spellings of the address are served.
 */
export function hostCheck(port: number): MiddlewareHandler<AgentEnv> {
  const allowed = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  return async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (host === undefined || !allowed.has(host)) return refuse(c, refusals.hostForbidden);
    await next();
  };
}
