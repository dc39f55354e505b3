import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readAgentLog } from '../helpers/agent-logs';
import { killStartedAgents, pairWith, startAgentProcess } from './agent-process';

const EXTENSION = `chrome-extension://${'k'.repeat(32)}`;

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-logs-'));
});
afterEach(async () => {
  await killStartedAgents();
  rmSync(home, { recursive: true, force: true });
});

/** A body sent without Content-Length (chunked), as a non-browser client might. */
function postChunked(url: string, path: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    req.once('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.once('error', reject);
    for (let sent = 0; sent < body.length; sent += 4096) req.write(body.slice(sent, sent + 4096));
    req.end();
  });
}

it('logs every request (at debug) without tokens, pairing codes or student data', async () => {
  const agent = await startAgentProcess(home, { env: { EDULENS_LOG_LEVEL: 'debug' } });
  const token = await pairWith(agent.url, agent.pairingCode, EXTENSION);
  const studentValue = 'Phạm-Thị-Xuân-Điểm-9.75-QZX';
  const page = { school: 'THCS Trưng Vương', class: '7C3' };
  const headers = { authorization: `Bearer ${token}`, origin: EXTENSION, 'content-type': 'application/json' };
  const saved = await fetch(`${agent.url}/api/drafts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ profile: 'vnedu', page, field: 'HS0451.ck', value: studentValue }),
  });
  expect(saved.status).toBe(200);
  const query = new URLSearchParams({ profile: 'vnedu', page: JSON.stringify(page) });
  expect((await fetch(`${agent.url}/api/drafts?${query}`, { headers })).status).toBe(200);
  expect(
    (await fetch(`${agent.url}/api/drafts?${query}`, { headers: { authorization: `Bearer ${token}zz` } }))
      .status,
  ).toBe(401);
  const oversize = JSON.stringify({ profile: 'vnedu', page, field: 'f', value: studentValue.repeat(4_000) });
  expect(await postChunked(agent.url, '/api/drafts', token, oversize)).toBe(413);
  await agent.stop();

  const log = readAgentLog(home);
  expect(log).toContain('"path":"/api/drafts","status":200');
  expect(log).toContain('"refusal":"request.too_large"');
  for (const secret of [
    token,
    token.slice(4, 24),
    agent.pairingCode,
    agent.pairingCode.replace('-', ''),
    studentValue,
    'HS0451',
    'Trưng Vương',
    '7C3',
  ]) {
    expect(log, secret).not.toContain(secret);
  }
});
