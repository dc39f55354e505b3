import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { escapeHtml } from '../../vnedu/views/html';
import { CLIENT_ID, type SmasCurrentState } from './state';

// The single-page app: index.html (with where the SSO is, the client id, the school year and
// the reload period in <meta> tags) and its script and style, read from client/ and kept.

const FILES: Readonly<Record<string, string>> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
};

export function staticRoutes(state: SmasCurrentState): Hono {
  const app = new Hono();
  const cache = new Map<string, Promise<string>>();
  const read = (name: string) => {
    let source = cache.get(name);
    if (!source) cache.set(name, (source = readFile(new URL(`client/${name}`, import.meta.url), 'utf8')));
    return source;
  };

  app.get('/', async (c) => {
    const meta = {
      'smas-sso': state.origins.sso,
      'smas-client-id': CLIENT_ID,
      'smas-school-year': state.schoolYearLabel,
      'smas-refresh-ms': String(state.settings.refreshMs),
    };
    const tags = Object.entries(meta)
      .map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content)}">`)
      .join('\n');
    const html = (await read('index.html')).replace('<!--config-->', tags);
    return c.html(html, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/static/:name', async (c) => {
    const name = c.req.param('name');
    const type = FILES[name];
    if (!type) return c.text('Không tìm thấy tệp.', 404);
    return c.body(await read(name), 200, { 'Content-Type': type });
  });

  return app;
}
