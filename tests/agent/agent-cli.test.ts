import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { agentLogFiles } from '../helpers/agent-logs';
import { killStartedAgents, pairWith, runCli, startAgentProcess } from './agent-process';

type Messages = Record<string, { message: string } | undefined>;
const locale = (lang: string) =>
  new URL(`../../extension/public/_locales/${lang}/messages.json`, import.meta.url);

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-cli-'));
});
afterEach(async () => {
  await killStartedAgents();
  rmSync(home, { recursive: true, force: true });
});

it('prints where the data lives, the URL and a pairing code, and keeps the data private to the user', async () => {
  const agent = await startAgentProcess(home);
  expect(agent.output()).toContain(`Data:             ${home}`);
  expect(agent.output()).toMatch(/URL:\s+http:\/\/127\.0\.0\.1:\d+/);
  expect((await fetch(`${agent.url}/health`)).status).toBe(200);
  for (const file of [join(home, 'edulens.db'), join(home, 'agent.lock'), ...agentLogFiles(home)]) {
    expect(statSync(file).mode & 0o077, file).toBe(0);
  }
  expect(await agent.stop()).toBe(0);
});

it('prints the next steps after the banner, in Vietnamese then English, within 80 columns', async () => {
  const agent = await startAgentProcess(home, { env: { npm_lifecycle_event: '' } });
  await agent.stop();
  const output = agent.output();
  const steps = output.slice(output.indexOf('Bước tiếp theo / Next steps:'));
  expect(output.indexOf('Bước tiếp theo')).toBeGreaterThan(output.indexOf('Pairing code:'));
  expect(output).toContain(`Pairing code: ${agent.pairingCode}  (dùng được 60 phút / valid 60 min)`);
  const inOrder = [
    ' 1. Cài tiện ích EduLens vào trình duyệt: xem docs/install-extension.md',
    '    Install the EduLens browser extension: see docs/install-extension.md',
    ' 2. Mở Cài đặt của tiện ích',
    'rồi bấm "Cài đặt"',
    'chọn "Tùy chọn"',
    "Open the extension's settings",
    'then "Settings"',
    'then "Options"',
    // --port 0 is not the extension's default address, so the step names it.
    ` 3. Ở ô "Địa chỉ máy chủ cục bộ", nhập ${agent.url}`,
    `    In "Local agent address", enter ${agent.url}`,
    `Ở ô "Mã ghép nối", nhập ${agent.pairingCode} rồi bấm "Ghép nối".`,
    `In "Pairing code", enter ${agent.pairingCode} and click "Pair".`,
    'Mã dùng được một lần, trong 60 phút.',
    'The code works once, for 60 min.',
    ' 4. Để cửa sổ này mở khi dùng EduLens; Ctrl+C để dừng.',
    'Ctrl+C stops it.',
    'Mã mới: chạy "edulens pair" ở cửa sổ khác.',
    'New code: run "edulens pair" in another window.',
  ];
  let at = 0;
  for (const text of inOrder) {
    const found = steps.indexOf(text, at);
    expect(found, text).toBeGreaterThanOrEqual(at);
    at = found + text.length;
  }
  // The words are the extension's own: the settings button, the fields and the pair button.
  const vi = JSON.parse(readFileSync(locale('vi'), 'utf8')) as Messages;
  const en = JSON.parse(readFileSync(locale('en'), 'utf8')) as Messages;
  for (const key of ['popup_openOptions', 'options_agentUrl', 'options_pairCode', 'options_pair']) {
    expect(steps).toContain(`"${vi[key]!.message}"`);
    expect(steps).toContain(`"${en[key]!.message}"`);
  }
  const lines = steps.split('\n').filter((line) => !/agent stopped|^\d\d:\d\d/.test(line));
  // Fewer than 80: a line of exactly 80 leaves an empty line after it in a Windows console.
  for (const line of lines) expect([...line].length, line).toBeLessThan(80);
});

it('under `npm start`, names the command that works in the EduLens folder for a new code', async () => {
  const agent = await startAgentProcess(home, { env: { npm_lifecycle_event: 'start' } });
  const output = agent.output();
  expect(output).toContain('Mã mới: chạy "npx edulens pair" ở cửa sổ khác, trong thư mục EduLens.');
  expect(output).toContain('New code: run "npx edulens pair" in another window, in the EduLens folder.');
  for (const line of output.slice(output.indexOf('Bước tiếp theo')).split('\n')) {
    expect([...line].length, line).toBeLessThan(80);
  }
  expect(await agent.stop()).toBe(0);
});

it('refuses a second agent on the same data, naming the running one', async () => {
  const agent = await startAgentProcess(home);
  const second = await runCli(['agent', '--port', '0'], home);
  expect(second.code).toBe(1);
  expect(second.stderr).toContain('EduLens đang chạy');
  expect(second.stderr).toContain(`already running (process ${agent.child.pid} (${agent.url}))`);
  expect((await fetch(`${agent.url}/health`)).status).toBe(200);
});

it('explains a port that another program holds', async () => {
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  const { port } = squatter.address() as { port: number };
  try {
    const result = await runCli(['agent', '--port', String(port)], home);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cổng ${port} trên 127.0.0.1 đang được chương trình khác dùng`);
    expect(result.stderr).toContain('--port');
  } finally {
    squatter.close();
  }
});

it('`edulens pair` issues codes while the agent runs and while it does not', async () => {
  const codeOf = (stdout: string) => /Pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(stdout)?.[1] ?? '';
  const whileStopped = await runCli(['pair'], home);
  expect(whileStopped.code).toBe(0);
  expect(whileStopped.stdout).toContain('not running');
  expect(whileStopped.stdout).toContain('Dùng được một lần, trong 60 phút (đến ');
  expect(whileStopped.stdout).toContain('Works once, for 60 minutes (until ');
  expect(whileStopped.stdout).toContain('"npm start" trong thư mục EduLens');

  const agent = await startAgentProcess(home);
  const whileRunning = await runCli(['pair'], home);
  expect(whileRunning.stdout).toContain(`running at ${agent.url}`);

  expect(await pairWith(agent.url, codeOf(whileStopped.stdout))).toMatch(/^edl_/);
  expect(await pairWith(agent.url, codeOf(whileRunning.stdout))).toMatch(/^edl_/);
  await expect(pairWith(agent.url, codeOf(whileRunning.stdout))).rejects.toThrow(/400/);
});

it('`edulens unpair` revokes every token of the running agent, and pairing works again after', async () => {
  const agent = await startAgentProcess(home);
  const tokens = [await pairWith(agent.url, agent.pairingCode)];
  const fresh = await runCli(['pair'], home);
  tokens.push(await pairWith(agent.url, /Pairing code: (\S+)/.exec(fresh.stdout)![1]!));
  const pages = (token: string) =>
    fetch(`${agent.url}/api/drafts/pages?profile=vnedu`, { headers: { authorization: `Bearer ${token}` } });
  expect((await pages(tokens[0]!)).status).toBe(200);

  const result = await runCli(['unpair'], home);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Đã thu hồi 2 ghép nối');
  expect(result.stdout).toContain('Revoked 2 pairing(s)');
  for (const token of tokens) expect((await pages(token)).status).toBe(401);

  const again = await runCli(['pair'], home);
  const token = await pairWith(agent.url, /Pairing code: (\S+)/.exec(again.stdout)![1]!);
  expect((await pages(token)).status).toBe(200);
});
