import type { Context, Env, Hono, Schema } from 'hono';

// What every simulator origin answers besides its own routes: no favicon (204), and a page for
// an address no route takes.

/** The page a simulator shows for an address it does not have. */
export const notFoundPage = (c: Context) => c.text('404 - Không tìm thấy trang.', 404);

/** Adds the favicon and not-found answers to an origin's app, once its own routes are mounted. */
export function finishSimulatorApp<E extends Env, S extends Schema, P extends string>(
  app: Hono<E, S, P>,
  notFound: (c: Context<E>) => Response | Promise<Response> = notFoundPage,
): Hono<E, S, P> {
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.notFound(notFound);
  return app;
}
