import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeClassWorkbook } from '../../helpers/grade-workbook';
import { benchSpecs, generatedFile, removeHostileFiles } from '../../helpers/hostile-files';
import { ensureCliBundle, type MeasuredRun, runMeasured } from '../../helpers/measured-cli';
import type { BenchRow } from '../bench-row';

/** Issue 10: `check` on the biggest inputs must finish (or refuse at a limit) well inside these. */
const goals = { seconds: 30, mib: 500 };

async function measuredCheck(file: string): Promise<MeasuredRun> {
  const run = await runMeasured(['check', file], { timeoutMs: 60_000, killAboveMiB: 2048 });
  if (run.elapsedMs === undefined || run.peakMiB === undefined)
    throw new Error(
      `edulens check ${file} died (${run.killed ?? run.code ?? run.signal}): ${run.stderr.slice(0, 300)}`,
    );
  return run;
}

const outcome = (run: MeasuredRun) => (run.code === 2 ? 'refused, exit 2' : `exit ${run.code}`);

/**
 * Time and peak memory of the real `edulens check` process (its own resourceUsage, start-up
 * included) on a sheet of 1,048,576 rows and on a 100 MB CSV, against the same for a normal class
 * file in the same run.
 */
export async function hostileInputsCase(): Promise<BenchRow[]> {
  ensureCliBundle();
  const dir = await mkdtemp(join(tmpdir(), 'edulens-bench-hostile-'));
  try {
    const classFile = join(dir, 'bang-diem-lop.xlsx');
    await writeClassWorkbook(classFile);
    await measuredCheck(classFile); // warm the disk cache
    const baseline = await measuredCheck(classFile);
    const rows: BenchRow[] = [];
    for (const spec of [benchSpecs.fullHeightSheet, benchSpecs.csv100MB]) {
      const run = await measuredCheck(generatedFile(spec));
      const label = `check process, ${spec.what} (${outcome(run)})`;
      rows.push(
        {
          case: `${label}: time, vs a class file`,
          figure: run.elapsedMs! / 1000,
          unit: 's',
          baseline: baseline.elapsedMs! / 1000,
          goal: { max: goals.seconds },
        },
        {
          case: `${label}: peak memory, vs a class file`,
          figure: run.peakMiB!,
          unit: 'MiB',
          baseline: baseline.peakMiB!,
          goal: { max: goals.mib },
        },
      );
    }
    return rows;
  } finally {
    removeHostileFiles();
    await rm(dir, { recursive: true, force: true });
  }
}
