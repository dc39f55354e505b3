import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { type AgentConfig, agentUrl, LOOPBACK } from './config';
import { backupInChildProcess, scheduleBackups } from './auto-backup';
import { agentError } from './errors';
import { scheduleHousekeeping } from './housekeeping';
import { acquireInstanceLock } from './instance-lock';
import type { Logger } from './logger';
import { type IssuedCode, issuePairingCode } from './security/pairing';
import { diskAgentError } from './store/disk-errors';
import { openStore } from './store/store';

const SHUTDOWN_GRACE_MS = 5_000;

export interface RunningAgent {
  url: string;
  port: number;
  pairing: IssuedCode;
  /** Stops accepting, lets in-flight requests finish (their writes commit), closes the database. */
  stop(): Promise<void>;
}

export async function startAgent(
  config: AgentConfig,
  logger: Logger,
  now: () => number = Date.now,
): Promise<RunningAgent> {
  // Everything opened so far, closed in reverse order when the start fails half-way or the agent
  // stops: a failed start leaves no listener, open database, lock file or timer behind.
  const cleanups: Array<() => void> = [];
  const cleanUp = () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        logger.warn({ err: String(error) }, 'clean-up step failed');
      }
    }
  };
  try {
    mkdirSync(config.paths.home, { recursive: true });
    const lock = acquireInstanceLock(config.paths.lock, 'agent');
    cleanups.push(() => lock.release());
    const store = openStore(config.paths.database, now());
    cleanups.push(() => store.close());
    cleanups.push(scheduleHousekeeping(store, config.draftRetentionMs, now, logger));

    const server = createServer();
    cleanups.push(() => {
      if (!server.listening) return;
      server.close();
      server.closeAllConnections();
    });
    const port = await listen(server, config.port);
    const tracker = trackRequests(server);
    server.on('request', getRequestListener(createApp({ store, port, config, now, logger }).fetch));
    lock.update({ port });
    // After listening: the first backup check spawns a process, which should not delay the first answer.
    if (config.backupKeepDays > 0) {
      const backups = scheduleBackups({
        directory: config.paths.backups,
        keepDays: config.backupKeepDays,
        now,
        logger,
        runBackup: backupInChildProcess,
      });
      cleanups.push(backups.stop);
    }

    const pairing = issuePairingCode(store.pairing, now(), config.pairingCodeTtlMs);
    const url = agentUrl(port);
    logger.info({ url, home: config.paths.home, schemaVersion: store.schemaVersion }, 'agent started');

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= tracker.close().then(() => {
        cleanUp();
        logger.info('agent stopped');
      });
      return stopping;
    };
    return { url, port, pairing, stop };
  } catch (error) {
    cleanUp();
    throw diskAgentError(error, config.paths.home) ?? error;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? agentError(
              'agent.port_in_use',
              `Cổng ${port} trên ${LOOPBACK} đang được chương trình khác dùng. Hãy chọn cổng khác: edulens agent --port SỐ_CỔNG (hoặc đặt EDULENS_PORT).`,
              `Port ${port} on ${LOOPBACK} is used by another program. Pick another: edulens agent --port NUMBER (or set EDULENS_PORT).`,
            )
          : error,
      );
    });
    server.listen(port, LOOPBACK, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Graceful close: stop listening, wait until every request in flight has been answered (answers come
 * only after their writes committed), then drop the idle keep-alive connections. A request that hangs
 * longer than the grace period has its connection cut.
 */
function trackRequests(server: Server): { close(): Promise<void> } {
  let inFlight = 0;
  let closing = false;
  server.on('request', (_request, response) => {
    inFlight++;
    response.once('close', () => {
      inFlight--;
      if (closing && inFlight === 0) server.closeAllConnections();
    });
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        server.close(() => resolve());
        if (inFlight === 0) server.closeAllConnections();
        setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      }),
  };
}
