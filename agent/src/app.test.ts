import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiErrorSchema, HealthResponseSchema } from '@edulens/shared/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AgentHarness, createAgentHarness, EXTENSION_ORIGIN, TEST_HOST } from './testing/agent-harness';

const OTHER_EXTENSION = `chrome-extension://${'b'.repeat(32)}`;
const PAGE = { school: 'THCS Lê Lợi', schoolYear: '2024-2025', class: '6A1', subject: 'Toán', term: 'HK2' };
const draft = (value: string) => ({ profile: 'vnedu', page: PAGE, field: 'HS0001.tx1', value });

let agent: AgentHarness;
beforeEach(() => {
  agent = createAgentHarness();
});
afterEach(() => agent.close());

const countDrafts = () => agent.store.db.prepare('SELECT count(*) FROM drafts').pluck().get() as number;

async function expectRefusal(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = ApiErrorSchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  expect(Object.keys(body.error.message)).toEqual(['vi', 'en']);
  expect(body.error.message.vi.length).toBeGreaterThan(10);
  return body;
}

describe('health', () => {
  it('answers without a token, with version and schema version', async () => {
    const response = await agent.request('/health');
    expect(response.status).toBe(200);
    const health = HealthResponseSchema.parse(await response.json());
    expect(health).toMatchObject({
      name: 'edulens-agent',
      status: 'ok',
      schemaVersion: agent.store.schemaVersion,
    });
  });

  it('says whether automatic backups run and when the newest was taken', async () => {
    const backupOf = async () =>
      HealthResponseSchema.parse(await (await agent.request('/health')).json()).backup;
    expect(await backupOf()).toEqual({ automatic: true, lastAt: null });
    mkdirSync(agent.config.paths.backups, { recursive: true });
    for (const name of ['edulens-2026-11-29T2200.db', 'edulens-2026-11-30T2237.db', 'notes.txt']) {
      writeFileSync(join(agent.config.paths.backups, name), '');
    }
    expect(await backupOf()).toEqual({ automatic: true, lastAt: '2026-11-30T15:37:00.000Z' });
  });

  it('also answers on localhost:PORT', async () => {
    const response = await agent.request('/health', { headers: { host: 'localhost:8787' } });
    expect(response.status).toBe(200);
  });
});

describe('Host check (DNS rebinding)', () => {
  it.each([
    ['a rebound name', 'evil.example:8787'],
    ['the right address on another port', '127.0.0.1:9999'],
    ['the address without port', '127.0.0.1'],
    ['the LAN address', '192.168.1.10:8787'],
  ])('refuses %s before anything else runs', async (_, host) => {
    const token = await agent.pair();
    const response = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { host, authorization: `Bearer ${token}` },
      json: draft('8.5'),
    });
    await expectRefusal(response, 403, 'host.forbidden');
    expect(countDrafts()).toBe(0);
  });

  it('refuses a request with no Host header', async () => {
    const response = await agent.app.request('http://127.0.0.1:8787/health');
    await expectRefusal(response, 403, 'host.forbidden');
  });
});

describe('Origin and CORS', () => {
  it('refuses a web page on every route, even with a valid token', async () => {
    const token = await agent.pair();
    for (const [path, method] of [
      ['/health', 'GET'],
      ['/pair', 'POST'],
      ['/api/drafts', 'POST'],
      ['/api/pairing', 'DELETE'],
    ] as const) {
      const response = await agent.request(path, {
        method,
        headers: { origin: 'https://evil.example', authorization: `Bearer ${token}` },
        json: method === 'POST' ? draft('1') : undefined,
      });
      await expectRefusal(response, 403, 'origin.forbidden');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(countDrafts()).toBe(0);
  });

  it('refuses the opaque "null" origin and look-alike extension origins', async () => {
    for (const origin of ['null', 'chrome-extension://evil.example', `http://${TEST_HOST}`]) {
      const response = await agent.request('/health', { headers: { origin } });
      await expectRefusal(response, 403, 'origin.forbidden');
    }
  });

  it('refuses an extension that has not paired on /api, including its preflight', async () => {
    const token = await agent.pair();
    const preflight = await agent.request('/api/drafts', {
      method: 'OPTIONS',
      headers: { origin: EXTENSION_ORIGIN, 'access-control-request-method': 'POST' },
    });
    await expectRefusal(preflight, 403, 'origin.forbidden');
    const response = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { origin: EXTENSION_ORIGIN, authorization: `Bearer ${token}` },
      json: draft('1'),
    });
    await expectRefusal(response, 403, 'origin.forbidden');
  });

  it('lets any extension origin preflight and call /pair', async () => {
    const preflight = await agent.request('/pair', {
      method: 'OPTIONS',
      headers: { origin: EXTENSION_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
  });

  it('serves CORS to a paired extension only, and only with its own token', async () => {
    const token = await agent.pair(EXTENSION_ORIGIN);
    const otherToken = await agent.pair(OTHER_EXTENSION);

    const preflight = await agent.request('/api/drafts', {
      method: 'OPTIONS',
      headers: {
        origin: EXTENSION_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

    const saved = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { origin: EXTENSION_ORIGIN, authorization: `Bearer ${token}` },
      json: draft('7'),
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('access-control-allow-origin')).toBe(EXTENSION_ORIGIN);

    const borrowed = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { origin: EXTENSION_ORIGIN, authorization: `Bearer ${otherToken}` },
      json: draft('9'),
    });
    await expectRefusal(borrowed, 403, 'origin.forbidden');
    expect(countDrafts()).toBe(1);
  });

  it('stops serving an extension once its tokens have expired', async () => {
    await agent.pair(EXTENSION_ORIGIN);
    agent.clock.now += agent.config.tokenTtlMs;
    const preflight = await agent.request('/api/drafts', {
      method: 'OPTIONS',
      headers: { origin: EXTENSION_ORIGIN, 'access-control-request-method': 'GET' },
    });
    await expectRefusal(preflight, 403, 'origin.forbidden');
  });
});

describe('bearer token', () => {
  it('is required on /api', async () => {
    const response = await agent.request('/api/drafts', { method: 'POST', json: draft('1') });
    await expectRefusal(response, 401, 'auth.missing');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(countDrafts()).toBe(0);
  });

  it.each([
    ['an unknown token', 'Bearer edl_notatokenthisagentissued'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', async (_, authorization) => {
    const response = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { authorization },
      json: draft('1'),
    });
    await expectRefusal(response, 401, 'auth.invalid');
    expect(countDrafts()).toBe(0);
  });

  it('refuses an expired token', async () => {
    const token = await agent.pair();
    agent.clock.now += agent.config.tokenTtlMs + 1;
    const response = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      json: draft('1'),
    });
    await expectRefusal(response, 401, 'auth.expired');
    expect(countDrafts()).toBe(0);
  });

  it('guards unknown /api routes too, then answers 404', async () => {
    await expectRefusal(await agent.request('/api/nothing'), 401, 'auth.missing');
    const token = await agent.pair();
    const response = await agent.request('/api/nothing', { headers: { authorization: `Bearer ${token}` } });
    await expectRefusal(response, 404, 'route.not_found');
  });
});

describe('request bodies', () => {
  let token: string;
  beforeEach(async () => {
    token = await agent.pair();
  });

  it('refuses an oversize body announced by Content-Length with 413', async () => {
    const body = JSON.stringify(draft('x'.repeat(agent.config.maxBodyBytes)));
    const response = await agent.request('/api/drafts', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    });
    await expectRefusal(response, 413, 'request.too_large');
    expect(countDrafts()).toBe(0);
  });

  it('refuses an oversize streamed body (no Content-Length) with 413', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(draft('x'.repeat(agent.config.maxBodyBytes))));
    const stream = new ReadableStream({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 8192)
          controller.enqueue(bytes.slice(offset, offset + 8192));
        controller.close();
      },
    });
    const response = await agent.app.request(`http://${TEST_HOST}/api/drafts`, {
      method: 'POST',
      headers: { host: TEST_HOST, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectRefusal(response, 413, 'request.too_large');
    expect(countDrafts()).toBe(0);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"profile": "vnedu", "value": ',
    });
    await expectRefusal(response, 400, 'request.malformed_json');
    expect(countDrafts()).toBe(0);
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const response = await agent.request('/api/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
      body: JSON.stringify(draft('1')),
    });
    await expectRefusal(response, 415, 'request.content_type');
    expect(countDrafts()).toBe(0);
  });
});

describe('logs', () => {
  it('never contain tokens, pairing codes or draft values', async () => {
    const token = await agent.pair(EXTENSION_ORIGIN);
    const distinctive = 'Nguyễn-Văn-Điểm-9.75-ZQXJ';
    const headers = { authorization: `Bearer ${token}`, origin: EXTENSION_ORIGIN };
    await agent.request('/api/drafts', {
      method: 'POST',
      headers,
      json: { ...draft(distinctive), field: 'HS0042.ck' },
    });
    await agent.request('/api/drafts', {
      method: 'POST',
      headers,
      json: { ...draft(distinctive), baseVersion: 7 },
    });
    await agent.request('/api/drafts', {
      headers,
      query: { profile: 'vnedu', page: JSON.stringify(PAGE) },
    });
    await agent.request('/api/drafts', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}x` },
      json: draft('1'),
    });
    await agent.request('/pair', { method: 'POST', json: { code: 'WRNG-CODE' } });

    const log = agent.logLines.join('');
    expect(agent.logLines.length).toBeGreaterThan(4);
    for (const secret of [token, token.slice(4, 20), distinctive, 'HS0042', 'WRNG', '6A1', 'Toán']) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('"refusal":"auth.invalid"');
  });
});
