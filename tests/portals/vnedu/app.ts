import { Hono } from 'hono';
import { finishSimulatorApp } from '../common/simulator-app';
import { authRoutes } from './routes/auth-routes';
import { desktopRoutes } from './routes/desktop-routes';
import { gradeRoutes } from './routes/grade-routes';
import { staticRoutes } from './routes/static-routes';
import { testRoutes } from './routes/test-routes';
import { createVnEduState, type VnEduOptions, type VnEduState } from './state';

export interface VnEduPortal {
  app: Hono;
  state: VnEduState;
}

/** The simulated vnEdu portal: pages, XHR endpoints and the /__test/ controls, on one state. */
export function createVnEduPortal(options: VnEduOptions = {}): VnEduPortal {
  const state = createVnEduState(options);
  const app = new Hono();
  app.route('/', authRoutes(state));
  app.route('/', desktopRoutes(state));
  app.route('/', gradeRoutes(state));
  app.route('/', staticRoutes());
  app.route('/', testRoutes(state));
  return { app: finishSimulatorApp(app), state };
}
