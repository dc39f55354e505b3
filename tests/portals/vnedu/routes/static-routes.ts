import type { Hono } from 'hono';
import { scriptRoutes } from '../../common/script-routes';

// The page scripts under /v5/static/, from client/ (and the simulators' shared ones).

export function staticRoutes(): Hono {
  return scriptRoutes('/v5/static/', new URL('../client/', import.meta.url), [
    'ext-lite.js',
    'grade-grid.js',
    'desktop.js',
  ]);
}
