import type { HealthResponse } from '@edulens/shared/api';
import { Hono } from 'hono';
import type { AgentEnv } from '../http/env';
import { version } from '../version';

export interface HealthDeps {
  schemaVersion: number;
  now: () => number;
  /** Whether automatic backups run and when the newest was taken (epoch ms, null: none yet). */
  backup: () => { automatic: boolean; lastAt: number | null };
}

export function healthRoutes({ schemaVersion, now, backup }: HealthDeps): Hono<AgentEnv> {
  const startedAt = now();
  return new Hono<AgentEnv>().get('/', (c) => {
    const { automatic, lastAt } = backup();
    return c.json({
      name: 'edulens-agent',
      status: 'ok',
      version,
      schemaVersion,
      uptimeSeconds: Math.max(0, (now() - startedAt) / 1000),
      backup: { automatic, lastAt: lastAt === null ? null : new Date(lastAt).toISOString() },
    } satisfies HealthResponse);
  });
}
