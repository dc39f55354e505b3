import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from '@edulens/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, stackFrame } from '../helpers/run-cli';

// CSVs whose encoding or size used to mislead check and convert (issue 10): one stray byte in a
// UTF-8 file turned the whole file into Windows-1258 mojibake and "no problems"; a long name padded
// every row of the report.

const header = 'STT,Mã HS,Họ và tên,TX1,TX2,TX3,GK,CK\r\n';
const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường'];
const row = (i: number, name: string) => `${i},HS${i},${name},8,7,9,8,7\r\n`;

interface Report {
  problems: { cell: string; line?: number; code: string; severity: string; message: string; cut?: true }[];
  rows: { name: string; cut?: true }[];
  summary: { warnings: number; errors: number };
}

let dir: string;
let stray: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edulens-csv-honesty-'));
  stray = join(dir, 'lop-6a.csv');
  // Line 1 is a title with one byte that is not UTF-8 (0xFF); every name is valid UTF-8.
  await writeFile(
    stray,
    Buffer.concat([
      Buffer.from('BẢNG ĐIỂM LỚP 6A '),
      Buffer.from([0xff]),
      Buffer.from(`\r\n${header}${names.map((name, i) => row(i + 1, name)).join('')}`),
    ]),
  );
});

describe('a UTF-8 CSV with a stray byte', () => {
  it('check keeps UTF-8, shows every name and warns of the byte by line', async () => {
    const { code, stdout, stderr } = await runCli(['check', stray]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('dòng 1: 1 byte không hợp lệ theo UTF-8');
    expect(stdout).toContain('line 1: 1 byte not valid UTF-8');
    for (const name of names) expect(stdout).toContain(name);
    expect(stdout).not.toContain('Không có vấn đề nào / No problems');
    expect(stdout).toMatch(/Summary: .*1 warning\b/);
  });

  it('check --json lists the byte as a warning with its line', async () => {
    const { code, stdout } = await runCli(['check', stray, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.problems).toEqual([
      expect.objectContaining({ cell: '', line: 1, code: 'text.invalid-utf8', severity: 'warning' }),
    ]);
    expect(report.rows.map((found) => found.name)).toEqual(names);
    expect(report.summary.warnings).toBe(1);
  });

  it('convert writes "Nguyễn", not mojibake, and reports the byte', async () => {
    const output = join(dir, 'lop-6a-unicode.csv');
    const { code, stdout, stderr } = await runCli(['convert', stray, '-o', output]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('(utf-8)');
    expect(stdout).toContain('CẢNH BÁO: dòng 1: 1 byte không hợp lệ theo UTF-8');
    expect(stdout).toContain('Converted 0 cells');
    const written = await readFile(output, 'utf8');
    for (const name of names) expect(written).toContain(name);
    expect(written).not.toContain('Nguyá»');
  });
});

describe('names and lengths', () => {
  it('a student with scores and a blank name is an error, not "no problems"', async () => {
    const file = join(dir, 'blank-name.csv');
    await writeFile(file, `${header}${row(1, names[0]!)}${row(2, '')}`);
    const { code, stdout } = await runCli(['check', file, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    expect(report.problems.map(({ cell, code: found }) => [cell, found])).toEqual([['C3', 'name.blank']]);
  });

  it('a 32,767-character TCVN3 name among 2,000 students: the report is cut, not padded to it', async () => {
    const file = join(dir, 'long-tcvn3.csv');
    const long = 'Nguyễn Thị Thuỷ '.repeat(2048).slice(0, 32_767);
    const rows = Array.from({ length: 2000 }, (_, i) => row(i + 1, i === 999 ? long : names[i % 3]!));
    await writeFile(file, Buffer.from(text.encodeTcvn3(header + rows.join('')), 'latin1'));
    const { code, stdout, stderr } = await runCli(['check', file]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const widest = Math.max(...stdout.split('\n').map((line) => line.length));
    expect(widest).toBeLessThan(400);
    expect(stdout).toContain('  Nguyễn Thị Thuỷ Nguyễn Thị Thuỷ Nguyễn …  7,6');

    const json = JSON.parse((await runCli(['check', file, '--json'])).stdout) as Report;
    const cut = json.rows.find((found) => found.cut);
    expect(cut?.name.length).toBe(80);
    // The name's own problems quote its start only (they are cut where they are made).
    const aboutName = json.problems.filter((found) => found.message.includes('Nguyễn Thị Thuỷ Nguyễn'));
    expect(aboutName.length).toBeGreaterThan(0);
    for (const found of aboutName) expect(found.message.length).toBeLessThan(400);
  });

  it('a 10 MB TCVN3 cell is refused in one bilingual line naming the cell limit', async () => {
    const file = join(dir, 'huge-cell.csv');
    const huge = 'Nguyễn Thị Thuỷ '.repeat(655_360);
    await writeFile(file, Buffer.from(text.encodeTcvn3(`${header}${row(1, huge)}`), 'latin1'));
    const { code, stdout, stderr } = await runCli(['check', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(
      'Không đọc được tệp huge-cell.csv: vượt giới hạn số ký tự trong một ô (32.767) / ' +
        'Cannot read huge-cell.csv: over the limit on characters in one cell (32,767)',
    );
    expect(stderr).not.toMatch(stackFrame);
  });
});
