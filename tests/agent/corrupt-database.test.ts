import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { killStartedAgents, pairWith, runCli, startAgentProcess } from './agent-process';

let home: string;
let database: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-corrupt-'));
  database = join(home, 'edulens.db');
});
afterEach(async () => {
  await killStartedAgents();
  rmSync(home, { recursive: true, force: true });
});

const digest = () => createHash('sha256').update(readFileSync(database)).digest('hex');

async function expectRefusedStart() {
  const before = digest();
  const result = await runCli(['agent', '--port', '0'], home);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('Không thể mở dữ liệu EduLens');
  expect(result.stderr).toContain('Cannot open the EduLens data');
  expect(result.stderr).toContain('The file was left untouched');
  expect(result.stderr).toContain('edulens restore');
  expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  expect(digest()).toBe(before);
  expect(existsSync(join(home, 'agent.lock'))).toBe(false);
  return result.stderr;
}

it('refuses to start on a database with damaged pages and leaves the file as it was', async () => {
  const agent = await startAgentProcess(home);
  const token = await pairWith(agent.url, agent.pairingCode);
  for (let i = 0; i < 300; i++) {
    await fetch(`${agent.url}/api/drafts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        profile: 'vnedu',
        page: { class: '7A1' },
        field: `HS${i}.nx`,
        value: 'Hoàn thành tốt'.repeat(5),
      }),
    });
  }
  expect(await agent.stop()).toBe(0);

  const bytes = readFileSync(database);
  bytes.fill(0xa5, 4096 + 16, 6 * 4096);
  writeFileSync(database, bytes);

  expect(await expectRefusedStart()).toContain('corrupt');
});

it('refuses to start on a file that is not a database and leaves it as it was', async () => {
  writeFileSync(database, 'STT,Họ và tên,Điểm\n1,Nguyễn Văn An,8.5\n'.repeat(200));
  expect(await expectRefusedStart()).toContain('not an SQLite database');
});
