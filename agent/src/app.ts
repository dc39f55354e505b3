import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { newestBackupTime } from './auto-backup';
import type { AgentConfig } from './config';
import { bodySizeLimit } from './http/body-size';
import type { AgentEnv } from './http/env';
import { refusals, refuse } from './http/refusals';
import { requestLog } from './http/request-log';
import type { Logger } from './logger';
import { draftRoutes } from './routes/drafts';
import { healthRoutes } from './routes/health';
import { pairingRoutes, unpairRoutes } from './routes/pairing';
import { bearerAuth } from './security/bearer-auth';
import { hostCheck } from './security/host-check';
import { originPolicy } from './security/origin-policy';
import type { Store } from './store/store';

export interface AppDeps {
  store: Store;
  /** The port actually listened on (the Host check needs it, also when `--port 0` was asked). */
  port: number;
  config: Pick<AgentConfig, 'maxBodyBytes' | 'tokenTtlMs' | 'backupKeepDays' | 'paths'>;
  now: () => number;
  logger: Logger;
}

/**
 * The whole HTTP surface. Checks run in this order, each refusing before anything later runs:
 * Host (DNS rebinding) → Origin/CORS → body size → bearer token (/api only) → zod validation.
 */
export function createApp(deps: AppDeps): Hono<AgentEnv> {
  const { store, now, logger } = deps;
  const app = new Hono<AgentEnv>();

  app.use(requestLog(logger));
  app.use(hostCheck(deps.port));
  app.use(originPolicy(store.pairing, now));
  app.use(bodySizeLimit(deps.config.maxBodyBytes));
  app.use('/api/*', bearerAuth(store.pairing, now));

  app.route(
    '/health',
    healthRoutes({
      schemaVersion: store.schemaVersion,
      now,
      backup: () => ({
        automatic: deps.config.backupKeepDays > 0,
        lastAt: newestBackupTime(deps.config.paths.backups),
      }),
    }),
  );
  app.route('/pair', pairingRoutes({ store, now, tokenTtlMs: deps.config.tokenTtlMs, logger }));
  app.route('/api/pairing', unpairRoutes({ store, logger }));
  app.route('/api/drafts', draftRoutes({ store, now }));

  app.notFound((c) => refuse(c, refusals.routeNotFound));
  app.onError((error, c) => {
    // Hono's validator throws a 400 HTTPException for a body that is not JSON.
    if (error instanceof HTTPException && error.status === 400) return refuse(c, refusals.malformedJson);
    logger.error(
      { err: { type: error.name, message: error.message, stack: error.stack } },
      'unhandled error',
    );
    return refuse(c, refusals.internal);
  });
  return app;
}
