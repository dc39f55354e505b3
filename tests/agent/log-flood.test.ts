import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOGGED_FIELD_MAX } from '@edulens/agent/src/http/request-log.ts';
import { LOG_FOLDER_CAP_BYTES } from '@edulens/agent/src/logger.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { folderBytes, readAgentLog } from '../helpers/agent-logs';
import { killStartedAgents, startAgentProcess } from './agent-process';

const REQUESTS = 10_000;
const IN_FLIGHT = 16;
/** Unlogged, each of these requests used to add ~15 KB to a log that was never rotated. */
const LONG_PATH = `/${'x'.repeat(7_000)}`;
const FOREIGN = `evil-${'h'.repeat(3_000)}.example`;

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-log-flood-'));
});
afterAll(async () => {
  await killStartedAgents();
  rmSync(home, { recursive: true, force: true });
});

/** Three kinds of hostile request: a foreign Host, a foreign Origin, no token; each with a long path. */
function hostile(n: number): { path: string; headers: Record<string, string> } {
  switch (n % 3) {
    case 0:
      return { path: `${LONG_PATH}${n}`, headers: { host: FOREIGN } };
    case 1:
      return { path: `/api/drafts${LONG_PATH}${n}`, headers: { origin: `https://${FOREIGN}` } };
    default:
      return { path: `/api/drafts/pages${LONG_PATH}?profile=${n}`, headers: {} };
  }
}

it('10,000 hostile requests grow the log folder by less than its cap (and by few lines at all)', async () => {
  const agent = await startAgentProcess(home);
  const logs = join(home, 'logs');
  const before = folderBytes(logs);
  const connections = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < REQUESTS) {
      const { path, headers } = hostile(next++);
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: agent.port, path, headers, agent: connections },
          (res) => {
            res.resume();
            res.once('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.once('error', reject);
        req.end();
      });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, client));
  const seconds = (performance.now() - started) / 1000;
  connections.destroy();
  // Still serving after the flood, then a clean stop that writes out what was logged.
  expect((await fetch(`${agent.url}/health`)).status).toBe(200);
  expect(await agent.stop()).toBe(0);

  expect([...statuses.values()].reduce((a, b) => a + b)).toBe(REQUESTS);
  expect([...statuses.keys()].every((status) => status >= 400 && status < 500)).toBe(true);
  const growth = folderBytes(logs) - before;
  const refusedLines = readAgentLog(home)
    .split('\n')
    .filter((line) => line.includes('"msg":"request refused"'));
  console.info(
    `log flood: ${REQUESTS} requests in ${seconds.toFixed(1)} s, log folder +${growth} bytes ` +
      `(cap ${LOG_FOLDER_CAP_BYTES}), ${refusedLines.length} refused lines`,
  );
  expect(growth).toBeLessThan(LOG_FOLDER_CAP_BYTES);
  // Rate-limited and cut short: at most 60 lines a minute (docs/agent-disk-and-logs.md), none longer
  // than its few capped fields.
  expect(refusedLines.length).toBeLessThanOrEqual(60 * Math.ceil(seconds / 60));
  for (const line of refusedLines) expect(line.length).toBeLessThan(LOGGED_FIELD_MAX * 3 + 400);
  expect(growth).toBeLessThan(refusedLines.length * (LOGGED_FIELD_MAX * 3 + 400) + 4096);
});
