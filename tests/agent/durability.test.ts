import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DraftHistoryResponseSchema,
  DraftResponseSchema,
  PageDraftsResponseSchema,
} from '@edulens/shared/api';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type AgentProcess,
  jsonClient,
  killStartedAgents,
  pairWith,
  startAgentProcess,
} from './agent-process';

const ROUNDS = 4;
const IN_FLIGHT = 12;
const FIELDS = 120;
const PAGE = {
  school: 'THPT Chu Văn An',
  schoolYear: '2024-2025',
  class: '10A3',
  subject: 'Toán',
  term: 'HK1',
};

interface Ack {
  field: string;
  value: string;
  version: number;
}

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-durability-'));
});
afterAll(async () => {
  await killStartedAgents();
  rmSync(home, { recursive: true, force: true });
});

/**
 * Saves from IN_FLIGHT concurrent clients until `killAfter` acknowledgements, then SIGKILLs the agent
 * in the middle of the stream. Returns every save the agent acknowledged.
 */
async function saveUntilKilled(
  agent: AgentProcess,
  token: string,
  round: number,
  killAfter: number,
): Promise<Ack[]> {
  const acks: Ack[] = [];
  const http = jsonClient(agent.url, token, IN_FLIGHT);
  let sequence = 0;
  let killed = false;
  const client = async () => {
    while (!killed) {
      const field = `HS${String(Math.floor(Math.random() * FIELDS)).padStart(4, '0')}.tx${round % 2}`;
      const value = `r${round}-s${sequence++}-${'đ'.repeat(Math.floor(Math.random() * 40))}`;
      let answer: { status: number; body: unknown };
      try {
        answer = await http.post('/api/drafts', { profile: 'vnedu', page: PAGE, field, value });
      } catch {
        return; // Connection cut by the kill: this save was never acknowledged.
      }
      expect(answer.status).toBe(200);
      acks.push({ field, value, version: DraftResponseSchema.parse(answer.body).draft.version });
      if (acks.length === killAfter && !killed) {
        killed = true;
        agent.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, client));
  if (!killed) agent.child.kill('SIGKILL'); // every client failed early; the count check below reports it
  http.close();
  expect(await agent.exited).toBeNull();
  return acks;
}

/** Every acknowledged save is in its field's history, and the live value is at least as new. */
async function expectAllPresent(agent: AgentProcess, token: string, acks: Ack[]) {
  const headers = { authorization: `Bearer ${token}` };
  const page = encodeURIComponent(JSON.stringify(PAGE));
  const live = PageDraftsResponseSchema.parse(
    await (await fetch(`${agent.url}/api/drafts?profile=vnedu&page=${page}`, { headers })).json(),
  );
  const liveByField = new Map(live.drafts.map((draft) => [draft.field, draft]));
  const acksByField = new Map<string, Ack[]>();
  for (const ack of acks) acksByField.set(ack.field, [...(acksByField.get(ack.field) ?? []), ack]);
  for (const [field, fieldAcks] of acksByField) {
    const response = await fetch(
      `${agent.url}/api/drafts/history?profile=vnedu&page=${page}&field=${encodeURIComponent(field)}&limit=1000`,
      { headers },
    );
    const stored = new Map(
      DraftHistoryResponseSchema.parse(await response.json()).revisions.map((r) => [r.version, r.value]),
    );
    for (const ack of fieldAcks) expect(stored.get(ack.version), `${field} v${ack.version}`).toBe(ack.value);
    const latest = fieldAcks.reduce((a, b) => (b.version > a.version ? b : a));
    const current = liveByField.get(field);
    expect(current?.version).toBeGreaterThanOrEqual(latest.version);
    if (current?.version === latest.version) expect(current.value).toBe(latest.value);
  }
}

it(`keeps every acknowledged save through ${ROUNDS} SIGKILLs in the middle of thousands of saves`, async () => {
  let agent = await startAgentProcess(home);
  const token = await pairWith(agent.url, agent.pairingCode);
  const acknowledged: Ack[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const killAfter = 600 + Math.floor(Math.random() * 600);
    acknowledged.push(...(await saveUntilKilled(agent, token, round, killAfter)));
    agent = await startAgentProcess(home);
    await expectAllPresent(agent, token, acknowledged);
  }
  expect(acknowledged.length).toBeGreaterThanOrEqual(ROUNDS * 600);
  expect(await agent.stop()).toBe(0);

  const db = new Database(join(home, 'edulens.db'), { readonly: true });
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
}, 90_000);
