import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect as pollExpect } from 'vitest';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { jsonClient, killStartedAgents, pairWith, runCli, startAgentProcess } from './agent-process';

let home: string;
let backups: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-auto-backup-'));
  backups = mkdtempSync(join(tmpdir(), 'edulens-other-disk-'));
});
afterEach(async () => {
  await killStartedAgents();
  rmSync(home, { recursive: true, force: true });
  rmSync(backups, { recursive: true, force: true });
});

const draft = (value: string) => ({
  profile: 'vnedu',
  page: { school: 'THCS Nguyễn Du', class: '6A1', subject: 'TOAN', term: '1' },
  field: 'HS001|tx|0',
  value,
});

it('backs up on start to the chosen folder, and the backup restores what was saved', async () => {
  const env = { EDULENS_BACKUP_DIR: backups, EDULENS_BACKUP_KEEP_DAYS: '14' };
  // Saved while automatic backups are off (the test helper's default).
  const first = await startAgentProcess(home);
  expect(first.output()).toContain('Backups:          tắt / off');
  const token = await pairWith(first.url, first.pairingCode);
  const http = jsonClient(first.url, token, 1);
  expect((await http.post('/api/drafts', draft('8.5'))).status).toBe(200);
  http.close();
  expect(await first.stop()).toBe(0);

  // Turned on: with no backup yet, the start takes one.
  const second = await startAgentProcess(home, { env });
  expect(second.output()).toContain(`Backups:          ${backups}`);
  // Written as a .partial first, renamed once verified.
  const finished = () =>
    readdirSync(backups).filter((name) => /^edulens-\d{4}-\d{2}-\d{2}T\d{4}\.db$/.test(name));
  await pollExpect.poll(finished, { timeout: 20_000 }).toHaveLength(1);
  const [file] = finished();
  // A restart the same day does not take another.
  expect(await second.stop()).toBe(0);
  const third = await startAgentProcess(home, { env });
  expect(await third.stop()).toBe(0);
  expect(readdirSync(backups)).toEqual([file]);

  // The data is lost; the automatic backup brings the draft back.
  rmSync(join(home, 'edulens.db'));
  const restored = await runCli(['restore', join(backups, file!)], home);
  expect(restored.code).toBe(0);
  const agent = await startAgentProcess(home);
  const reader = await pairWith(agent.url, agent.pairingCode);
  const query = new URLSearchParams({
    profile: 'vnedu',
    page: JSON.stringify(draft('').page),
    field: 'HS001|tx|0',
  });
  const response = await fetch(`${agent.url}/api/drafts/item?${query}`, {
    headers: { authorization: `Bearer ${reader}` },
  });
  expect(((await response.json()) as { draft: { value: string } }).draft.value).toBe('8.5');
});
