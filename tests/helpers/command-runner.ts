// A long-lived child that runs `edulens check`/`convert` (the real command modules, through
// commander and `guarded`, exactly as agent/src/cli.ts registers them) and the extension's bulk-fill
// reader on one file per request, so a fuzz run of thousands of files pays Node's and tsx's
// start-up once. Run with `node --expose-gc --import tsx tests/helpers/command-runner.ts`; it talks
// over the IPC channel: a RunnerRequest in, a RunnerReply out. What the command prints is captured
// per case; anything thrown past `guarded` (an uncaught exception, an unhandled rejection) is
// recorded against the case that was running.
import { readFile, rm } from 'node:fs/promises';
import * as xlsx from '@edulens/shared/xlsx';
import { registerCheck } from '@edulens/agent/src/commands/check.ts';
import { registerConvert } from '@edulens/agent/src/commands/convert.ts';
import { EdulensCommand } from '@edulens/agent/src/commands/usage.ts';

export interface RunnerRequest {
  id: number;
  op: 'check' | 'convert' | 'bulk';
  file: string;
  /** For convert: where to write (deleted afterwards). */
  output?: string;
}

export interface RunnerReply {
  id: number;
  op: RunnerRequest['op'];
  /** process.exitCode as the command left it (check/convert); 0 when it set none. */
  exitCode: number;
  stdoutBytes: number;
  stderr: string;
  elapsedMs: number;
  /** Resident memory before and after the case, and the process's peak before and after it (MiB). */
  rssBeforeMiB: number;
  rssMiB: number;
  peakBeforeMiB: number;
  peakMiB: number;
  /** Thrown past the command's guard: would be a stack trace in the real CLI. */
  uncaught?: string;
  /** The bulk-fill reader: sheets read, or what it threw. */
  bulk?: { ok: true; sheets: number } | { ok: false; name: string; message: string };
}

type ReadXlsxValues = (bytes: Uint8Array, inflate?: unknown) => Promise<unknown[]>;

/** The bulk-fill reader as extension/features/bulk-fill/sources.ts calls it (inflate, if it still takes one). */
async function bulkRead(file: string): Promise<RunnerReply['bulk']> {
  const bytes = new Uint8Array(await readFile(file));
  const shared = xlsx as unknown as Record<string, unknown>;
  const read = shared['readXlsxValues'] as ReadXlsxValues;
  const inflate = shared['inflateRawStream'];
  try {
    const sheets = await (inflate === undefined ? read(bytes) : read(bytes, inflate));
    return { ok: true, sheets: sheets.length };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: typeof error, message: String(error) };
    return { ok: false, name, message: message.slice(0, 500) };
  }
}

let current: { uncaught?: string } | undefined;
const recordUncaught = (error: unknown) => {
  const detail =
    error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  if (current) current.uncaught ??= detail.slice(0, 2000);
  else process.stderr.write(`runner: uncaught outside a case: ${detail}\n`);
};
process.on('uncaughtException', recordUncaught);
process.on('unhandledRejection', recordUncaught);

const realStdoutWrite = process.stdout.write.bind(process.stdout);
const realStderrWrite = process.stderr.write.bind(process.stderr);

let casesRun = 0;

async function runCase(request: RunnerRequest): Promise<RunnerReply> {
  // A full collection now and then, so garbage from earlier cases does not pile up into the peak
  // (after every case it would cost more than the cases themselves).
  if (casesRun++ % 16 === 0) (globalThis as { gc?: () => void }).gc?.();
  const state: { uncaught?: string } = {};
  current = state;
  let stdoutBytes = 0;
  let stderr = '';
  const capture =
    (sink: (chunk: string) => void) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    };
  process.stdout.write = capture(
    (chunk) => (stdoutBytes += Buffer.byteLength(chunk)),
  ) as typeof process.stdout.write;
  process.stderr.write = capture((chunk) => {
    if (stderr.length < 100_000) stderr += chunk;
  }) as typeof process.stderr.write;
  process.exitCode = undefined;
  const rssBeforeMiB = process.memoryUsage.rss() / (1024 * 1024);
  const peakBeforeMiB = process.resourceUsage().maxRSS / 1024;
  const started = performance.now();
  let bulk: RunnerReply['bulk'];
  try {
    if (request.op === 'bulk') {
      bulk = await bulkRead(request.file);
    } else {
      const program = new EdulensCommand('edulens').exitOverride();
      if (request.op === 'check') registerCheck(program);
      else registerConvert(program);
      const extra = request.op === 'convert' ? ['-o', request.output ?? `${request.file}.out`] : [];
      await program.parseAsync(['node', 'edulens', request.op, request.file, ...extra]);
    }
  } catch (error) {
    recordUncaught(error);
  } finally {
    process.stdout.write = realStdoutWrite;
    process.stderr.write = realStderrWrite;
    process.stdout.removeAllListeners('error');
  }
  const elapsedMs = performance.now() - started;
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  if (request.output) await rm(request.output, { force: true });
  // Let a late rejection of this case's promises surface before it is closed.
  await new Promise((resolve) => setImmediate(resolve));
  current = undefined;
  return {
    id: request.id,
    op: request.op,
    exitCode,
    stdoutBytes,
    stderr,
    elapsedMs,
    rssBeforeMiB,
    rssMiB: process.memoryUsage.rss() / (1024 * 1024),
    peakBeforeMiB,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    ...(state.uncaught ? { uncaught: state.uncaught } : {}),
    ...(bulk ? { bulk } : {}),
  };
}

// One case at a time, in the order asked.
let queue = Promise.resolve();
process.on('message', (request: RunnerRequest) => {
  queue = queue.then(async () => {
    const reply = await runCase(request);
    process.send?.(reply);
  });
});
process.send?.({ ready: true });
