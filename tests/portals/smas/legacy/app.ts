import { Hono } from 'hono';
import { finishSimulatorApp } from '../../common/simulator-app';
import { authRoutes } from './routes/auth-routes';
import { saveRoutes } from './routes/save-routes';
import { staticRoutes } from './routes/static-routes';
import { studentRoutes } from './routes/student-routes';
import { testRoutes } from './routes/test-routes';
import { createSmasLegacyState, type SmasLegacyOptions, type SmasLegacyState } from './state';

export interface SmasLegacyPortal {
  app: Hono;
  state: SmasLegacyState;
}

/** The simulated legacy SMAS (ASP.NET MVC shape): pages, the grid's page endpoint, "Lưu" and /__test/. */
export function createSmasLegacyPortal(options: SmasLegacyOptions = {}): SmasLegacyPortal {
  const state = createSmasLegacyState(options);
  const app = new Hono();
  app.route('/', authRoutes(state));
  app.route('/', studentRoutes(state));
  app.route('/', saveRoutes(state));
  app.route('/', staticRoutes());
  app.route('/', testRoutes(state));
  return { app: finishSimulatorApp(app), state };
}
