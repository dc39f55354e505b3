import pino, { type DestinationStream, type Level, type Logger } from 'pino';

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

/** The running agent's logger: full JSON lines in the data dir's log file, a compact line per event on stdout. */
export function createAgentLogger(logFile: string, level: string): Logger {
  const file = pino.destination({ dest: logFile, mkdir: true, sync: true });
  const entries = [
    { level: level as Level, stream: file },
    { level: level as Level, stream: compactConsole() },
  ];
  return createLogger(level, pino.multistream(entries));
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
