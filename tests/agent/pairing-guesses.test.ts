import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  WRONG_GUESSES_PER_CLIENT_AND_CODE,
  WRONG_GUESSES_PER_CODE,
} from '@edulens/agent/src/security/attempt-limiter.ts';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { killStartedAgents, pairWith, runCli, startAgentProcess } from './agent-process';

// The guess limit over real HTTP: 500 wrong codes sent at once to the agent process, each answer
// counted as checked (400 wrong code) or refused unchecked (429).

const EXTENSION = `chrome-extension://${'e'.repeat(32)}`;
const CONCURRENT = 500;

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'edulens-guesses-'));
});
afterEach(async () => {
  await killStartedAgents();
  rmSync(home, { recursive: true, force: true });
});

async function guessAll(url: string, origins: (string | undefined)[]) {
  const statuses = await Promise.all(
    origins.map(async (origin) => {
      const response = await fetch(`${url}/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin === undefined ? {} : { origin }) },
        body: JSON.stringify({ code: 'AAAA-AAAA' }),
      });
      await response.arrayBuffer();
      return response.status;
    }),
  );
  return {
    checked: statuses.filter((status) => status === 400).length,
    refused: statuses.filter((status) => status === 429).length,
  };
}

const newCode = async () => /Pairing code: (\S+)/.exec((await runCli(['pair'], home)).stdout)![1]!;

it('checks at most the documented guesses per code under 500 concurrent requests; a new code pairs at once', async () => {
  const agent = await startAgentProcess(home);

  const oneClient = await guessAll(agent.url, Array<undefined>(CONCURRENT).fill(undefined));
  console.info(
    `500 concurrent guesses, one client: ${oneClient.checked} checked, ${oneClient.refused} refused`,
  );
  expect(oneClient).toEqual({
    checked: WRONG_GUESSES_PER_CLIENT_AND_CODE,
    refused: CONCURRENT - WRONG_GUESSES_PER_CLIENT_AND_CODE,
  });
  // No global lock-out: the extension pairs with the very code those guesses were counted against.
  expect(await pairWith(agent.url, agent.pairingCode, EXTENSION)).toMatch(/^edl_/);

  const guessed = await newCode();
  const forged = Array.from({ length: CONCURRENT }, () => `moz-extension://${randomUUID()}`);
  const manyClients = await guessAll(agent.url, forged);
  console.info(
    `500 concurrent guesses, 500 forged Origins: ${manyClients.checked} checked, ${manyClients.refused} refused`,
  );
  expect(manyClients).toEqual({
    checked: WRONG_GUESSES_PER_CODE,
    refused: CONCURRENT - WRONG_GUESSES_PER_CODE,
  });
  // That code's budget is spent, for everyone…
  await expect(pairWith(agent.url, guessed, EXTENSION)).rejects.toThrow(/429/);
  // …and a new one from `edulens pair` works at once, for the extension and for a local tool alike.
  expect(await pairWith(agent.url, await newCode(), EXTENSION)).toMatch(/^edl_/);
  expect(await pairWith(agent.url, await newCode())).toMatch(/^edl_/);
});
