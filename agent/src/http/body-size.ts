import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AgentEnv } from './env';
import { refusals, refuse } from './refusals';

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * 413 for bodies over `maxBytes`. A declared Content-Length (what fetch sends) is judged from the
 * header alone: Node's HTTP parser already holds the body to that length. Any other body (chunked)
 * goes through hono's bodyLimit, which counts while reading. The split matters for speed: touching
 * the raw body makes the Node adapter build a full web Request and lose its fast body path, about a
 * tenth of a save's CPU time.
 */
export function bodySizeLimit(maxBytes: number): MiddlewareHandler<AgentEnv> {
  const tooLarge = refusals.tooLarge(maxBytes);
  const countWhileReading = bodyLimit({ maxSize: maxBytes, onError: (c) => refuse(c, tooLarge) });
  return async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      if (Number(declared) > maxBytes) return refuse(c, tooLarge);
      return next();
    }
    if (BODYLESS_METHODS.has(c.req.method)) return next();
    return countWhileReading(c, next);
  };
}
