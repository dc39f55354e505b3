import type { HealthResponse } from '@edulens/shared/api';
import { Hono } from 'hono';
import type { AgentEnv } from '../http/env';
import { version } from '../version';

export function healthRoutes(schemaVersion: number, now: () => number): Hono<AgentEnv> {
  const startedAt = now();
  return new Hono<AgentEnv>().get('/', (c) =>
    c.json({
      name: 'edulens-agent',
      status: 'ok',
      version,
      schemaVersion,
      uptimeSeconds: Math.max(0, (now() - startedAt) / 1000),
    } satisfies HealthResponse),
  );
}
