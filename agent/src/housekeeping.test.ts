import { afterEach, beforeEach, expect, it } from 'vitest';
import { DAY_MS } from './config';
import { purgeExpired } from './housekeeping';
import { issuePairingCode } from './security/pairing';
import { type AgentHarness, createAgentHarness } from './testing/agent-harness';

const key = (field: string) => ({ profile: 'vnedu', page: { class: '6A1' }, field });

let agent: AgentHarness;
beforeEach(() => {
  agent = createAgentHarness();
});
afterEach(() => agent.close());

it('purges drafts untouched for the retention period, old revisions, and expired codes and tokens', async () => {
  const start = agent.clock.now;
  const { drafts } = agent.store;
  drafts.save({ ...key('old'), value: 'a' }, start);
  drafts.save({ ...key('kept'), value: 'b1' }, start);
  drafts.save({ ...key('kept'), value: 'b2' }, start + 200 * DAY_MS);
  await agent.pair();
  issuePairingCode(agent.store.pairing, start, agent.config.pairingCodeTtlMs);

  const removed = purgeExpired(agent.store, agent.config.draftRetentionMs, start + 366 * DAY_MS);

  expect(removed.pairing).toBe(3);
  expect(drafts.get(key('old'))).toBeNull();
  expect(drafts.history(key('old'), 10)).toEqual([]);
  expect(drafts.get(key('kept'))?.value).toBe('b2');
  expect(drafts.history(key('kept'), 10).map((r) => r.value)).toEqual(['b2']);
  expect(agent.store.db.prepare('SELECT count(*) FROM api_tokens').pluck().get()).toBe(0);
});

it('keeps everything younger than the retention period', () => {
  agent.store.drafts.save({ ...key('recent'), value: 'x' }, agent.clock.now);
  const removed = purgeExpired(agent.store, agent.config.draftRetentionMs, agent.clock.now + 364 * DAY_MS);
  expect(removed.drafts).toBe(0);
  expect(agent.store.drafts.get(key('recent'))?.value).toBe('x');
});
