import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftResponseSchema, PageDraftsResponseSchema } from '@edulens/shared/api';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { killStartedAgents, pairWith, startAgentProcess } from './agent-process';

const PAGE = { class: '9A4', subject: 'Lịch sử', term: 'HK1' };

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-shutdown-'));
});
afterEach(async () => {
  await killStartedAgents();
  rmSync(home, { recursive: true, force: true });
});

it('on SIGTERM finishes the saves in flight, closes the database and exits 0', async () => {
  const agent = await startAgentProcess(home);
  const token = await pairWith(agent.url, agent.pairingCode);
  const acknowledged = new Map<string, number>();
  let stopping = false;
  let sent = 0;
  const client = async (id: number) => {
    for (let n = 0; ; n++) {
      const field = `HS${id}.${n}`;
      try {
        const response = await fetch(`${agent.url}/api/drafts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ profile: 'vnedu', page: PAGE, field, value: `${n}` }),
        });
        acknowledged.set(field, DraftResponseSchema.parse(await response.json()).draft.version);
      } catch {
        return; // refused or cut once the agent stopped listening
      }
      if (++sent === 300 && !stopping) {
        stopping = true;
        agent.child.kill('SIGTERM');
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, id) => client(id)));
  expect(await agent.exited).toBe(0);
  expect(agent.output()).toContain('agent stopped');
  expect(existsSync(join(home, 'agent.lock'))).toBe(false);
  expect(existsSync(join(home, 'edulens.db-wal'))).toBe(false); // closed cleanly: WAL checkpointed away

  const restarted = await startAgentProcess(home);
  const page = encodeURIComponent(JSON.stringify(PAGE));
  const response = await fetch(`${restarted.url}/api/drafts?profile=vnedu&page=${page}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const stored = new Set(PageDraftsResponseSchema.parse(await response.json()).drafts.map((d) => d.field));
  expect(acknowledged.size).toBeGreaterThanOrEqual(300);
  for (const field of acknowledged.keys()) expect(stored.has(field), field).toBe(true);
});
