import { truncateText } from '@edulens/shared/limits';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger';
import type { AgentEnv } from './env';

/** Refused or failed requests logged per minute; the rest are counted into one summary line. */
export const REFUSALS_LOGGED_PER_MINUTE = 60;
const WINDOW_MS = 60_000;
/** Path, Host and Origin are chosen by whoever sends the request: cut so no line can be made huge. */
export const LOGGED_FIELD_MAX = 200;

/**
 * One line per request: method, path (never the query string, which carries page keys), status,
 * time and the refusal code if any. Refusals at info, so they show in the default log; the rest at
 * debug, so thousands of saves a minute do not flood the log. Anyone on the machine can send refused
 * requests, so those lines are rate-limited: a flood costs a counter, not disk space.
 */
export function requestLog(logger: Logger, now: () => number = Date.now): MiddlewareHandler<AgentEnv> {
  const budget = refusalBudget(logger, now);
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const path = truncateText(c.req.path, LOGGED_FIELD_MAX);
    if (status < 400) {
      logger.debug({ method: c.req.method, path, status, ms }, 'request');
      return;
    }
    if (!budget.take()) return;
    const entry = {
      method: c.req.method,
      path,
      status,
      ms,
      refusal: c.get('refusal'),
      cause: c.get('cause'),
      detail: c.get('detail'),
      host: optionalField(c.req.header('host')),
      origin: optionalField(c.req.header('origin')),
    };
    if (status >= 500) logger.error(entry, 'request failed');
    else logger.info(entry, 'request refused');
  };
}

const optionalField = (value: string | undefined) =>
  value === undefined ? undefined : truncateText(value, LOGGED_FIELD_MAX);

/** At most REFUSALS_LOGGED_PER_MINUTE lines a minute; past that, one line at the minute's end with the count. */
function refusalBudget(logger: Logger, now: () => number) {
  let windowStart = now();
  let logged = 0;
  let unlogged = 0;
  let summary: NodeJS.Timeout | undefined;
  const closeWindow = () => {
    summary = undefined;
    if (unlogged > 0)
      logger.warn({ unlogged }, `… ${unlogged} more refused requests (not logged one by one)`);
    windowStart = now();
    logged = 0;
    unlogged = 0;
  };
  return {
    take(): boolean {
      if (summary === undefined && now() - windowStart >= WINDOW_MS) closeWindow();
      if (logged < REFUSALS_LOGGED_PER_MINUTE) {
        logged++;
        return true;
      }
      unlogged++;
      // unref: a pending summary never keeps a stopping agent alive.
      summary ??= setTimeout(closeWindow, Math.max(0, windowStart + WINDOW_MS - now())).unref();
      return false;
    },
  };
}
