import { Hono } from 'hono';
import { clientFiles } from '../../../common/client-files';
import { SESSION_REQUEST_SCRIPT } from '../client-scripts';

// The page scripts under /Scripts/, from client/ (and the simulators' shared ones), read on
// first use and kept.

export function staticRoutes(): Hono {
  const app = new Hono();
  const read = clientFiles(new URL('../client/', import.meta.url), [
    SESSION_REQUEST_SCRIPT,
    'grid.js',
    'hoso.js',
  ]);
  app.get('/Scripts/:name', async (c) => {
    const source = read(c.req.param('name'));
    if (!source) return c.text('Không tìm thấy tệp.', 404);
    return c.body(await source, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  return app;
}
