import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';

// Legacy text decided by its file (issue 9): the font first, then the column, sheet and workbook.

const vnTime: Partial<ExcelJS.Font> = { name: '.VnTime', size: 13, bold: true };
const vniTimes: Partial<ExcelJS.Font> = { name: 'VNI-Times', size: 12, italic: true };
const arial: Partial<ExcelJS.Font> = { name: 'Arial', size: 11 };
const born = new Date(Date.UTC(2013, 4, 17));
const nfdName = 'Nguyễn Thị Thuỷ'.normalize('NFD');
const foreign = ['Château Théâtre', 'Müller Straße', 'niño señor', '5µm', '30°C', '© 2024 ±0,5 ½'];
const technical = ['lan.nguyen@école.fr', 'https://thcs.edu.vn/tài-liệu'];

interface Report {
  converted: {
    sheet: string;
    cell: string;
    before: string;
    after: string;
    encoding: string;
    decidedBy?: string;
  }[];
  summary: Record<string, number>;
}

let dir: string;

async function writeLegacyWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  // A .VnTime class list: a .VnTimeH title, and notes that also read as Unicode ("Ghi chó").
  const list = workbook.addWorksheet('Danh sách');
  list.getCell('A1').value = text.encodeTcvn3('danh sách lớp 6a');
  list.getCell('A1').font = { name: '.VnTimeH', size: 14 };
  list.getRow(3).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Điểm', 'Ghi chú'];
  const rows: ExcelJS.CellValue[][] = [
    [1, text.encodeTcvn3('Nguyễn Văn An'), born, 8.5, text.encodeTcvn3('Ghi chú')],
    [2, text.encodeTcvn3('Trần Thị Bích Ngọc'), born, 7, text.encodeTcvn3('chú ý')],
  ];
  rows.forEach((values, i) => {
    const row = list.getRow(4 + i);
    row.values = values;
    row.eachCell((cell) => (cell.font = vnTime));
  });
  // A VNI-Times cell whose legacy text ("Hồ Thị Ba") reads as other Vietnamese ("Hoà Thò Ba").
  const vni = workbook.addWorksheet('VNI');
  vni.getCell('A1').value = text.encodeVni('Hồ Thị Ba');
  vni.getCell('A2').value = 42;
  for (const ref of ['A1', 'A2']) vni.getCell(ref).font = vniTimes;
  // No legacy font: a short cell that reads both ways, among TCVN3 names and among Unicode names,
  // with foreign words, units, signs, e-mail addresses and URLs among the TCVN3 names.
  const noFont = workbook.addWorksheet('Không phông');
  const legacyNames = ['Lê Văn Tám', 'Phạm Thu Hà', 'Võ Minh Khôi', 'Đặng Quốc Bảo'].map(text.encodeTcvn3);
  const unicodeNames = ['Lê Văn Tám', 'Phạm Thu Hà', 'Võ Minh Khôi', 'Đặng Quốc Bảo'];
  [...legacyNames, 'chó ý', ...foreign, ...technical].forEach((value, i) => {
    noFont.getCell(1 + i, 1).value = value;
  });
  [...unicodeNames, 'chó ý', nfdName].forEach((value, i) => {
    noFont.getCell(1 + i, 2).value = value;
  });
  noFont.getColumn(1).eachCell((cell) => (cell.font = arial));
  await workbook.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'edulens-convert-legacy-'));
});

describe('edulens convert: legacy text decided by its file', () => {
  let report: Report;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const input = join(dir, 'lop-6a.xlsx');
    const output = join(dir, 'lop-6a-unicode.xlsx');
    await writeLegacyWorkbook(input);
    const result = await runCli(['convert', input, '-o', output, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    report = JSON.parse(result.stdout) as Report;
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
  });

  const entry = (sheet: string, cell: string) =>
    report.converted.find((change) => change.sheet === sheet && change.cell === cell);

  it('text in a legacy font is legacy text even where it also reads as Unicode, and the report says so', () => {
    const list = workbook.getWorksheet('Danh sách')!;
    expect(list.getCell('E4').value).toBe('Ghi chú');
    expect(list.getCell('E5').value).toBe('chú ý');
    expect(entry('Danh sách', 'E4')).toMatchObject({
      before: 'Ghi chó',
      encoding: 'tcvn3',
      decidedBy: 'font',
    });
    expect(workbook.getWorksheet('VNI')!.getCell('A1').value).toBe('Hồ Thị Ba');
    expect(entry('VNI', 'A1')).toMatchObject({ encoding: 'vni', decidedBy: 'font' });
    // Clear legacy text is decided by itself and says nothing more.
    expect(entry('Danh sách', 'B4')).toMatchObject({ after: 'Nguyễn Văn An', encoding: 'tcvn3' });
    expect(entry('Danh sách', 'B4')).not.toHaveProperty('decidedBy');
    expect(list.getCell('A1').value).toBe('DANH SÁCH LỚP 6A');
  });

  it('every cell in a legacy font gets a Unicode font keeping size, bold and italic, numbers and dates included', () => {
    const list = workbook.getWorksheet('Danh sách')!;
    for (const ref of ['A4', 'B4', 'C4', 'D4', 'E4', 'A5', 'C5', 'D5']) {
      expect(list.getCell(ref).font).toMatchObject({ name: 'Times New Roman', size: 13, bold: true });
    }
    expect(list.getCell('A4').value).toBe(1);
    expect(list.getCell('D4').value).toBe(8.5);
    expect(list.getCell('C4').value).toEqual(born);
    expect(list.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 14 });
    const vni = workbook.getWorksheet('VNI')!;
    expect(vni.getCell('A2').value).toBe(42);
    expect(vni.getCell('A2').font).toMatchObject({ name: 'Times New Roman', size: 12, italic: true });
    // 5 text cells and 5 numbers and dates in .VnTime, the title, and 2 VNI-Times cells.
    expect(report.summary.fontsSwitched).toBe(13);
  });

  it('without a legacy font a cell that reads both ways follows its column, and the report says so', () => {
    const sheet = workbook.getWorksheet('Không phông')!;
    expect(sheet.getCell('A5').value).toBe('chú ý');
    expect(entry('Không phông', 'A5')).toMatchObject({ before: 'chó ý', decidedBy: 'context' });
    expect(sheet.getCell('B5').value).toBe('chó ý');
    expect(entry('Không phông', 'B5')).toBeUndefined();
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'Arial' });
  });

  it('foreign words, units, signs, e-mail addresses and URLs are never converted', () => {
    const sheet = workbook.getWorksheet('Không phông')!;
    [...foreign, ...technical].forEach((value, i) => {
      expect(sheet.getCell(6 + i, 1).value).toBe(value);
    });
  });

  it('decomposed Unicode (NFD) is brought to NFC and listed', () => {
    expect(workbook.getWorksheet('Không phông')!.getCell('B6').value).toBe('Nguyễn Thị Thuỷ');
    expect(entry('Không phông', 'B6')).toEqual({
      sheet: 'Không phông',
      cell: 'B6',
      before: nfdName,
      after: 'Nguyễn Thị Thuỷ',
      encoding: 'nfd',
    });
    expect(report.summary.normalizedNfd).toBe(1);
  });
});

describe('edulens convert CSV: the same decisions without fonts', () => {
  it('a cell that reads both ways among TCVN3 names is converted, NFD becomes NFC, both listed', async () => {
    const input = join(dir, 'ghi-chu.csv');
    const output = join(dir, 'ghi-chu-unicode.csv');
    const names = ['Lê Văn Tám', 'Phạm Thu Hà', 'Võ Minh Khôi'].map(text.encodeTcvn3);
    await writeFile(
      input,
      `Ten,Ghi chu,Me\r\n${names[0]},chó ý,\r\n${names[1]},,${nfdName}\r\n${names[2]},,\r\n`,
    );
    const { code, stdout } = await runCli(['convert', input, '-o', output]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/B2\s+TCVN3\s+theo ngữ cảnh\/by context\s+chó ý\s+chú ý/);
    expect(stdout).toMatch(/C3\s+NFD\s/);
    expect(await readFile(output, 'utf8')).toBe(
      '\ufeffTen,Ghi chu,Me\r\nLê Văn Tám,chú ý,\r\nPhạm Thu Hà,,Nguyễn Thị Thuỷ\r\nVõ Minh Khôi,,\r\n',
    );
  });
});

describe('edulens check: legacy text decided by its file', () => {
  it('a cell that reads both ways among TCVN3 names is read as TCVN3, and the warning says how many', async () => {
    const input = join(dir, 'bang-diem.csv');
    const names = ['Lê Văn Tám', 'Phạm Thu Hà', 'Võ Minh Khôi'].map(text.encodeTcvn3);
    await writeFile(
      input,
      `STT,Họ và tên,TX1,TX2,GK,CK,${text.encodeTcvn3('Nhận xét')}\r\n1,${names[0]},8,7,8,9,chó ý\r\n2,${names[1]},7,7,8,8,\r\n3,${names[2]},9,9,9,9,\r\n`,
    );
    const { code, stdout, stderr } = await runCli(['check', input, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { problems: { code: string; message: { en: string } | string }[] };
    const legacy = report.problems.find((problem) => problem.code === 'text.legacy-encoding');
    expect(JSON.stringify(legacy)).toContain(
      '5 cells are typed in TCVN3 (ABC) (1 read both ways and follow the cells around them)',
    );
  });
});
