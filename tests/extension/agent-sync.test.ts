import { issuePairingCode } from '@edulens/agent/src/security/pairing.ts';
import {
  type AgentHarness,
  createAgentHarness,
  EXTENSION_ORIGIN,
  TEST_HOST,
} from '@edulens/agent/src/testing/agent-harness.ts';
import { DraftHistoryResponseSchema, DraftResponseSchema } from '@edulens/shared/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentHttp } from '../../extension/lib/agent/http';
import type { OutboxItem, OutboxPort } from '../../extension/lib/agent/outbox';
import { AgentSync } from '../../extension/lib/agent/sync';
import type { AgentConnection } from '../../extension/lib/storage';

// The extension's agent client and outbox delivery against the real agent app (real SQLite file),
// reached through a fetch that can be cut like a killed agent.

const URL_BASE = `http://${TEST_HOST}`;
const PAGE = { class: '6A1', school: '63001012', schoolYear: '2025-2026', subject: 'TOAN', term: '1' };

/** The outbox the way the IndexedDB store keeps it: one change per field, versions per field. */
class MemoryOutbox implements OutboxPort {
  items: OutboxItem[] = [];
  versions = new Map<string, number>();
  private seq = 0;

  save(field: string, value: string, op: 'save' | 'delete' = 'save'): void {
    this.items = this.items.filter((item) => item.field !== field);
    this.items.push({ seq: ++this.seq, profile: 'vnedu', page: PAGE, field, op, value });
  }
  async next(afterSeq: number) {
    return this.items.filter((item) => item.seq > afterSeq).sort((a, b) => a.seq - b.seq)[0];
  }
  async count() {
    return this.items.length;
  }
  async knownVersion(item: OutboxItem) {
    return this.versions.get(item.field) ?? 0;
  }
  async delivered(item: OutboxItem, version: number) {
    this.items = this.items.filter((other) => other.seq !== item.seq);
    this.versions.set(item.field, version);
  }
  async dropped(item: OutboxItem) {
    this.items = this.items.filter((other) => other.seq !== item.seq);
  }
}

let agent: AgentHarness;
let outbox: MemoryOutbox;
let connection: AgentConnection;
let sync: AgentSync;
/** 'up'; 'down' (connection refused); 'lose-answers' (the agent commits, the answer never arrives). */
let network: 'up' | 'down' | 'lose-answers';
let timers: number[];

beforeEach(() => {
  agent = createAgentHarness();
  outbox = new MemoryOutbox();
  connection = { url: URL_BASE, token: null, pairedAt: null };
  network = 'up';
  timers = [];
  const fetchFn: typeof fetch = async (input, init) => {
    if (network === 'down') throw new TypeError('fetch failed');
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    headers.set('host', TEST_HOST);
    // As Chromium sends it from an extension to a host in its host_permissions: on every method but GET/HEAD.
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') headers.set('origin', EXTENSION_ORIGIN);
    const response = await agent.app.request(url.pathname + url.search, { ...init, headers });
    if (network === 'lose-answers') throw new TypeError('connection reset');
    return response;
  };
  sync = new AgentSync({
    connection: {
      get: async () => connection,
      set: async (value) => {
        connection = value;
      },
    },
    outbox,
    http: new AgentHttp(fetchFn),
    now: () => agent.clock.now,
    setTimer: (_run, ms) => {
      timers.push(ms);
      return () => undefined;
    },
  });
});

afterEach(() => agent.close());

async function pair(): Promise<void> {
  const { code } = issuePairingCode(agent.store.pairing, agent.clock.now, 60_000);
  expect(await sync.pair(code.toLowerCase())).toEqual({ ok: true });
}

async function agentDraft(field: string) {
  const token = await agent.pair(); // a token of the test's own (no Origin)
  const query = { profile: 'vnedu', page: JSON.stringify(PAGE), field };
  const headers = { authorization: `Bearer ${token}` };
  const item = await agent.request('/api/drafts/item', { query, headers });
  const history = await agent.request('/api/drafts/history', { query, headers });
  return {
    draft: item.status === 200 ? DraftResponseSchema.parse(await item.json()).draft : null,
    revisions: DraftHistoryResponseSchema.parse(await history.json()).revisions,
  };
}

describe('pairing', () => {
  it('exchanges the code for a token bound to the extension and keeps the address', async () => {
    await pair();
    expect(connection.token).toMatch(/^edl_/);
    expect(agent.store.pairing.isPairedOrigin(EXTENSION_ORIGIN, agent.clock.now)).toBe(true);
    expect(await sync.status()).toEqual({
      paired: true,
      reachable: true,
      url: URL_BASE,
      queued: 0,
      // The harness agent has automatic backups on and has not taken one.
      backup: { automatic: true, lastAt: null },
    });
  });

  it('passes on the agent’s bilingual refusal of a wrong code, and refuses non-loopback addresses', async () => {
    const wrong = await sync.pair('AAAA-AAAA');
    expect(wrong).toMatchObject({ ok: false, message: { vi: expect.stringContaining('Mã ghép nối sai') } });
    const remote = await sync.pair('AAAA-AAAA', 'http://example.com:8787');
    expect(remote).toMatchObject({ ok: false, message: { en: expect.stringContaining('127.0.0.1') } });
    network = 'down';
    const down = await sync.pair('AAAA-AAAA');
    expect(down).toMatchObject({ ok: false, message: { vi: expect.stringContaining('Không kết nối được') } });
    expect(connection.token).toBeNull();
  });

  it('unpairs by having the agent revoke the token, then forgetting it', async () => {
    await pair();
    const token = connection.token!;
    expect(await sync.revoke()).toEqual({ revoked: true });
    expect(connection.token).toBeNull();
    expect(agent.store.pairing.isPairedOrigin(EXTENSION_ORIGIN, agent.clock.now)).toBe(false);
    const stolen = await agent.request('/api/drafts/pages', {
      query: { profile: 'vnedu' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(stolen.status).toBe(401);
  });

  it('forgets the token even when the agent is down, and says it is still valid there', async () => {
    await pair();
    network = 'down';
    expect(await sync.revoke()).toEqual({ revoked: false });
    expect(connection.token).toBeNull();
    expect(agent.store.pairing.isPairedOrigin(EXTENSION_ORIGIN, agent.clock.now)).toBe(true);
  });
});

describe('delivery', () => {
  it('queues while the agent is down, backs off, and delivers each field exactly once when it is back', async () => {
    await pair();
    network = 'down';
    outbox.save('HS001.tx1', '8');
    outbox.save('HS001.tx1', '8.5'); // replaces the queued 8
    outbox.save('HS002.gk', '7');
    await sync.flush({ force: true });
    await sync.flush({ force: true });
    expect(timers).toEqual([1_000, 2_000]);
    expect(await sync.status()).toMatchObject({ paired: true, reachable: false, queued: 2 });

    network = 'up';
    await sync.flush(); // inside the back-off window: waits
    expect(outbox.items).toHaveLength(2);
    const status = await sync.status(); // finds the agent again and starts delivering
    expect(status).toMatchObject({ reachable: true, queued: 2 });
    await sync.flush();
    expect(outbox.items).toHaveLength(0);
    const tx1 = await agentDraft('HS001.tx1');
    expect(tx1.draft).toMatchObject({ value: '8.5', version: 1 });
    expect(tx1.revisions).toHaveLength(1);
    expect((await agentDraft('HS002.gk')).revisions).toHaveLength(1);
    expect(outbox.versions.get('HS001.tx1')).toBe(1);
  });

  it('counts a save whose answer was lost as delivered when the retry finds its value there', async () => {
    await pair();
    network = 'lose-answers';
    outbox.save('HS003.ck', '9');
    await sync.flush({ force: true });
    expect(outbox.items).toHaveLength(1); // committed by the agent, but we never heard
    network = 'up';
    await sync.flush({ force: true });
    expect(outbox.items).toHaveLength(0);
    const { draft, revisions } = await agentDraft('HS003.ck');
    expect(draft).toMatchObject({ value: '9', version: 1 });
    expect(revisions).toHaveLength(1);
  });

  it('on a conflict with another value, re-sends the local edit on top of the current version', async () => {
    await pair();
    const token = await agent.pair();
    const other = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      json: { profile: 'vnedu', page: PAGE, field: 'HS004.tx2', value: '5' },
    });
    expect(other.status).toBe(200);
    outbox.save('HS004.tx2', '6');
    await sync.flush({ force: true });
    const { draft, revisions } = await agentDraft('HS004.tx2');
    expect(draft).toMatchObject({ value: '6', version: 2 });
    expect(revisions.map((revision) => revision.value)).toEqual(['6', '5']);
    expect(outbox.versions.get('HS004.tx2')).toBe(2);
  });

  it('deletes the agent’s draft once the portal saved it; a draft already gone is fine', async () => {
    await pair();
    outbox.save('HS005.tx1', '10');
    await sync.flush({ force: true });
    outbox.save('HS005.tx1', '10', 'delete');
    outbox.save('HS006.tx1', '', 'delete'); // never reached the agent
    await sync.flush({ force: true });
    expect(outbox.items).toHaveLength(0);
    expect((await agentDraft('HS005.tx1')).draft).toBeNull();
  });

  it('drops a change the agent can never take, and keeps the queue when the token is refused', async () => {
    await pair();
    outbox.items.push({ seq: 100, profile: 'Not A Profile', page: PAGE, field: 'x', op: 'save', value: '1' });
    outbox.save('HS007.tx1', '4');
    await sync.flush({ force: true });
    expect(outbox.items).toHaveLength(0);
    expect(sync.lastError?.en).toMatch(/not valid/);

    connection = { ...connection, token: 'edl_not-a-real-token' };
    outbox.save('HS008.tx1', '3');
    await sync.flush({ force: true });
    expect(outbox.items).toHaveLength(1);
    expect(connection.token).toBeNull();
    expect(sync.lastError?.vi).toMatch(/ghép nối lại/);
    expect((await sync.status()).paired).toBe(false);
  });
});

describe('reading a page back', () => {
  it('lists the agent’s live drafts of a page, and gives up quietly when it cannot', async () => {
    expect(await sync.pageDrafts('vnedu', PAGE, 1_000)).toBeNull(); // not paired
    await pair();
    outbox.save('HS009.tx1', '7');
    outbox.save('HS009.gk', '8');
    await sync.flush({ force: true });
    const drafts = await sync.pageDrafts('vnedu', PAGE, 1_000);
    expect(drafts?.map(({ field, value }) => ({ field, value }))).toEqual(
      expect.arrayContaining([
        { field: 'HS009.tx1', value: '7' },
        { field: 'HS009.gk', value: '8' },
      ]),
    );
    network = 'down';
    expect(await sync.pageDrafts('vnedu', PAGE, 1_000)).toBeNull();
  });
});
