import { ApiErrorSchema, PairResponseSchema, UnpairResponseSchema } from '@edulens/shared/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issuePairingCode } from '../security/pairing';
import { type AgentHarness, createAgentHarness, EXTENSION_ORIGIN } from '../testing/agent-harness';

let agent: AgentHarness;
beforeEach(() => {
  agent = createAgentHarness();
});
afterEach(() => agent.close());

const newCode = () =>
  issuePairingCode(agent.store.pairing, agent.clock.now, agent.config.pairingCodeTtlMs).code;
const pair = (code: string, headers: Record<string, string> = {}) =>
  agent.request('/pair', { method: 'POST', json: { code }, headers });
const errorCode = async (response: Response) => ApiErrorSchema.parse(await response.json()).error.code;
const tokenCount = () => agent.store.db.prepare('SELECT count(*) FROM api_tokens').pluck().get();

describe('POST /pair', () => {
  it('exchanges a code for a working token bound to the extension origin', async () => {
    const response = await pair(newCode(), { origin: EXTENSION_ORIGIN });
    expect(response.status).toBe(201);
    const paired = PairResponseSchema.parse(await response.json());
    expect(paired.origin).toBe(EXTENSION_ORIGIN);
    expect(Date.parse(paired.expiresAt) - agent.clock.now).toBe(agent.config.tokenTtlMs);

    const api = await agent.request('/api/drafts/pages', {
      query: { profile: 'vnedu' },
      headers: { authorization: `Bearer ${paired.token}`, origin: EXTENSION_ORIGIN },
    });
    expect(api.status).toBe(200);
  });

  it('accepts the code in any case, with or without the dash', async () => {
    const code = newCode().toLowerCase().replace('-', ' ');
    expect((await pair(code)).status).toBe(201);
  });

  it('stores only hashes of codes and tokens', async () => {
    const code = newCode();
    const { token } = PairResponseSchema.parse(await (await pair(code)).json());
    const dump = JSON.stringify([
      agent.store.db.prepare('SELECT * FROM pairing_codes').all(),
      agent.store.db.prepare('SELECT * FROM api_tokens').all(),
    ]);
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(token.slice(4));
    expect(dump).not.toContain(code.replace('-', ''));
  });

  it('refuses a code the second time', async () => {
    const code = newCode();
    expect((await pair(code)).status).toBe(201);
    const again = await pair(code);
    expect(again.status).toBe(400);
    expect(await errorCode(again)).toBe('pairing.invalid_code');
    expect(tokenCount()).toBe(1);
  });

  it('refuses an expired code', async () => {
    const code = newCode();
    agent.clock.now += agent.config.pairingCodeTtlMs;
    const response = await pair(code);
    expect(await errorCode(response)).toBe('pairing.invalid_code');
    expect(tokenCount()).toBe(0);
  });

  it('locks out after five wrong codes, even for the right one, until the window passes', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await errorCode(await pair('AAAA-AAAA'))).toBe('pairing.invalid_code');
    }
    const code = newCode();
    const locked = await pair(code);
    expect(locked.status).toBe(429);
    expect(await errorCode(locked)).toBe('pairing.rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(tokenCount()).toBe(0);

    agent.clock.now += 10 * 60 * 1000;
    const fresh = newCode();
    expect((await pair(fresh)).status).toBe(201);
  });

  it.each([
    ['no code', {}],
    ['a number', { code: 12345678 }],
    ['an extra key', { code: 'ABCD-EFGH', origin: 'https://evil.example' }],
  ])('refuses a body with %s as a schema violation', async (_, json) => {
    const response = await agent.request('/pair', { method: 'POST', json });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('request.invalid');
    expect(tokenCount()).toBe(0);
  });
});

describe('DELETE /api/pairing', () => {
  const unpair = (token: string | undefined, origin?: string) =>
    agent.request('/api/pairing', {
      method: 'DELETE',
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(origin === undefined ? {} : { origin }),
      },
    });
  const listPages = (token: string, origin?: string) =>
    agent.request('/api/drafts/pages', {
      query: { profile: 'vnedu' },
      headers: { authorization: `Bearer ${token}`, ...(origin === undefined ? {} : { origin }) },
    });

  it('revokes the caller’s token and only that one', async () => {
    const extension = await agent.pair(EXTENSION_ORIGIN);
    const tool = await agent.pair();
    const response = await unpair(extension, EXTENSION_ORIGIN);
    expect(response.status).toBe(200);
    // The answer still carries CORS headers: the extension must be able to read it.
    expect(response.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(UnpairResponseSchema.parse(await response.json())).toEqual({ revoked: true });
    expect(tokenCount()).toBe(1);

    expect(await errorCode(await listPages(extension))).toBe('auth.invalid');
    // With no live token left, the extension's origin is a stranger again.
    expect(await errorCode(await listPages(extension, EXTENSION_ORIGIN))).toBe('origin.forbidden');
    expect((await listPages(tool)).status).toBe(200);
  });

  it('refuses without a valid token and revokes nothing', async () => {
    await agent.pair(EXTENSION_ORIGIN);
    const missing = await unpair(undefined);
    expect(missing.status).toBe(401);
    expect(await errorCode(missing)).toBe('auth.missing');
    expect(await errorCode(await unpair('edl_not-a-real-token'))).toBe('auth.invalid');
    expect(tokenCount()).toBe(1);
  });

  it('refuses a web page, even one holding a stolen token', async () => {
    const token = await agent.pair(EXTENSION_ORIGIN);
    const response = await unpair(token, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('origin.forbidden');
    expect(tokenCount()).toBe(1);
  });
});
