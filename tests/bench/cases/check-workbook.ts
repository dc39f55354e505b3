import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSpreadsheet } from '@edulens/agent/src/workbook/read-spreadsheet.ts';
import { rules, sheets, text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import { type BenchRow, medianSeconds } from '../bench-row';
import { seededRandom, vietnameseNames } from '../names';

const classes = 40;
const studentsPerClass = [37, 38];
/**
 * The 13 subjects of a lower-secondary class under TT22 with their TX count (>70 periods a year →
 * 4, 36–70 → 3, ≤35 → 2); the last four are assessed by comment (Đ/CĐ) and have no average.
 */
const subjects: { name: string; tx: number; comment?: true }[] = [
  { name: 'Toán', tx: 4 },
  { name: 'Ngữ văn', tx: 4 },
  { name: 'Tiếng Anh', tx: 4 },
  { name: 'Khoa học tự nhiên', tx: 4 },
  { name: 'Lịch sử và Địa lí', tx: 4 },
  { name: 'Giáo dục công dân', tx: 2 },
  { name: 'Công nghệ', tx: 2 },
  { name: 'Tin học', tx: 2 },
  { name: 'Nội dung giáo dục của địa phương', tx: 2, comment: true },
  { name: 'Giáo dục thể chất', tx: 3, comment: true },
  { name: 'Nghệ thuật', tx: 3, comment: true },
  { name: 'Hoạt động trải nghiệm, hướng nghiệp', tx: 4, comment: true },
  { name: 'Tiếng Hàn', tx: 3 },
];
/** Every eighth class was typed in TCVN3 (.VnTime), as old school files are. */
const tcvn3Every = 8;

function score(random: () => number): number {
  return Math.round((4 + random() * 6) * 10) / 10;
}

/** One sheet per class, as a homeroom teacher's "bảng điểm tổng hợp": a block per subject under a three-row header. */
function addClassSheet(workbook: ExcelJS.Workbook, index: number, random: () => number): number {
  const className = `${6 + Math.floor(index / 10)}A${(index % 10) + 1}`;
  const sheet = workbook.addWorksheet(`Lớp ${className}`);
  const legacy = index % tcvn3Every === 0;
  sheet.addRow(['TRƯỜNG THCS LÊ LỢI']);
  sheet.addRow([`BẢNG ĐIỂM TỔNG HỢP HỌC KỲ I – LỚP ${className} – NĂM HỌC 2025-2026`]);
  sheet.addRow([]);
  const top: ExcelJS.CellValue[] = ['STT', 'Mã HS', 'Họ và tên'];
  const middle: ExcelJS.CellValue[] = [null, null, null];
  const bottom: ExcelJS.CellValue[] = [null, null, null];
  for (const { name, tx, comment } of subjects) {
    const after = comment ? ['ĐĐGgk', 'ĐĐGck'] : ['ĐĐGgk', 'ĐĐGck', 'ĐTBmhk'];
    top.push(name, ...Array<null>(tx + after.length - 1).fill(null));
    middle.push('ĐĐGtx', ...Array<null>(tx - 1).fill(null), ...after);
    bottom.push(...Array.from({ length: tx }, (_, i) => i + 1), ...after.map(() => null));
  }
  sheet.addRows([top, middle, bottom]);
  for (let col = 1; col <= 3; col++) sheet.mergeCells(4, col, 6, col);
  let col = 4;
  for (const { tx, comment } of subjects) {
    const width = tx + (comment ? 2 : 3);
    sheet.mergeCells(4, col, 4, col + width - 1);
    if (tx > 1) sheet.mergeCells(5, col, 5, col + tx - 1);
    for (let extra = tx; extra < width; extra++) sheet.mergeCells(5, col + extra, 6, col + extra);
    col += width;
  }
  const count = studentsPerClass[index % studentsPerClass.length]!;
  vietnameseNames(count, random).forEach((name, i) => {
    const row: ExcelJS.CellValue[] = [
      i + 1,
      `HS${String(index * 100 + i).padStart(8, '0')}`,
      legacy ? text.encodeTcvn3(name) : name,
    ];
    for (const { tx, comment } of subjects) {
      if (comment) {
        row.push(...Array.from({ length: tx + 2 }, () => (random() < 0.97 ? 'Đ' : 'CĐ')));
        continue;
      }
      const scores = Array.from({ length: tx + 2 }, () => score(random));
      const tenths = scores.map((value) => Math.round(value * 10));
      const numerator =
        tenths.slice(0, tx).reduce((a, b) => a + b, 0) + 2 * tenths[tx]! + 3 * tenths[tx + 1]!;
      const average = rules.divideHalfUp(numerator, tx + 5) / 10;
      // A few wrong averages (hand-typed), as the check is meant to find.
      row.push(...scores, random() < 0.01 ? (Math.round(average * 10) - 1) / 10 : average);
    }
    sheet.addRow(row);
  });
  return count;
}

export async function writeWorkbook(path: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  const random = seededRandom(1500);
  let students = 0;
  for (let index = 0; index < classes; index++) students += addClassSheet(workbook, index, random);
  await workbook.xlsx.writeFile(path);
  return students;
}

const bin = fileURLToPath(new URL('../../../agent/bin/edulens.mjs', import.meta.url));

function cliSeconds(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status === null || result.status > 1)
    throw new Error(`edulens ${args[0]} failed: ${result.stderr}`);
  return (performance.now() - start) / 1000;
}

/** `edulens check` on a 1,500-student workbook (40 classes × 13 subjects) against just loading it with exceljs. */
export async function checkWorkbookCase(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'edulens-bench-'));
  try {
    const file = join(dir, 'bang-diem-toan-truong.xlsx');
    const students = await writeWorkbook(file);
    const bytes = await readFile(file);
    const load = await medianSeconds(5, () =>
      new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer),
    );
    const rulepack = rules.getRulepack('tt22');
    const check = await medianSeconds(5, async () => {
      const spreadsheet = await readSpreadsheet(file);
      return sheets.analyseGradeWorkbook(spreadsheet.sheets, { rulepack });
    });
    cliSeconds(['--version']); // warms tsx's compile cache so the timed runs measure steady state
    const startup = Math.min(cliSeconds(['--version']), cliSeconds(['--version']));
    const cli = [
      cliSeconds(['check', file, '--json']),
      cliSeconds(['check', file, '--json']),
      cliSeconds(['check', file]),
    ].sort((a, b) => a - b)[1]!;
    const label = `${students} students, ${classes} sheets × ${subjects.length} subjects`;
    return [
      {
        case: `check in-process (${label}), vs exceljs load`,
        figure: check,
        unit: 's',
        baseline: load,
        goal: { max: 1 },
      },
      {
        case: 'check CLI process wall time, vs exceljs load',
        figure: cli,
        unit: 's',
        baseline: load,
        goal: { max: 1 },
      },
      { case: 'CLI start-up alone (edulens --version)', figure: startup, unit: 's' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
