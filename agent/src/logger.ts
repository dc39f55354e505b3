import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import pinoRoll from 'pino-roll';

export type { Logger } from 'pino';

// The agent logs only fields it chose (route, status, counts, error codes) — never bodies, query
// strings, tokens, pairing codes or draft values. Redaction is the second line of defence in case a
// future log call passes an object carrying one of these.
const SECRET_OR_STUDENT_KEYS = [
  'authorization',
  'token',
  'pairingCode',
  'value',
  'page',
  'field',
  'body',
  'query',
];
const REDACTED_PATHS = SECRET_OR_STUDENT_KEYS.flatMap((key) => [key, `*.${key}`]);

export function createLogger(level: string, destination: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

/** A log file is closed and a new one started at this size (and at midnight). */
export const LOG_FILE_MAX_BYTES = 5 * 1024 * 1024;
/** Closed log files kept beside the one being written; older ones are deleted. */
export const LOG_FILES_KEPT = 5;
/**
 * The log folder never holds more than this: pino-roll caps the number of files, not their total,
 * so the cap is the files kept plus the active one, each at most one file's size.
 */
export const LOG_FOLDER_CAP_BYTES = (LOG_FILES_KEPT + 1) * LOG_FILE_MAX_BYTES;
/** Lines waiting while the log cannot be written (disk full); past this they are dropped and counted. */
const UNWRITTEN_MAX_BYTES = 1024 * 1024;
const LOG_NAME = /^agent\.(\d{4}-\d{2}-\d{2}\.)?\d+\.log$/;

export interface AgentLogger {
  logger: Logger;
  /** At exit: writes out the lines logged so far (waiting a second at most), then closes the file. */
  close(): Promise<void>;
}

const CLOSE_WAIT_MS = 1_000;
const LOG_RETRY_MS = 2_000;

/**
 * The running agent's logger: full JSON lines in the data dir's log folder (agent.DATE.N.log, rotated
 * by size and daily, LOG_FOLDER_CAP_BYTES at most), a compact line per event on stdout. Writing is
 * asynchronous, and a log that cannot be written (full or read-only disk) never stops the agent: lines
 * wait in memory up to UNWRITTEN_MAX_BYTES, then are dropped and counted, and writing resumes by itself.
 */
export async function createAgentLogger(logFolder: string, level: string): Promise<AgentLogger> {
  pruneOldLogs(logFolder);
  const file = await pinoRoll({
    file: join(logFolder, 'agent'),
    extension: '.log',
    size: `${LOG_FILE_MAX_BYTES / 1024}k`,
    frequency: 'daily',
    dateFormat: 'yyyy-MM-dd',
    limit: { count: LOG_FILES_KEPT, removeOtherLogFiles: true },
    mkdir: true,
    maxLength: UNWRITTEN_MAX_BYTES,
  });
  let failing = false;
  let dropped = 0;
  // A log file that could not even be opened (read-only folder) makes SonicBoom throw on every
  // write: those lines are lost, and the agent (or its start-up error message) carries on.
  const toFile: DestinationStream = {
    write(line: string) {
      try {
        file.write(line);
      } catch {
        dropped++;
      }
    },
  };
  const entries = [
    { level: level as Level, stream: toFile },
    { level: level as Level, stream: compactConsole() },
  ];
  const logger = createLogger(level, pino.multistream(entries));
  let retry: NodeJS.Timeout | undefined;
  file.on('drop', () => void dropped++);
  file.on('error', (error: NodeJS.ErrnoException) => {
    if (failing) return;
    failing = true;
    // Waiting lines are retried with each new line; and on a timer, so they do not wait for one.
    // (An empty write is SonicBoom's way to retry: flush() does nothing with the default minLength.)
    retry = setInterval(() => file.fd >= 0 && file.write(''), LOG_RETRY_MS).unref();
    logger.warn({ cause: error.code ?? error.message, folder: logFolder }, 'the log file cannot be written');
  });
  file.on('write', () => {
    if (!failing) return;
    failing = false;
    clearInterval(retry);
    logger.warn({ dropped }, 'the log file can be written again; lines dropped meanwhile are counted here');
    dropped = 0;
  });
  // Not SonicBoom's flushSync, which retries forever on a full disk.
  const close = () =>
    new Promise<void>((resolve) => {
      clearInterval(retry);
      if (file.fd < 0) return resolve();
      setTimeout(resolve, CLOSE_WAIT_MS).unref();
      file.once('close', resolve);
      file.once('error', () => resolve());
      file.end();
    });
  return { logger, close };
}

/**
 * pino-roll deletes old files only when it rotates, which an agent started and stopped within a day
 * may never do: each start keeps the newest LOG_FILES_KEPT. The single unrotated agent.log of earlier
 * versions had no size limit at all, so it goes too. Best effort: a log that cannot be pruned is no
 * reason to refuse to start.
 */
function pruneOldLogs(logFolder: string): void {
  try {
    const byAge = readdirSync(logFolder)
      .filter((name) => LOG_NAME.test(name))
      .map((name) => ({ name, modified: statSync(join(logFolder, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    for (const name of [...byAge.slice(LOG_FILES_KEPT).map((file) => file.name), 'agent.log'])
      rmSync(join(logFolder, name), { force: true });
  } catch {
    // No folder yet, or a read-only one: nothing to free anyway.
  }
}

const HIDDEN_IN_CONSOLE = new Set(['level', 'time', 'pid', 'msg']);

function compactConsole(): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as Record<string, unknown>;
      const time = String(entry.time).slice(11, 19);
      const level = pino.levels.labels[Number(entry.level)] ?? String(entry.level);
      const details = Object.entries(entry)
        .filter(([key]) => !HIDDEN_IN_CONSOLE.has(key))
        .map(([key, detail]) => `${key}=${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
      const text = `${time} ${level.padEnd(5)} ${String(entry.msg ?? '')} ${details.join(' ')}`.trimEnd();
      process.stdout.write(`${text}\n`);
    },
  };
}
