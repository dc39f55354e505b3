import { Hono } from 'hono';
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
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.notFound((c) => c.text('404 - Không tìm thấy trang.', 404));
  return { app, state };
}
