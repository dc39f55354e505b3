import { Hono } from 'hono';
import { CONTROLLED_INPUT_SCRIPT, clientFiles } from '../../common/client-files';
import { escapeHtml } from '../../vnedu/views/html';
import { CLIENT_ID, type SmasCurrentState } from './state';

// The single-page app: index.html (with where the SSO is, the client id, the school year and
// the reload period in <meta> tags), its script and style from client/ and the simulators'
// shared scripts, read on first use and kept.

const JS = 'text/javascript; charset=utf-8';
/** What /static/ serves, with its type. */
const STATIC: Readonly<Record<string, string>> = {
  'app.js': JS,
  'app.css': 'text/css; charset=utf-8',
  [CONTROLLED_INPUT_SCRIPT]: JS,
};

export function staticRoutes(state: SmasCurrentState): Hono {
  const app = new Hono();
  const read = clientFiles(new URL('client/', import.meta.url), ['index.html', 'app.js', 'app.css']);
  const index = () => read('index.html') ?? Promise.reject(new Error('client/index.html'));

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
    const html = (await index()).replace('<!--config-->', tags);
    return c.html(html, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/static/:name', async (c) => {
    const name = c.req.param('name');
    const type = STATIC[name];
    const source = type && read(name);
    if (!type || !source) return c.text('Không tìm thấy tệp.', 404);
    return c.body(await source, 200, { 'Content-Type': type });
  });

  return app;
}
