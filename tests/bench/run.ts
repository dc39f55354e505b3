// `npm run bench`: runs every case and prints one table. Figures only — nothing here fails on a
// slow timing; the exit code is non-zero only when a case crashes. To add a case, write a module
// under cases/ exporting a BenchCase and list it below. `npm run bench -- NAME…` runs only those cases.
import type { BenchCase, BenchRow } from './bench-row';
import { agentDraftsCase } from './cases/agent-drafts';
import { bulkFillCase } from './cases/bulk-fill';
import { checkWorkbookCase } from './cases/check-workbook';
import { contentScriptSizeCase } from './cases/content-script-size';
import { hostileInputsCase } from './cases/hostile-inputs';
import { installCase } from './cases/install';
import { matchingPolicyCase } from './cases/matching-policy';
import { recordFillCase } from './cases/record-fill';
import { revalidateKeystrokeCase } from './cases/revalidate-keystroke';
import { tcvn3ThroughputCase } from './cases/tcvn3-throughput';
import { throttledFillCase } from './cases/throttled-fill';

const cases: [name: string, run: BenchCase][] = [
  ['check-workbook', checkWorkbookCase],
  ['matching-policy', matchingPolicyCase],
  ['tcvn3-throughput', tcvn3ThroughputCase],
  ['agent-drafts', agentDraftsCase],
  ['content-script-size', contentScriptSizeCase],
  ['revalidate-keystroke', revalidateKeystrokeCase],
  ['bulk-fill', bulkFillCase],
  ['throttled-fill', throttledFillCase],
  ['hostile-inputs', hostileInputsCase],
  ['install', installCase],
  ['record-fill', recordFillCase],
];
const only = process.argv.slice(2);
const unknown = only.filter((name) => !cases.some(([known]) => known === name));
if (unknown.length > 0) throw new Error(`no bench case ${unknown.join(', ')}`);

function figure(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}

function boundText(bound: { max: number } | { min: number }): string {
  return 'max' in bound ? `≤ ${figure(bound.max)}` : `≥ ${figure(bound.min)}`;
}

function withinBound(value: number, bound: { max: number } | { min: number }): boolean {
  return 'max' in bound ? value <= bound.max : value >= bound.min;
}

function goalText(row: BenchRow): string {
  const texts = [
    ...(row.goal ? [boundText(row.goal)] : []),
    ...(row.ratioGoal ? [`ratio ${boundText(row.ratioGoal)}`] : []),
  ];
  return texts.join(', ');
}

function meetsGoal(row: BenchRow, ratio: number | undefined): string {
  if (!row.goal && !row.ratioGoal) return '';
  const figureMet = !row.goal || withinBound(row.figure, row.goal);
  const ratioMet = !row.ratioGoal || (ratio !== undefined && withinBound(ratio, row.ratioGoal));
  return figureMet && ratioMet ? 'yes' : 'NO';
}

const header = ['case', 'figure', 'unit', 'baseline', 'ratio', 'goal', 'ok'];
const lines: string[][] = [];
let crashed = false;
for (const [name, run] of cases.filter(([known]) => only.length === 0 || only.includes(known))) {
  try {
    for (const row of await run()) {
      const ratio = row.baseline === undefined ? undefined : row.figure / row.baseline;
      lines.push([
        row.case,
        figure(row.figure),
        row.unit,
        figure(row.baseline),
        figure(ratio),
        goalText(row),
        meetsGoal(row, ratio),
      ]);
    }
  } catch (error) {
    crashed = true;
    lines.push([
      `${name}: CRASHED — ${error instanceof Error ? error.message : String(error)}`,
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  }
}

const widths = header.map((title, i) =>
  Math.max(title.length, ...lines.map((line) => [...(line[i] ?? '')].length)),
);
const format = (line: string[]) => `| ${line.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(
  [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n'),
);
if (crashed) process.exitCode = 1;
