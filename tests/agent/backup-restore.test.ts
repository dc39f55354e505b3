import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftResponseSchema } from '@edulens/shared/api';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type AgentProcess, killStartedAgents, pairWith, runCli, startAgentProcess } from './agent-process';

const KEY = { profile: 'vnedu', page: { class: '11B2', subject: 'Hóa học' }, field: 'HS0007.gk' };

let dir: string;
let home: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'edulens-restore-'));
  home = join(dir, 'home');
});
afterEach(async () => {
  await killStartedAgents();
  rmSync(dir, { recursive: true, force: true });
});

async function save(agent: AgentProcess, token: string, value: string) {
  const response = await fetch(`${agent.url}/api/drafts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...KEY, value }),
  });
  return DraftResponseSchema.parse(await response.json()).draft;
}

async function current(agent: AgentProcess, token: string) {
  const query = new URLSearchParams({
    profile: KEY.profile,
    page: JSON.stringify(KEY.page),
    field: KEY.field,
  });
  const response = await fetch(`${agent.url}/api/drafts/item?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return DraftResponseSchema.parse(await response.json()).draft.value;
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

it('backs up while the agent runs; restore is refused while it runs, then brings the data back', async () => {
  let agent = await startAgentProcess(home);
  const token = await pairWith(agent.url, agent.pairingCode);
  await save(agent, token, '6.5');

  const backupFile = join(dir, 'hk1.edulens');
  const backup = await runCli(['backup', backupFile], home);
  expect(backup.code).toBe(0);
  expect(backup.stdout).toContain('Backed up and verified');
  await save(agent, token, '9.0');

  const refused = await runCli(['restore', backupFile], home);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('already running');
  expect(await current(agent, token)).toBe('9.0');

  await agent.stop();
  const restored = await runCli(['restore', backupFile], home);
  expect(restored.code).toBe(0);
  expect(restored.stdout).toContain('The previous data was kept at');

  agent = await startAgentProcess(home);
  expect(await current(agent, token)).toBe('6.5');
});

it('refuses a corrupt or foreign file and leaves the current data untouched', async () => {
  const agent = await startAgentProcess(home);
  const token = await pairWith(agent.url, agent.pairingCode);
  await save(agent, token, '7.25');
  await agent.stop();
  const before = digest(join(home, 'edulens.db'));

  const backupFile = join(dir, 'good.edulens');
  expect((await runCli(['backup', backupFile], home)).code).toBe(0);
  const damaged = readFileSync(backupFile);
  damaged.fill(0x33, 2 * 4096, damaged.length);
  writeFileSync(join(dir, 'damaged.edulens'), damaged);
  writeFileSync(join(dir, 'grades.csv'), 'STT,Họ và tên,Điểm\n1,Trần Thị Bình,9\n');

  for (const [file, reason] of [
    ['damaged.edulens', 'corrupt'],
    ['grades.csv', 'not an SQLite database'],
  ] as const) {
    const result = await runCli(['restore', join(dir, file)], home);
    // A file that is not an intact EduLens backup is unreadable input: 2, like check's unreadable files.
    expect(result.code, file).toBe(2);
    expect(result.stderr).toContain('Dữ liệu hiện tại được giữ nguyên');
    expect(result.stderr).toContain(reason);
    expect(digest(join(home, 'edulens.db'))).toBe(before);
  }
  const restarted = await startAgentProcess(home);
  expect(await current(restarted, token)).toBe('7.25');
});
