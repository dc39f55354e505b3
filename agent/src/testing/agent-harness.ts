import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PairResponse } from '@edulens/shared/api';
import { createApp } from '../app';
import { type AgentConfig, resolveConfig } from '../config';
import { createLogger } from '../logger';
import { issuePairingCode } from '../security/pairing';
import { openStore, type Store } from '../store/store';

export const TEST_PORT = 8787;
export const TEST_HOST = `127.0.0.1:${TEST_PORT}`;
export const EXTENSION_ORIGIN = `chrome-extension://${'a'.repeat(32)}`;

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON with Content-Type: application/json. */
  json?: unknown;
  body?: string;
  query?: Record<string, string>;
}

/**
 * The real app over a real SQLite file in a temp dir, driven through `app.request()`, with a settable
 * clock and the log lines captured for inspection.
 */
export function createAgentHarness() {
  const home = mkdtempSync(join(tmpdir(), 'edulens-app-'));
  const config: AgentConfig = resolveConfig({ EDULENS_HOME: home });
  const clock = { now: Date.parse('2025-03-03T08:00:00Z') };
  const now = () => clock.now;
  const logLines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logLines.push(line) });
  const store: Store = openStore(config.paths.database, now());
  const app = createApp({ store, port: TEST_PORT, config, now, logger });

  async function request(path: string, options: RequestOptions = {}): Promise<Response> {
    const url = new URL(path, `http://${TEST_HOST}`);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = { host: TEST_HOST, ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    return app.request(url.toString(), { method: options.method ?? 'GET', headers, body });
  }

  async function pair(origin?: string): Promise<string> {
    const { code } = issuePairingCode(store.pairing, now(), config.pairingCodeTtlMs);
    const response = await request('/pair', {
      method: 'POST',
      json: { code },
      headers: origin === undefined ? {} : { origin },
    });
    if (response.status !== 201) throw new Error(`pairing failed: ${response.status}`);
    return ((await response.json()) as PairResponse).token;
  }

  return {
    app,
    store,
    config,
    clock,
    logLines,
    request,
    pair,
    close() {
      store.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export type AgentHarness = ReturnType<typeof createAgentHarness>;
