import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeClassWorkbook } from '../helpers/grade-workbook';
import { ensureCliBundle, describeRun, runMeasured } from '../helpers/measured-cli';
import { stackFrame } from '../helpers/run-cli';
import type { RunnerReply } from '../helpers/command-runner';
import { CommandRunner } from '../helpers/runner-client';
import { type FuzzBases, fuzzBases, fuzzFile } from './mutations';

// Issue 10, item 6: mutated .xlsx and .csv files through `check`, `convert` and the bulk-fill
// reader, each finishing within a time and memory bound with exit 0/1/2 and never a stack trace.
// Most cases run in one long-lived child (tests/helpers/command-runner.ts: the real command
// modules, commander and `guarded`, without a process start per case); a sample also runs through
// the real CLI process. Every case is rebuilt from the seed and its number alone.
//
//   EDULENS_FUZZ_SEED=<seed> npx vitest run tests/fuzz              replays a whole run
//   EDULENS_FUZZ_SEED=<seed> EDULENS_FUZZ_CASE=17,302 npx vitest run tests/fuzz   only those cases
//   EDULENS_FUZZ_CASES=<n>                                           more (or fewer) cases

const seed = process.env.EDULENS_FUZZ_SEED
  ? Number(process.env.EDULENS_FUZZ_SEED) >>> 0
  : (Math.random() * 2 ** 32) >>> 0;
const caseCount = Number(process.env.EDULENS_FUZZ_CASES ?? 1000);
const onlyCases = process.env.EDULENS_FUZZ_CASE?.split(',').map(Number);
const cases = onlyCases ?? Array.from({ length: caseCount }, (_, i) => i);
const replay = `EDULENS_FUZZ_SEED=${seed} npx vitest run tests/fuzz`;

/**
 * Per case and operation: time in the runner, and memory — 300 MB for a whole `edulens` process,
 * so at most 250 MiB above where the runner stood before the case (a bare Node process with the
 * command loaded is ~50 MiB; the runner carries tsx, exceljs and earlier cases' heap on top).
 */
const bounds = { ms: 2000, mib: 300, caseMiB: 250 };
/** The whole in-runner loop (the file must run in ≤ 90 s on a 2-core machine when all is well). */
const budgetMs = 150_000;
/** Cases also run through the real `edulens` process. */
const processSample = 30;

let work: string;
let bases: FuzzBases;
const failureDir = join(tmpdir(), `edulens-fuzz-failures-${seed}`);

interface Failure {
  index: number;
  recipe: string;
  op: string;
  problems: string[];
  file?: string;
}
const failures: Failure[] = [];

beforeAll(async () => {
  console.log(`fuzz seed ${seed} (${cases.length} cases) — replay: ${replay}`);
  rmSync(failureDir, { recursive: true, force: true });
  work = mkdtempSync(join(tmpdir(), 'edulens-fuzz-'));
  const excel = join(work, 'base.xlsx');
  await writeClassWorkbook(excel);
  bases = fuzzBases(readFileSync(excel));
  ensureCliBundle();
}, 120_000);

afterAll(() => {
  if (!work) return;
  // A copy of the base workbook next to the failures, so a kept case can be compared with it.
  if (failures.length > 0) copyFileSync(join(work, 'base.xlsx'), join(failureDir, 'base.xlsx'));
  rmSync(work, { recursive: true, force: true });
});

/** Keeps a failing case's file where it can be opened and replayed, and says where. */
function keep(index: number, ext: string, bytes: Uint8Array): string {
  mkdirSync(failureDir, { recursive: true });
  const path = join(failureDir, `case-${index}${ext}`);
  writeFileSync(path, bytes);
  return path;
}

function report(list: readonly Failure[]): string {
  return [
    `seed ${seed}: ${list.length} failing operations — replay: ${replay}`,
    ...list
      .slice(0, 40)
      .map(
        (f) =>
          `  case ${f.index} (${f.recipe}) ${f.op}: ${f.problems.join('; ')}${f.file ? `\n    file: ${f.file} — EDULENS_FUZZ_CASE=${f.index}` : ''}`,
      ),
  ].join('\n');
}

/** What a command's exit and stderr must look like: 0/1 quietly, or 2 with one bilingual line. */
/** `files`: the input and, for convert, the output — a refusal names the one it is about. */
function outputProblems(exitCode: number | null, stderr: string, files: string[]): string[] {
  const problems: string[] = [];
  if (exitCode === null || ![0, 1, 2].includes(exitCode)) problems.push(`exit ${exitCode}`);
  if (stackFrame.test(stderr)) problems.push('stack trace on stderr');
  const lines = stderr.trim() === '' ? [] : stderr.trim().split('\n');
  if (exitCode === 2) {
    if (lines.length !== 1) problems.push(`exit 2 with ${lines.length} stderr lines`);
    else if (!lines[0]!.includes(' / '))
      problems.push(`stderr not "<vi> / <en>": ${lines[0]!.slice(0, 200)}`);
    else if (!files.some((named) => lines[0]!.includes(basename(named))))
      problems.push(`the refusal does not name the file: ${lines[0]!.slice(0, 200)}`);
  } else if (lines.length > 0) problems.push(`stderr on exit ${exitCode}: ${lines[0]!.slice(0, 200)}`);
  if (/Unexpected error|Lỗi không mong đợi/.test(stderr))
    problems.push(`an unexpected error, not a reason: ${stderr.trim().slice(0, 300)}`);
  return problems;
}

/** How far the case took the runner's peak above where the runner stood (0 if the peak did not rise). */
function caseMiB(reply: RunnerReply): number {
  return reply.peakMiB > reply.peakBeforeMiB ? reply.peakMiB - reply.rssBeforeMiB : 0;
}

function replyProblems(reply: RunnerReply, files: string[]): string[] {
  const problems: string[] = [];
  if (reply.uncaught) problems.push(`thrown past the guard: ${reply.uncaught.split('\n')[0]}`);
  if (reply.elapsedMs > bounds.ms) problems.push(`took ${Math.round(reply.elapsedMs)} ms > ${bounds.ms} ms`);
  if (caseMiB(reply) > bounds.caseMiB)
    problems.push(
      `runner peak ${Math.round(reply.peakMiB)} MiB, ${Math.round(caseMiB(reply))} MiB above the runner before the case > ${bounds.caseMiB} MiB`,
    );
  if (reply.op !== 'bulk') problems.push(...outputProblems(reply.exitCode, reply.stderr, files));
  return problems;
}

describe(`fuzz: mutated .xlsx/.csv files (seed ${seed})`, () => {
  /** Exit codes seen in the runner, to compare with the real process. */
  const runnerExit = new Map<string, number>();

  it(`${cases.length} files through check, convert and the bulk-fill reader stay in bounds`, async () => {
    const runner = new CommandRunner({ timeoutMs: 5_000, killAboveMiB: 1024 });
    const tally = {
      csv: 0,
      xlsx: 0,
      exits: { 0: 0, 1: 0, 2: 0 } as Record<number, number>,
      bulkRefused: 0,
      bulkErrors: {} as Record<string, number>,
      seconds: { check: 0, convert: 0, bulk: 0 },
      ms: { check: [] as number[], convert: [] as number[], bulk: [] as number[] },
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const started = performance.now();
    let slowest = { ms: 0, what: '' };
    try {
      for (const index of cases) {
        // A run that stops keeping its bounds can take minutes: stop in time to print the report.
        if (performance.now() - started > budgetMs) {
          failures.push({
            index,
            recipe: '',
            op: 'all',
            problems: [
              `over the ${budgetMs / 1000} s budget before case ${index}: the cases left were not run`,
            ],
          });
          break;
        }
        const { ext, recipe, bytes } = fuzzFile(bases, seed, index);
        tally[ext === '.csv' ? 'csv' : 'xlsx']++;
        const file = join(work, `case-${index}${ext}`);
        writeFileSync(file, bytes);
        const ops =
          ext === '.xlsx' ? (['check', 'convert', 'bulk'] as const) : (['check', 'convert'] as const);
        for (const op of ops) {
          const output = join(work, `out-${index}${ext}`);
          const outcome = await runner.run({ op, file, output });
          let problems: string[];
          if (outcome.kind === 'died') {
            problems = [
              `runner died: ${outcome.why}`,
              outcome.output.trim().split('\n').slice(0, 3).join(' | '),
            ];
          } else {
            const { reply } = outcome;
            problems = replyProblems(reply, [file, output]);
            tally.seconds[op] += reply.elapsedMs / 1000;
            tally.ms[op].push(reply.elapsedMs);
            // The peak only grows: the case that took it past the bound is the one to blame, and
            // the next case starts in a fresh runner.
            if (caseMiB(reply) > bounds.caseMiB || reply.peakMiB > 2 * bounds.mib) runner.stop();
            if (op !== 'bulk') {
              tally.exits[reply.exitCode] = (tally.exits[reply.exitCode] ?? 0) + 1;
              runnerExit.set(`${index}:${op}`, reply.exitCode);
            } else if (reply.bulk?.ok === false) {
              tally.bulkRefused++;
              tally.bulkErrors[reply.bulk.name] = (tally.bulkErrors[reply.bulk.name] ?? 0) + 1;
            }
            if (reply.elapsedMs > slowest.ms)
              slowest = { ms: reply.elapsedMs, what: `case ${index} ${op} (${recipe})` };
          }
          if (problems.length > 0)
            failures.push({ index, recipe, op, problems, file: keep(index, ext, bytes) });
        }
        rmSync(file, { force: true });
      }
    } finally {
      runner.stop();
    }
    console.log(
      `fuzz seed ${seed}: ${cases.length} files (${tally.xlsx} .xlsx, ${tally.csv} .csv) in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s, runner started ${runner.starts}×; ` +
        `check/convert exits ${JSON.stringify(tally.exits)}, bulk reader refused ${tally.bulkRefused} ${JSON.stringify(tally.bulkErrors)}; ` +
        `seconds in check ${tally.seconds.check.toFixed(1)}, convert ${tally.seconds.convert.toFixed(1)}, bulk ${tally.seconds.bulk.toFixed(1)} ` +
        `(median ms ${median(tally.ms.check).toFixed(1)}/${median(tally.ms.convert).toFixed(1)}/${median(tally.ms.bulk).toFixed(1)}); ` +
        `slowest ${Math.round(slowest.ms)} ms: ${slowest.what}; stray runner output: ${JSON.stringify(runner.strayOutput().slice(0, 300))}`,
    );
    expect(failures, report(failures)).toEqual([]);
    expect(runner.strayOutput(), 'the runner printed outside any case').toBe('');
  }, 240_000);

  it(`a sample of ${processSample} files through the real edulens process: same exits, in bounds`, async () => {
    const sample = cases
      .filter((_, i) => i % Math.max(1, Math.floor(cases.length / processSample)) === 0)
      .slice(0, processSample);
    const sampleFailures: Failure[] = [];
    for (const [n, index] of sample.entries()) {
      const { ext, recipe, bytes } = fuzzFile(bases, seed, index);
      const file = join(work, `sample-${index}${ext}`);
      writeFileSync(file, bytes);
      const op = n % 3 === 2 ? 'convert' : 'check';
      const output = join(work, `sample-out-${index}${ext}`);
      const args = op === 'check' ? ['check', file] : ['convert', file, '-o', output];
      const run = await runMeasured(args, { timeoutMs: 15_000, killAboveMiB: 1024 });
      const problems = [
        ...(run.killed ? [`killed: ${run.killed}`] : []),
        ...(run.elapsedMs === undefined || run.peakMiB === undefined
          ? ['no measurement: the process died']
          : []),
        ...(run.elapsedMs !== undefined && run.elapsedMs > bounds.ms
          ? [`took ${Math.round(run.elapsedMs)} ms`]
          : []),
        ...(run.peakMiB !== undefined && run.peakMiB > bounds.mib
          ? [`peak ${Math.round(run.peakMiB)} MiB`]
          : []),
        ...outputProblems(run.code, run.stderr, [file, output]),
      ];
      const inRunner = runnerExit.get(`${index}:${op}`);
      if (inRunner !== undefined && inRunner !== run.code)
        problems.push(`exit ${run.code} in the process but ${inRunner} in the runner`);
      if (problems.length > 0)
        sampleFailures.push({
          index,
          recipe,
          op: `${op} (process: ${describeRun(run)})`,
          problems,
          file: keep(index, ext, bytes),
        });
      rmSync(file, { force: true });
    }
    expect(sampleFailures, report(sampleFailures)).toEqual([]);
  }, 120_000);
});
