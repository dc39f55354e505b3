import { randomUUID } from 'node:crypto';
import { ApiErrorSchema, PairResponseSchema, UnpairResponseSchema } from '@edulens/shared/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WRONG_GUESSES_PER_CLIENT_AND_CODE, WRONG_GUESSES_PER_CODE } from '../security/attempt-limiter';
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

  it('keeps a code for an hour: a first install has time to find the settings page', async () => {
    const MINUTE = 60_000;
    const start = agent.clock.now;
    const [early, late] = [newCode(), newCode()];
    agent.clock.now = start + 59 * MINUTE;
    expect((await pair(early)).status).toBe(201);
    agent.clock.now = start + 61 * MINUTE;
    const response = await pair(late);
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('pairing.invalid_code');
    expect(tokenCount()).toBe(1);
  });

  it('counts wrong guesses per code and client: five, then 429 even for the right code', async () => {
    const code = newCode();
    for (let attempt = 0; attempt < WRONG_GUESSES_PER_CLIENT_AND_CODE; attempt++) {
      expect(await errorCode(await pair('AAAA-AAAA'))).toBe('pairing.invalid_code');
    }
    const locked = await pair(code);
    expect(locked.status).toBe(429);
    expect(await errorCode(locked)).toBe('pairing.rate_limited');
    expect(tokenCount()).toBe(0);

    // Another client still has its own five; the extension pairs with the same code.
    expect((await pair(code, { origin: EXTENSION_ORIGIN })).status).toBe(201);
  });

  it('never blocks a fresh code with guesses against the old one', async () => {
    newCode();
    for (let attempt = 0; attempt < WRONG_GUESSES_PER_CLIENT_AND_CODE; attempt++) await pair('AAAA-AAAA');
    expect((await pair('AAAA-AAAA')).status).toBe(429);
    expect((await pair(newCode())).status).toBe(201);
  });

  it('checks and counts in one step: 500 concurrent guesses from one client, five checked', async () => {
    newCode();
    const statuses = await Promise.all(
      Array.from({ length: 500 }, async () => (await pair('AAAA-AAAA')).status),
    );
    expect(statuses.filter((status) => status === 400)).toHaveLength(WRONG_GUESSES_PER_CLIENT_AND_CODE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(500 - WRONG_GUESSES_PER_CLIENT_AND_CODE);
    expect((await pair(newCode())).status).toBe(201);
  });

  it('caps a code at twenty guesses from all clients together, however many Origins they forge', async () => {
    const code = newCode();
    const origins = Array.from({ length: 500 }, () => `moz-extension://${randomUUID()}`);
    const statuses = await Promise.all(
      origins.map(async (origin) => (await pair('AAAA-AAAA', { origin })).status),
    );
    expect(statuses.filter((status) => status === 400)).toHaveLength(WRONG_GUESSES_PER_CODE);
    expect(statuses.filter((status) => status === 429)).toHaveLength(500 - WRONG_GUESSES_PER_CODE);
    // The spent code is compared with nothing any more, not even from a client with guesses left.
    expect((await pair(code, { origin: EXTENSION_ORIGIN })).status).toBe(429);
    expect((await pair(newCode(), { origin: EXTENSION_ORIGIN })).status).toBe(201);
  });

  it('answers a guess when no code is live as wrong, counting nothing', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await errorCode(await pair('AAAA-AAAA'))).toBe('pairing.invalid_code');
    }
    expect((await pair(newCode())).status).toBe(201);
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

describe('a token bound to an origin', () => {
  const PAGE = { school: 'THCS Lê Lợi', class: '6A1' };
  const save = (token: string, origin?: string) =>
    agent.request('/api/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(origin === undefined ? {} : { origin }) },
      json: { profile: 'vnedu', page: PAGE, field: 'HS0001.tx1', value: '8' },
    });
  const read = (token: string, origin?: string) =>
    agent.request('/api/drafts', {
      query: { profile: 'vnedu', page: JSON.stringify(PAGE) },
      headers: { authorization: `Bearer ${token}`, ...(origin === undefined ? {} : { origin }) },
    });
  const draftCount = () => agent.store.db.prepare('SELECT count(*) FROM drafts').pluck().get();

  it('is refused without its Origin on a write, in both languages, and accepted with it', async () => {
    const token = await agent.pair(EXTENSION_ORIGIN);
    const bare = await save(token);
    expect(bare.status).toBe(403);
    const { error } = ApiErrorSchema.parse(await bare.json());
    expect(error.code).toBe('origin.forbidden');
    expect(error.message.vi).toContain('không có Origin');
    expect(error.message.en).toContain('has no Origin');
    expect(draftCount()).toBe(0);

    expect((await save(token, EXTENSION_ORIGIN)).status).toBe(200);
    expect(draftCount()).toBe(1);
  });

  it('is refused with another extension’s Origin, also one that is paired', async () => {
    const token = await agent.pair(EXTENSION_ORIGIN);
    const other = `moz-extension://${randomUUID()}`;
    await agent.pair(other);
    expect(await errorCode(await save(token, other))).toBe('origin.forbidden');
    expect(await errorCode(await read(token, other))).toBe('origin.forbidden');
    expect(draftCount()).toBe(0);
  });

  it('cannot unpair without its Origin', async () => {
    const token = await agent.pair(EXTENSION_ORIGIN);
    const response = await agent.request('/api/pairing', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await errorCode(response)).toBe('origin.forbidden');
    expect(tokenCount()).toBe(1);
  });

  it('cannot read without its Origin either; the extension reads with POST, which carries it', async () => {
    const token = await agent.pair(EXTENSION_ORIGIN);
    expect(await errorCode(await read(token))).toBe('origin.forbidden');
    expect((await read(token, EXTENSION_ORIGIN)).status).toBe(200);
    const readWithBody = (origin?: string) =>
      agent.request('/api/drafts/page', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(origin === undefined ? {} : { origin }) },
        json: { profile: 'vnedu', page: PAGE },
      });
    expect(await errorCode(await readWithBody())).toBe('origin.forbidden');
    expect((await readWithBody(EXTENSION_ORIGIN)).status).toBe(200);
  });

  it('issued to a local tool (no Origin) works only without one', async () => {
    const tool = await agent.pair();
    await agent.pair(EXTENSION_ORIGIN);
    expect((await save(tool)).status).toBe(200);
    expect((await read(tool)).status).toBe(200);
    expect(await errorCode(await save(tool, EXTENSION_ORIGIN))).toBe('origin.forbidden');
    expect(await errorCode(await read(tool, EXTENSION_ORIGIN))).toBe('origin.forbidden');
  });
});
