import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeClassWorkbook } from '../helpers/grade-workbook';
import { runCli, stackFrame } from '../helpers/run-cli';

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edulens-convert-'));
  input = join(dir, 'diem-tcvn3.xlsx');
  await writeClassWorkbook(input);
});

describe('edulens convert', () => {
  it('turns TCVN3 cells into Unicode and keeps everything else', async () => {
    const output = join(dir, 'diem-unicode.xlsx');
    const { code, stdout, stderr } = await runCli(['convert', input, '-o', output, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { converted: unknown[]; summary: unknown };
    expect(report.converted).toEqual([
      {
        sheet: '6A - Toán',
        cell: 'A2',
        before: text.encodeTcvn3('trường thcs lê lợi'),
        after: 'TRƯỜNG THCS LÊ LỢI',
        encoding: 'tcvn3',
        font: { from: '.VnTimeH', to: 'Times New Roman' },
      },
      {
        sheet: '6A - Toán',
        cell: 'C7',
        before: text.encodeTcvn3('Nguyễn Văn An'),
        after: 'Nguyễn Văn An',
        encoding: 'tcvn3',
        font: { from: '.VnTime', to: 'Times New Roman' },
      },
      {
        sheet: '6A - Toán',
        cell: 'C8',
        before: text.encodeTcvn3('Trần Thị Bích Ngọc'),
        after: 'Trần Thị Bích Ngọc',
        encoding: 'tcvn3',
        font: { from: '.VnTime', to: 'Times New Roman' },
      },
      {
        sheet: 'Danh mục',
        cell: 'B4',
        before: text.encodeVni('Giáo dục thể chất'),
        after: 'Giáo dục thể chất',
        encoding: 'vni',
        font: { from: 'VNI-Times', to: 'Times New Roman' },
      },
    ]);
    // K8's "Tot" in .VnTime switches too: every cell in a legacy font gets a Unicode font.
    expect(report.summary).toEqual({
      cells: 4,
      fontsSwitched: 5,
      decidedByFont: 0,
      decidedByContext: 0,
      normalizedNfd: 0,
    });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['6A - Toán', '6B - Văn', 'Danh mục']);
    const math = workbook.getWorksheet('6A - Toán')!;
    expect(math.getCell('C7').value).toBe('Nguyễn Văn An');
    expect(math.getCell('C7').font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(math.getCell('C8').value).toBe('Trần Thị Bích Ngọc');
    expect(math.getCell('A2').value).toBe('TRƯỜNG THCS LÊ LỢI');
    // Unicode cells are untouched; the legacy-font ASCII cell keeps its text in a Unicode font.
    expect(math.getCell('C9').value).toBe('Lê Hoàng Nam');
    expect(math.getCell('K8').value).toBe('Tot');
    expect(math.getCell('K8').font).toMatchObject({ name: 'Times New Roman', size: 12 });
    expect(math.getCell('A3').value).toBe('BẢNG ĐIỂM MÔN TOÁN – LỚP 6A');
    expect(math.getCell('A3').font).toMatchObject({ bold: true, size: 14 });
    expect(math.getCell('A3').alignment).toMatchObject({ horizontal: 'center' });
    expect(math.getCell('K3').isMerged).toBe(true);
    expect(math.getCell('G5').master.address).toBe('D5');
    expect(math.getCell('A6').master.address).toBe('A5');
    expect(math.getCell('D5').border).toMatchObject({ top: { style: 'thin' } });
    expect(math.getColumn(3).width).toBe(28);
    expect(math.getCell('E8').value).toBe('7,5');
    const literature = workbook.getWorksheet('6B - Văn')!;
    expect(literature.getCell('I5').value).toMatchObject({ formula: 'ROUND((D5+E5+F5+2*G5+3*H5)/8,1)' });
    expect(workbook.getWorksheet('Danh mục')!.getCell('B3').value).toBe('Ngữ văn');
  });

  it('writes CSV as UTF-8 with BOM and refuses to overwrite its input', async () => {
    const names = ['Đỗ Thị Hường', 'Nguyễn Văn Nguyện'];
    // Saved by Excel as "CSV UTF-8" from a .VnTime sheet, and as ANSI by an old Excel.
    const utf8 = join(dir, 'danh-sach.csv');
    await writeFile(
      utf8,
      `STT,Họ và tên,Ghi chú\r\n1,${text.encodeTcvn3(names[0]!)},"8,5"\r\n2,Lý Văn Tâm,\r\n`,
    );
    const ansi = join(dir, 'danh-sach-ansi.csv');
    await writeFile(
      ansi,
      Buffer.from(
        `STT;Ho va ten\r\n${names.map((name, i) => `${i + 1};${text.encodeTcvn3(name)}`).join('\r\n')}\r\n`,
        'latin1',
      ),
    );
    const [converted, convertedAnsi, overwrite] = await Promise.all([
      runCli(['convert', utf8, '-o', join(dir, 'danh-sach-unicode.csv')]),
      runCli(['convert', ansi, '-o', join(dir, 'danh-sach-ansi-unicode.csv'), '--json']),
      runCli(['convert', utf8, '-o', join(dir, '.', 'danh-sach.csv')]),
    ]);
    expect(converted.code).toBe(0);
    expect(converted.stdout).toMatch(/danh-sach\s+B2\s+TCVN3\s+.+\s+Đỗ Thị Hường/);
    const bytes = await readFile(join(dir, 'danh-sach-unicode.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'STT,Họ và tên,Ghi chú\r\n1,Đỗ Thị Hường,"8,5"\r\n2,Lý Văn Tâm,\r\n',
    );

    expect(convertedAnsi.code).toBe(0);
    expect(JSON.parse(convertedAnsi.stdout)).toMatchObject({
      sourceEncoding: 'windows-1252',
      summary: { cells: 2 },
    });
    const ansiOut = await readFile(join(dir, 'danh-sach-ansi-unicode.csv'), 'utf8');
    expect(ansiOut).toBe('\ufeffSTT;Ho va ten\r\n1;Đỗ Thị Hường\r\n2;Nguyễn Văn Nguyện\r\n');

    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('Không ghi đè lên tệp gốc danh-sach.csv');
    expect(overwrite.stderr).not.toMatch(stackFrame);
    expect(await readFile(utf8, 'utf8')).toContain(text.encodeTcvn3(names[0]!));
  });
});
