import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DraftHistoryResponseSchema,
  type DraftPageQuery,
  PageDraftsResponseSchema,
} from '@edulens/shared/api';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AgentProcess,
  killStartedAgents,
  pairWith,
  runCli,
  startAgentProcess,
} from '../agent/agent-process';
import {
  cellInput,
  draftField,
  expireAndLogIn,
  type GradeFrame,
  type Harness,
  openGradeBook,
  overlay,
  restoreOffered,
  rowCodes,
  saveInPortal,
  screenshot,
  startHarness,
  storedBook,
  storedDrafts,
  WAIT,
} from './harness';

// Drafts end to end: the built extension in Chromium, the vnEdu simulator and the real agent
// process (its own EDULENS_HOME). Pairing goes through the options page with the code the agent
// printed; the test reads the agent with a token of its own (`edulens pair`, no Origin).

type Key = Omit<DraftPageQuery, 'page'> & { page: Record<string, string> };

let h: Harness;
let home: string;
let agent: AgentProcess;
let testToken: string;
/** The options page, open all along: it reads the extension's IndexedDB while the service worker may be asleep. */
let options: Page;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'edulens-drafts-e2e-'));
  // With its automatic backups on, as a school runs it.
  agent = await startAgentProcess(home, { env: { EDULENS_BACKUP_KEEP_DAYS: '14' } });
  h = await startHarness();
  const pair = await runCli(['pair'], home);
  const code = /Pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(pair.stdout)?.[1];
  if (!code) throw new Error(`edulens pair printed no code:\n${pair.stdout}${pair.stderr}`);
  testToken = await pairWith(agent.url, code);
}, 120_000);

afterAll(async () => {
  await h?.cleanup();
  await killStartedAgents();
  if (home) await rm(home, { recursive: true, force: true });
});

async function agentGet(path: string, query: Record<string, string>): Promise<unknown> {
  const response = await fetch(`${agent.url}${path}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${testToken}` },
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function agentDrafts(key: Key) {
  const body = await agentGet('/api/drafts', { profile: key.profile, page: JSON.stringify(key.page) });
  return PageDraftsResponseSchema.parse(body).drafts;
}

async function agentHistory(key: Key, field: string) {
  const body = await agentGet('/api/drafts/history', {
    profile: key.profile,
    page: JSON.stringify(key.page),
    field,
  });
  return DraftHistoryResponseSchema.parse(body).revisions;
}

/** A valid score other than the one the cell holds. */
function otherScore(current: string, wanted: string): string {
  return current === wanted ? '4.5' : wanted;
}

async function typeScores(grid: GradeFrame, cells: Array<[code: string, key: string, value: string]>) {
  const typed: Record<string, string> = {};
  for (const [code, key, wanted] of cells) {
    const input = cellInput(grid, code, key);
    const value = otherScore(await input.inputValue(), wanted);
    await input.fill(value);
    typed[`${code}|${key}`] = value;
  }
  return typed;
}

async function openOptions(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/options.html`);
  await page.locator('#pair-form').waitFor();
  return page;
}

function agentStatus(page: Page) {
  return page.locator('#agent-status');
}

/** Stops the extension's service worker (Chrome restarts it on the next message or alarm). */
async function stopServiceWorker(): Promise<void> {
  const cdp = await h.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) =>
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped'))
        resolve();
    }),
  );
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** The scores the simulator stored for the book these tests type in (6A1, Toán, HK I), by student code. */
async function storedScores(): Promise<Record<string, Record<string, string>>> {
  const { rows } = await storedBook(h, { lop: '6A1', hk: 1 });
  return Object.fromEntries(rows.map((row) => [row.maHs, row.values]));
}

describe('drafts', () => {
  it('pairs through the options page with the code the agent printed', async () => {
    options = await openOptions();
    await options.locator('#agent-url').fill(agent.url);
    await options.locator('#pair-code').fill(agent.pairingCode.toLowerCase());
    await options.locator('#pair').click();
    await expect.poll(() => options.locator('#pair-message').textContent(), WAIT).toContain('Đã ghép nối');
    await expect.poll(() => agentStatus(options).getAttribute('data-reachable'), WAIT).toBe('true');
    expect(await agentStatus(options).getAttribute('data-paired')).toBe('true');

    // The popup tells when the agent last backed up (it took one at start).
    const popup = await h.context.newPage();
    try {
      // The popup draws once when opened: open it again until the backup has been taken.
      const backupLine = async () => {
        await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
        return popup.getByTestId('backup').textContent();
      };
      await expect
        .poll(backupLine, WAIT)
        .toMatch(/^Sao lưu tự động gần nhất: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    } finally {
      await popup.close();
    }
  });

  it('mirrors typing to IndexedDB and the agent, and restores it after a forced session expiry', async () => {
    await h.control('config', { saveDelayMs: 100 });
    const grid = await openGradeBook(h);
    const [a, b] = await rowCodes(grid);
    if (!a || !b) throw new Error('the grid has no rows');
    const typed = await typeScores(grid, [
      [a, 'tx1', '9.5'],
      [a, 'gk', '7.5'],
      [b, 'ck', '8.5'],
    ]);

    // Every edit is in IndexedDB at once, and reaches the agent.
    await expect.poll(async () => (await storedDrafts(options)).drafts.length, WAIT).toBe(3);
    const { drafts } = await storedDrafts(options);
    const key: Key = { profile: 'vnedu', page: drafts[0]!.page };
    expect(key.page).toMatchObject({ class: '6A1' });
    const expected = Object.entries(typed).map(([cell, value]) => {
      const [code, column] = cell.split('|') as [string, string];
      return { field: draftField(code, column), value };
    });
    expect(drafts.map(({ field, value }) => ({ field, value }))).toEqual(expect.arrayContaining(expected));
    await expect
      .poll(async () => (await agentDrafts(key)).map(({ field, value }) => ({ field, value })), WAIT)
      .toEqual(expect.arrayContaining(expected));

    // The session dies; "Lưu" sends the window to the login page and the typing is gone.
    await expireAndLogIn(h, grid);
    expect(await cellInput(grid, a, 'tx1').inputValue()).not.toBe(typed[`${a}|tx1`]);

    const offer = overlay(h.page).locator('[data-edulens="drafts-offer"]');
    await offer.waitFor();
    await expect
      .poll(() => offer.locator('[data-action="restore"]').textContent(), WAIT)
      .toBe('Khôi phục 3 điểm chưa lưu');
    await screenshot(h.page, 'drafts-restore-offer');
    await offer.locator('[data-action="restore"]').click();
    for (const [cell, value] of Object.entries(typed)) {
      const [code, column] = cell.split('|') as [string, string];
      expect(await cellInput(grid, code, column).inputValue()).toBe(value);
    }

    await saveInPortal(grid);
    const scores = await storedScores();
    for (const [cell, value] of Object.entries(typed)) {
      const [code, column] = cell.split('|') as [string, string];
      expect(scores[code]?.[column]).toBe(value);
    }
    // Saved by the portal: no longer drafts, here or at the agent.
    await expect
      .poll(
        async () => (await storedDrafts(options)).drafts.filter((draft) => !draft.savedToPortal).length,
        WAIT,
      )
      .toBe(0);
    await expect.poll(async () => (await agentDrafts(key)).length, WAIT).toBe(0);
  });

  it('queues edits while the agent is down, delivers each exactly once when it is back, and restores after a reload', async () => {
    const grid = await openGradeBook(h);
    const codes = await rowCodes(grid);
    const c = codes[2]!;
    const d = codes[3]!;
    await agent.stop('SIGKILL');

    const first = await typeScores(grid, [[c, 'tx2', '6.5']]);
    const typed = await typeScores(grid, [
      [c, 'tx2', first[`${c}|tx2`] === '7.5' ? '8.0' : '7.5'], // typed over: only the latest is sent
      [d, 'gk', '5.5'],
    ]);
    await expect.poll(async () => (await storedDrafts(options)).outbox, WAIT).toBe(2);
    await expect.poll(() => agentStatus(options).getAttribute('data-queued'), WAIT).toBe('2');
    expect(await agentStatus(options).getAttribute('data-reachable')).toBe('false');
    expect(await agentStatus(options).textContent()).toContain('2 thay đổi đang chờ gửi');

    // The service worker dies (as Chrome stops idle ones): the queue is in IndexedDB, not in memory.
    await stopServiceWorker();

    agent = await startAgentProcess(home, { args: ['--port', String(agent.port)] });
    await expect.poll(() => agentStatus(options).getAttribute('data-queued'), { timeout: 20_000 }).toBe('0');
    const { drafts } = await storedDrafts(options);
    const key: Key = { profile: 'vnedu', page: drafts[0]!.page };
    for (const [cell, value] of Object.entries(typed)) {
      const [code, column] = cell.split('|') as [string, string];
      const revisions = await agentHistory(key, draftField(code, column));
      expect(revisions.filter((revision) => !revision.deleted).map((revision) => revision.value)).toEqual([
        value,
      ]);
    }

    // A reload loses the typing; the drafts come back.
    await h.page.reload();
    await grid.locator('table.tablefix tbody tr').first().waitFor();
    expect(await restoreOffered(h.page)).toBe('Khôi phục 2 điểm chưa lưu');
    await saveInPortal(grid);
    const scores = await storedScores();
    expect(scores[c]?.tx2).toBe(typed[`${c}|tx2`]);
    expect(scores[d]?.gk).toBe(typed[`${d}|gk`]);
  });

  it('unpairs from the options page: the agent revokes the extension’s token', async () => {
    const extensionTokens = () => {
      const db = new Database(join(home, 'edulens.db'), { readonly: true });
      try {
        return db
          .prepare("SELECT count(*) FROM api_tokens WHERE origin LIKE 'chrome-extension://%'")
          .pluck()
          .get();
      } finally {
        db.close();
      }
    };
    await options.reload();
    await expect.poll(() => agentStatus(options).getAttribute('data-paired'), WAIT).toBe('true');
    expect(extensionTokens()).toBe(1);
    await options.locator('#unpair').click();
    await expect
      .poll(() => options.locator('#pair-message').textContent(), WAIT)
      .toContain('Đã hủy ghép nối');
    expect(await agentStatus(options).getAttribute('data-paired')).toBe('false');
    expect(await options.locator('#unpair').isHidden()).toBe(true);
    expect(extensionTokens()).toBe(0);
  });
});
