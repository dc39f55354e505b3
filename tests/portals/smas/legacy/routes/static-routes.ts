import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';

// The page scripts under /Scripts/, read from client/ on first use and kept.

const SCRIPTS = new Set(['grid.js', 'hoso.js']);

export function staticRoutes(): Hono {
  const app = new Hono();
  const cache = new Map<string, Promise<string>>();
  app.get('/Scripts/:name', async (c) => {
    const name = c.req.param('name');
    if (!SCRIPTS.has(name)) return c.text('Không tìm thấy tệp.', 404);
    let source = cache.get(name);
    if (!source) cache.set(name, (source = readFile(new URL(`../client/${name}`, import.meta.url), 'utf8')));
    return c.body(await source, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  return app;
}
