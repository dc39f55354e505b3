import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeClassWorkbook } from '../helpers/grade-workbook';
import { runCli, stackFrame } from '../helpers/run-cli';
import { encodeWindows1258 } from '../helpers/windows-1258';

let dir: string;
let workbook: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edulens-check-'));
  workbook = join(dir, 'bang-diem-khoi-6.xlsx');
  await writeClassWorkbook(workbook);
});

interface CheckReport {
  sheets: { name: string; status: string; headerRows?: number[] }[];
  problems: {
    sheet: string;
    cell: string;
    severity: string;
    code: string;
    message: string;
    messageEn: string;
  }[];
  rows: { sheet: string; row: number; code: string; name: string; average: number | null }[];
  summary: { errors: number; warnings: number; students: number; skippedSheets: number };
}

describe('edulens check on a workbook', () => {
  it('reports every problem by cell, computes averages and exits 1 on errors', async () => {
    const { code, stdout, stderr } = await runCli(['check', workbook, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report.sheets.map(({ name, status, headerRows }) => [name, status, headerRows])).toEqual([
      ['6A - Toán', 'checked', [5, 6]],
      ['6B - Văn', 'checked', [3, 3]],
      ['Danh mục', 'skipped', undefined],
    ]);
    expect(report.problems.map(({ sheet, cell, severity, code }) => [sheet, cell, severity, code])).toEqual([
      ['6A - Toán', 'A2', 'warning', 'text.legacy-encoding'],
      ['6A - Toán', 'D9', 'error', 'score.range'],
      ['6A - Toán', 'D10', 'error', 'score.decimals'],
      ['6A - Toán', 'F11', 'warning', 'score.missing'],
      ['6A - Toán', 'J12', 'error', 'average.mismatch'],
      ['6B - Văn', 'I4', 'error', 'average.mismatch'],
      ['6B - Văn', 'D6', 'warning', 'score.missing'],
    ]);
    const mismatch = report.problems.find((found) => found.cell === 'I4');
    expect(mismatch?.message).toMatch(/8,2.*8,3/);
    expect(mismatch?.messageEn).toMatch(/8\.2.*8\.3/);
    expect(
      report.rows.map(({ sheet, row, code, name, average }) => [sheet.slice(0, 2), row, code, name, average]),
    ).toEqual([
      ['6A', 7, 'HS0001', 'Nguyễn Văn An', 8.6],
      ['6A', 8, 'HS0002', 'Trần Thị Bích Ngọc', 8.2],
      ['6A', 9, 'HS0003', 'Lê Hoàng Nam', null],
      ['6A', 10, 'HS0004', 'Phạm Thu Hà', null],
      ['6A', 11, 'HS0005', 'Võ Minh Khôi', null],
      ['6A', 12, 'HS0006', 'Đặng Quốc Bảo', 9],
      // (8.5 + 8 + 8 + 2·8 + 3·8.5) / 8 = 8.25 → 8.3
      ['6B', 4, 'HS0101', 'Nguyễn Thị Mai', 8.3],
      ['6B', 5, 'HS0102', 'Hoàng Văn Tú', 7.6],
      ['6B', 6, 'HS0103', 'Trịnh Thị Hoa', null],
    ]);
    expect(report.summary).toMatchObject({ errors: 4, warnings: 3, students: 9, skippedSheets: 1 });
  });

  it('prints a readable bilingual report', async () => {
    const { code, stdout } = await runCli(['check', workbook]);
    expect(code).toBe(1);
    expect(stdout).toContain('Trang tính / Sheet "6A - Toán"');
    expect(stdout).toMatch(
      /D9\s+LỖI\/ERROR\s+score\.range\s+Điểm 11 phải từ 0 đến 10\n\s+Score 11 must be between 0 and 10/,
    );
    expect(stdout).toContain('Bỏ qua trang tính "Danh mục"');
    expect(stdout).toMatch(/7\s+HS0001\s+Nguyễn Văn An\s+8,6/);
    expect(stdout).toContain('Tổng kết: 2/3 trang tính đã kiểm tra, 9 học sinh, 4 lỗi, 3 cảnh báo');
  });
});

/** The same class as Excel saves it in each text encoding; the two-row header has lost its merges. */
const csvRows = [
  ['TRƯỜNG THCS LÊ LỢI'],
  ['BẢNG ĐIỂM MÔN TOÁN – LỚP 6A'],
  ['STT', 'Mã học sinh', 'Họ và tên', 'ĐĐGtx', '', '', 'Giữa kỳ', 'Cuối kỳ', 'ĐTBmhk'],
  ['', '', '', '1', '2', '3', '', '', ''],
  ['1', 'HS0001', 'Nguyễn Thị Thuỷ', '8,5', '8', '8', '8', '8,5', '8,3'],
  ['2', 'HS0002', 'Trương Văn Đức', '7', '8', '9', '8', '7', ''],
  ['3', 'HS0003', 'Lưu Ngọc Ánh', '9', '9', '', '9', '9', ''],
];

function csvText(delimiter: string): string {
  const quote = (field: string) => (field.includes(delimiter) ? `"${field}"` : field);
  return csvRows.map((row) => row.map(quote).join(delimiter)).join('\r\n');
}

describe('edulens check on CSV files', () => {
  it('reads UTF-8 with BOM, UTF-8 with semicolons and Windows-1258 alike', async () => {
    const files = {
      'utf8-bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(','))]),
      'utf8-semicolon.csv': Buffer.from(csvText(';')),
      'windows-1258.csv': encodeWindows1258(csvText(',')),
    };
    const results = await Promise.all(
      Object.entries(files).map(async ([name, bytes]) => {
        await writeFile(join(dir, name), bytes);
        return runCli(['check', join(dir, name), '--json']);
      }),
    );
    for (const { code, stdout } of results) {
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as CheckReport;
      expect(report.rows.map(({ row, name, average }) => [row, name, average])).toEqual([
        [5, 'Nguyễn Thị Thuỷ', 8.3],
        [6, 'Trương Văn Đức', 7.6],
        [7, 'Lưu Ngọc Ánh', null],
      ]);
      expect(report.problems.map(({ cell, code }) => [cell, code])).toEqual([['F7', 'score.missing']]);
    }
  });
});

describe('edulens check on files it cannot read', () => {
  it('exits 2 with a bilingual reason naming the file and no stack trace', async () => {
    const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const validXlsx = await readFile(workbook);
    const files: Record<string, Buffer> = {
      'ngau-nhien.xlsx': Buffer.concat([
        zipHeader,
        Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
      ]),
      'bi-cat.xlsx': validXlsx.subarray(0, Math.floor(validXlsx.length / 2)),
      'rong.xlsx': Buffer.alloc(0),
      'anh.xlsx': png,
    };
    await Promise.all(Object.entries(files).map(([name, bytes]) => writeFile(join(dir, name), bytes)));
    const names = [...Object.keys(files), 'khong-co.xlsx'];
    const [usage, ...results] = await Promise.all([
      runCli(['check', '--bogus', workbook]),
      ...names.map((name) => runCli(['check', join(dir, name)])),
    ]);
    // A usage error is "could not run" (2), never "errors found" (1).
    expect(usage?.code).toBe(2);
    const reasons = results.map(({ code, stdout, stderr }, i) => {
      expect(code, names[i]).toBe(2);
      expect(stdout, names[i]).toBe('');
      expect(stderr, names[i]).not.toMatch(stackFrame);
      expect(stderr, names[i]).toMatch(
        new RegExp(`^Không đọc được tệp ${names[i]}: .+ / Cannot read ${names[i]}: .+\\n$`),
      );
      return stderr.split(': ')[1]?.split(' / ')[0];
    });
    expect(reasons).toEqual([
      'không phải bảng tính .xlsx/.csv hợp lệ (tệp .xlsx bị hỏng hoặc không đầy đủ)',
      'không phải bảng tính .xlsx/.csv hợp lệ (tệp .xlsx bị hỏng hoặc không đầy đủ)',
      'tệp rỗng (0 byte)',
      'không phải bảng tính .xlsx/.csv hợp lệ',
      'không tìm thấy tệp',
    ]);
  });
});
