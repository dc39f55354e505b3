import { Hono } from 'hono';
import { finishSimulatorApp, notFoundPage } from '../../common/simulator-app';
import { apiRoutes } from './api-routes';
import { ssoRoutes } from './sso-routes';
import { createSmasCurrentState, type SmasCurrentOptions, type SmasCurrentState } from './state';
import { staticRoutes } from './static-routes';
import { testRoutes } from './test-routes';

export interface SmasCurrentPortal {
  /** The single-page app, its JSON API and the /__test/ controls (one origin). */
  app: Hono;
  /** The SSO (another origin): sign-in page and token endpoint. */
  sso: Hono;
  state: SmasCurrentState;
}

/** The simulated SMAS of the current generation: two origins on one state. */
export function createSmasCurrentPortal(options: SmasCurrentOptions = {}): SmasCurrentPortal {
  const state = createSmasCurrentState(options);
  const app = new Hono();
  app.route('/', apiRoutes(state));
  app.route('/', staticRoutes(state));
  app.route('/', testRoutes(state));
  finishSimulatorApp(app, (c) =>
    c.req.path.startsWith('/api/') ? c.json({ message: 'Không tìm thấy.' }, 404) : notFoundPage(c),
  );
  return { app, sso: ssoRoutes(state), state };
}
