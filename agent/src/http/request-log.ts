import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger';
import type { AgentEnv } from './env';

/**
 * One line per request: method, path (never the query string, which carries page keys), status,
 * time and the refusal code if any. Refusals at info, so they show in the default log; the rest at
 * debug, so thousands of saves a minute do not flood the log.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const entry = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      refusal: c.get('refusal'),
    };
    if (c.res.status >= 500) logger.error(entry, 'request failed');
    else if (c.res.status >= 400) logger.info(entry, 'request refused');
    else logger.debug(entry, 'request');
  };
}
