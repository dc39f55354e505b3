import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiErrorSchema, DraftResponseSchema, PageDraftsResponseSchema } from '@edulens/shared/api';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openSmallDisk, type SmallDisk, type StartAnswer } from '../helpers/small-disk';
import { pairWith } from './agent-process';

// A full disk, for real: an 8 MB tmpfs of the test's own (a mount namespace, see helpers/small-disk.ts)
// holds the agent's data folder, and a filler file takes every free byte on command.

const PAGE = { school: 'THCS Nguyễn Du', class: '8A1', subject: 'Ngữ văn', term: 'HK2' };
/** Big enough that every save needs new pages of the WAL: on a full disk none can be kept. */
const VALUE = 'Nhận xét: '.padEnd(6_000, 'đ');

let root: string;
let disk: SmallDisk;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'edulens-full-disk-'));
  // Never skipped silently: a machine that allows neither a tmpfs nor prlimit fails here, saying so.
  disk = openSmallDisk(root, 8);
});
afterAll(async () => {
  await disk?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Client {
  save(field: string, value: string): Promise<{ status: number; body: unknown }>;
  page(): Promise<Map<string, string | null>>;
}

function client(url: string, token: string): Client {
  const headers = { authorization: `Bearer ${token}` };
  return {
    async save(field, value) {
      const response = await fetch(`${url}/api/drafts`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ profile: 'vnedu', page: PAGE, field, value }),
      });
      return { status: response.status, body: await response.json() };
    },
    async page() {
      const query = new URLSearchParams({ profile: 'vnedu', page: JSON.stringify(PAGE) });
      const response = await fetch(`${url}/api/drafts?${query}`, { headers });
      expect(response.status).toBe(200);
      const { drafts } = PageDraftsResponseSchema.parse(await response.json());
      return new Map(drafts.map((draft) => [draft.field, draft.value]));
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function started(answer: StartAnswer): Extract<StartAnswer, { started: true }> {
  if (!answer.started) throw new Error(`the agent did not start (${answer.exitCode}):\n${answer.output}`);
  return answer;
}

it('answers saves 507 on a full disk, loses nothing acknowledged, serves reads and recovers by itself', async () => {
  const port = await freePort();
  const agent = started(await disk.start(['--port', String(port)]));
  const token = await pairWith(agent.url, agent.code);
  const api = client(agent.url, token);
  const acknowledged = new Map<string, string>();
  const save = async (field: string, value: string) => {
    const answer = await api.save(field, value);
    if (answer.status === 200) {
      expect(DraftResponseSchema.parse(answer.body).draft.value).toBe(value);
      acknowledged.set(field, value);
    }
    return answer;
  };
  for (let n = 0; n < 20; n++) expect((await save(`HS${n}.nx`, `${VALUE}${n}`)).status).toBe(200);

  const { free } = await disk.fill();
  expect(free).toBeLessThan(4096);
  // Saves may still fit in space SQLite already holds; keep saving until the disk refuses them.
  const statuses: number[] = [];
  // 40 refusals: their log lines need more than the log file's last partly filled page.
  for (let n = 20; n < 260 && statuses.filter((status) => status === 507).length < 40; n++) {
    const answer = await save(`HS${n}.nx`, `${VALUE}${n}`);
    statuses.push(answer.status);
    if (answer.status === 507) {
      const { error } = ApiErrorSchema.parse(answer.body);
      expect(error.message.vi).toMatch(/^Chưa lưu được: /);
      expect(error.message.en).toMatch(/^Not saved: /);
      // Under prlimit SQLite reports the refused write as an I/O error: still 507, in other words.
      if (disk.kind === 'tmpfs') {
        expect(error.code).toBe('storage.full');
        expect(error.message.vi).toMatch(/Ổ đĩa chứa thư mục dữ liệu EduLens .* đã đầy/);
        expect(error.message.en).toMatch(/The disk holding the EduLens data folder .* is full/);
      }
    }
  }
  expect(new Set(statuses)).toEqual(new Set(statuses.includes(200) ? [200, 507] : [507]));
  expect(statuses.slice(-10)).toEqual(Array(10).fill(507));
  // SQLite gives back the pages of a write it could not finish: take those too, so that now even the
  // log's short lines cannot be written.
  await disk.fill();
  for (let n = 0; n < 40; n++) expect((await save(`HS-full-${n}.nx`, VALUE)).status).toBe(507);

  // Reads are served while full, and every acknowledged save is there.
  expect((await fetch(`${agent.url}/health`)).status).toBe(200);
  expect(Object.fromEntries(await api.page())).toEqual(Object.fromEntries(acknowledged));

  // Space returns: the very next save is kept, without a restart.
  await disk.free();
  const freedAt = performance.now();
  const recovered = await save('HS-after.nx', `${VALUE}after`);
  expect(recovered.status).toBe(200);
  console.info(
    `full disk: ${statuses.length} saves tried while full, first save after freeing took ${Math.round(performance.now() - freedAt)} ms`,
  );
  expect(Object.fromEntries(await api.page())).toEqual(Object.fromEntries(acknowledged));
  if (disk.kind === 'tmpfs') {
    // The log could not be written meanwhile; the agent kept serving, and says so once it can write again.
    await expect
      .poll(async () => (await disk.log()).log, { timeout: 5_000, interval: 250 })
      .toContain('"msg":"the log file can be written again');
    const { log } = await disk.log();
    expect(log).toContain('"cause":"ENOSPC"');
    expect(log).toContain('"refusal":"storage.full","cause":"SQLITE_FULL"');
    expect(log).toContain('"detail":"Not saved: The disk holding the EduLens data folder');
  }

  // A restart while the disk is full either serves (reads, 507 saves) or exits cleanly: one line, no stack, no listener, no process.
  await disk.fill();
  expect((await disk.stop()).exitCode).toBe(0);
  const restart = await disk.start(['--port', String(port)]);
  console.info(
    restart.started
      ? 'restart on a full disk: serves'
      : `restart on a full disk: exit ${restart.exitCode}: ${restart.output}`,
  );
  if (restart.started) {
    expect((await fetch(`${restart.url}/health`)).status).toBe(200);
    const again = client(restart.url, token);
    expect(Object.fromEntries(await again.page())).toEqual(Object.fromEntries(acknowledged));
    expect((await again.save('HS-restart.nx', VALUE)).status).toBe(507);
    expect((await disk.stop()).exitCode).toBe(0);
  } else {
    expect(restart.exitCode).not.toBe(0);
    expect(restart.output).toMatch(/đã đầy .* \/ .* is full/);
    expect(restart.output.split('\n').filter((line) => line.startsWith('Ổ đĩa'))).toHaveLength(1);
    expect(restart.output).not.toMatch(/^\s+at /m);
    expect(restart.output).not.toContain('Unexpected error');
    expect(await portIsClosed(port)).toBe(true);
    expect(isAlive(restart.pid)).toBe(false);
  }

  // And once space is back, a restart finds every acknowledged draft.
  await disk.free();
  const after = started(await disk.start(['--port', String(port)]));
  expect(Object.fromEntries(await client(after.url, token).page())).toEqual(Object.fromEntries(acknowledged));
  expect((await disk.stop()).exitCode).toBe(0);
});

it('refuses a read-only data folder at start in plain words, leaving no listener and no process', async (context) => {
  if (disk.kind !== 'tmpfs') context.skip('a read-only disk needs the tmpfs of the test (unshare -rm)');
  await disk.readOnly(true);
  try {
    // An existing data folder, and one that would have to be created.
    for (const folder of ['home', 'new/home']) {
      const port = await freePort();
      const answer = await disk.start(['--port', String(port)], folder);
      if (answer.started) throw new Error(`the agent started on a read-only disk (${folder})`);
      expect(answer.exitCode).toBe(1);
      const messages = answer.output.split('\n').filter((line) => line.startsWith('Thư mục'));
      expect(messages, answer.output).toHaveLength(1);
      expect(messages[0]).toMatch(
        /^Thư mục dữ liệu EduLens \(.*\) chỉ đọc được.* \/ The EduLens data folder \(.*\) is read-only/,
      );
      expect(answer.output).not.toMatch(/^\s+at /m);
      expect(await portIsClosed(port)).toBe(true);
      expect(isAlive(answer.pid)).toBe(false);
    }
  } finally {
    await disk.readOnly(false);
  }
});
