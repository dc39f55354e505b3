import type { Hono } from 'hono';
import { scriptRoutes } from '../../../common/script-routes';
import { SESSION_REQUEST_SCRIPT } from '../client-scripts';

// The page scripts under /Scripts/, from client/ (and the simulators' shared ones).

export function staticRoutes(): Hono {
  return scriptRoutes('/Scripts/', new URL('../client/', import.meta.url), [
    SESSION_REQUEST_SCRIPT,
    'grid.js',
    'hoso.js',
  ]);
}
