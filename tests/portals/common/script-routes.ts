import { Hono } from 'hono';
import { clientFiles } from './client-files';

// Serves a simulator's page scripts (its own from `ownFolder`, and the shared ones) under
// `<prefix>:name`, read on first use and kept.

export function scriptRoutes(prefix: string, ownFolder: URL, ownNames: readonly string[]): Hono {
  const app = new Hono();
  const read = clientFiles(ownFolder, ownNames);
  app.get(`${prefix}:name`, async (c) => {
    const source = read(c.req.param('name') ?? '');
    if (!source) return c.text('Không tìm thấy tệp.', 404);
    return c.body(await source, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  return app;
}
