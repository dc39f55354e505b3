import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AgentProcess, jsonClient, pairWith, startAgentProcess } from '../../agent/agent-process';
import type { BenchCase, BenchRow } from '../bench-row';
import { vietnameseNames } from '../names';

const SAVES = 6_000;
const WARM_UP_SAVES = 3_000;
/** Saturation: many tabs and a bulk fill at once. */
const BUSY_IN_FLIGHT = 16;
/** One extension mirroring a teacher's typing, a few saves overlapping. */
const TYPICAL_IN_FLIGHT = 4;
const COLD_STARTS = 3;
const PAGE = {
  school: 'THCS Nguyễn Du',
  schoolYear: '2024-2025',
  class: '8A2',
  subject: 'Ngữ văn',
  term: 'HK2',
};

/**
 * The real agent process over real HTTP (keep-alive, like the extension's service worker): draft
 * saves per second and their latency, every save durably committed (WAL, group commit, the WAL
 * fsynced off the event loop) before it is answered; and how long `edulens agent` takes from spawn
 * to its first answer.
 * The throughput baseline is this machine's ceiling for one fsync'd SQLite commit per save, in
 * process, without HTTP (what the agent would manage without group commit, at best).
 */
export const agentDraftsCase: BenchCase = async (): Promise<BenchRow[]> => {
  const home = mkdtempSync(join(tmpdir(), 'edulens-bench-'));
  try {
    const coldStartMs = await medianColdStartMs(home);
    const agent = await startAgentProcess(home);
    try {
      const token = await pairWith(agent.url, agent.pairingCode);
      await saveDrafts(agent, token, WARM_UP_SAVES, BUSY_IN_FLIGHT);
      const busy = await saveDrafts(agent, token, SAVES, BUSY_IN_FLIGHT);
      const typical = await saveDrafts(agent, token, SAVES, TYPICAL_IN_FLIGHT);
      return [
        {
          case: `draft saves over HTTP (${SAVES}, ${BUSY_IN_FLIGHT} in flight), vs one fsync'd commit per save`,
          figure: SAVES / busy.seconds,
          unit: 'saves/s',
          baseline: await singleCommitsPerSecond(home),
          goal: { min: 2_000 },
        },
        ...latencyRows(busy.latenciesMs, BUSY_IN_FLIGHT),
        ...latencyRows(typical.latenciesMs, TYPICAL_IN_FLIGHT),
        {
          case: `agent cold start, spawn → first answer (median of ${COLD_STARTS})`,
          figure: coldStartMs,
          unit: 'ms',
        },
      ];
    } finally {
      await agent.stop();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
};

function latencyRows(latenciesMs: number[], inFlight: number): BenchRow[] {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return [
    { case: `draft save latency p50, ${inFlight} in flight`, figure: percentile(sorted, 0.5), unit: 'ms' },
    {
      case: `draft save latency p99, ${inFlight} in flight`,
      figure: percentile(sorted, 0.99),
      unit: 'ms',
      goal: { max: 10 },
    },
  ];
}

async function medianColdStartMs(home: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    const started = performance.now();
    const agent = await startAgentProcess(home);
    await fetch(`${agent.url}/health`);
    times.push(performance.now() - started);
    await agent.stop();
  }
  return percentile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

async function saveDrafts(agent: AgentProcess, token: string, count: number, inFlight: number) {
  const students = vietnameseNames(count);
  const http = jsonClient(agent.url, token, inFlight);
  const latenciesMs: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < count) {
      const index = next++;
      const draft = {
        profile: 'vnedu',
        page: PAGE,
        field: `HS${index % 45}.nx`,
        value: `${students[index]}: chăm ngoan, tiến bộ rõ rệt (${index})`,
      };
      const started = performance.now();
      const { status } = await http.post('/api/drafts', draft);
      if (status !== 200) throw new Error(`save answered ${status}`);
      latenciesMs.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: inFlight }, client));
  const seconds = (performance.now() - started) / 1000;
  http.close();
  return { seconds, latenciesMs };
}

/** One INSERT per transaction with WAL + synchronous=FULL, in-process: the per-commit fsync ceiling. */
async function singleCommitsPerSecond(home: string): Promise<number> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(join(home, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT)');
  const insert = db.prepare('INSERT INTO t (value) VALUES (?)');
  const commits = 1_000;
  const started = performance.now();
  for (let i = 0; i < commits; i++) insert.run(`value ${i}`);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return commits / seconds;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}
