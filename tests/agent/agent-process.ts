import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { PairResponse } from '@edulens/shared/api';

/** The real CLI entry, as `npm start` runs it. */
export const EDULENS_BIN = fileURLToPath(new URL('../../agent/bin/edulens.mjs', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface AgentProcess {
  child: ChildProcess;
  url: string;
  port: number;
  pairingCode: string;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM (graceful) or SIGKILL (crash), then waits for the process to be gone. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

const started = new Set<ChildProcess>();

/** For afterEach: no agent outlives its test, whatever the test's outcome. */
export async function killStartedAgents(): Promise<void> {
  const running = [...started].filter((child) => child.exitCode === null && child.signalCode === null);
  started.clear();
  await Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGKILL');
        }),
    ),
  );
}

const BANNER = /URL:\s+(http:\/\/127\.0\.0\.1:(\d+))[\s\S]*Pairing code: ([A-Z0-9]{4}-[A-Z0-9]{4})/;

/**
 * Starts `edulens agent` as one node process (stoppable by pid) and waits for its banner. Automatic
 * backups are off unless `env` turns them on: a backup process at every start would only add load
 * to tests about other things (auto-backup.test.ts runs them).
 */
export function startAgentProcess(
  home: string,
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<AgentProcess> {
  const child = spawn(process.execPath, [EDULENS_BIN, 'agent', ...(options.args ?? ['--port', '0'])], {
    env: { ...process.env, EDULENS_HOME: home, EDULENS_BACKUP_KEEP_DAYS: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const banner = BANNER.exec(output);
      if (!banner) return;
      child.stdout?.off('data', onData);
      // Keep draining, so a full pipe can never stall the agent.
      child.stdout?.on('data', (more: Buffer) => {
        output += more.toString();
      });
      resolve({
        child,
        url: banner[1]!,
        port: Number(banner[2]),
        pairingCode: banner[3]!,
        output: () => output,
        exited,
        stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited.then((code) => reject(new Error(`agent exited (${code}) before it was ready:\n${output}`)));
  });
}

/** Runs one `edulens …` command to completion; one still running after `timeoutMs` is killed. */
export function runCli(args: string[], home: string, timeoutMs = 30_000): Promise<CliResult> {
  const child = spawn(process.execPath, [EDULENS_BIN, ...args], {
    env: { ...process.env, EDULENS_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(deadline);
      resolve({ code, stdout, stderr });
    }),
  );
}

export async function pairWith(url: string, code: string, origin?: string): Promise<string> {
  const response = await fetch(`${url}/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify({ code }),
  });
  if (response.status !== 201) throw new Error(`pairing failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as PairResponse).token;
}

export interface JsonClient {
  /** Resolves once the whole answer has arrived; rejects when the connection fails or is cut. */
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  close(): void;
}

/**
 * A keep-alive client for load: node:http costs the test process a fraction of fetch's CPU per
 * request, which matters when client and agent share two cores.
 */
export function jsonClient(baseUrl: string, token: string, maxSockets: number): JsonClient {
  const { hostname, port } = new URL(baseUrl);
  const connections = new Agent({ keepAlive: true, maxSockets });
  return {
    post: (path, body) =>
      new Promise((resolve, reject) => {
        const payload = JSON.stringify(body);
        const req = request({
          host: hostname,
          port,
          path,
          method: 'POST',
          agent: connections,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        });
        req.once('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('error', reject);
          response.once('aborted', () => reject(new Error('answer cut short')));
          response.once('end', () => {
            const text = Buffer.concat(chunks).toString();
            try {
              resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown });
            } catch (error) {
              reject(error);
            }
          });
        });
        req.once('error', reject);
        req.end(payload);
      }),
    close: () => connections.destroy(),
  };
}
