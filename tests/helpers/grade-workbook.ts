import { text } from '@edulens/shared';
import ExcelJS from 'exceljs';

/** The header of the one-row grade sheet (TT22) "6B - Văn"; the hostile files reuse it. */
export const gradeHeader = [
  'STT',
  'Mã học sinh',
  'Họ và tên',
  'KTTX 1',
  'KTTX 2',
  'KTTX 3',
  'Giữa kỳ',
  'Cuối kỳ',
  'TBm',
] as const;

const unicodeFont: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: 12 };
const tcvn3Font: Partial<ExcelJS.Font> = { name: '.VnTime', size: 12 };
const thinBorder: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

type Row = ExcelJS.CellValue[];

/**
 * "6A - Toán" as a teacher's file looks: title rows, a two-row header with "ĐĐGtx" merged over
 * 1 2 3 4, names typed in TCVN3 under .VnTime next to Unicode ones, comma decimals typed as text,
 * a blank, a score out of range, one with two decimals and a wrong average.
 */
function addMathSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('6A - Toán');
  sheet.getCell('A1').value = 'SỞ GD&ĐT VĨNH LONG';
  // A capitals-only TCVN3 font: lower-case bytes shown as capitals.
  sheet.getCell('A2').value = text.encodeTcvn3('trường thcs lê lợi');
  sheet.getCell('A2').font = { name: '.VnTimeH', size: 12 };
  sheet.getCell('A3').value = 'BẢNG ĐIỂM MÔN TOÁN – LỚP 6A';
  sheet.getCell('A3').font = { ...unicodeFont, bold: true, size: 14 };
  sheet.getCell('A3').alignment = { horizontal: 'center' };
  sheet.mergeCells('A3:K3');
  sheet.getCell('A4').value = 'Học kỳ I – Năm học 2025-2026';

  const header = [
    'STT',
    'Mã HS',
    'Họ và tên',
    'ĐĐGtx',
    null,
    null,
    null,
    'ĐĐGgk',
    'ĐĐGck',
    'ĐTBmhk',
    'Nhận xét',
  ];
  sheet.getRow(5).values = header;
  sheet.getRow(6).values = [null, null, null, 1, 2, 3, 4];
  for (const col of ['A', 'B', 'C', 'H', 'I', 'J', 'K']) sheet.mergeCells(`${col}5:${col}6`);
  sheet.mergeCells('D5:G5');
  for (const row of [5, 6]) {
    sheet.getRow(row).eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { ...unicodeFont, bold: true };
      cell.border = thinBorder;
    });
  }

  const students: Row[] = [
    [1, 'HS0001', text.encodeTcvn3('Nguyễn Văn An'), 8, 7, 9, 10, 8, 9, 8.6],
    [2, 'HS0002', text.encodeTcvn3('Trần Thị Bích Ngọc'), '8,5', '7,5', 9, 8, '8,5', 8, 8.2],
    [3, 'HS0003', 'Lê Hoàng Nam', 11, 8, 8, 8, 8, 8, null],
    [4, 'HS0004', 'Phạm Thu Hà', 7.25, 8, 8, 8, 8, 8, null],
    [5, 'HS0005', 'Võ Minh Khôi', 8, 8, null, 8, 8, 8, null],
    [6, 'HS0006', 'Đặng Quốc Bảo', 9, 9, 9, 9, 9, 9, 8.5],
  ];
  students.forEach((values, i) => {
    const row = sheet.getRow(7 + i);
    row.values = values;
    row.getCell(3).font = i < 2 ? tcvn3Font : unicodeFont;
  });
  // Plain ASCII in the legacy font: nothing to convert, so its font must stay.
  sheet.getCell('K8').value = 'Tot';
  sheet.getCell('K8').font = tcvn3Font;
  sheet.getCell('C14').value = 'Giáo viên bộ môn';
  sheet.getCell('C15').value = '(Ký, ghi rõ họ tên)';
  sheet.getColumn(3).width = 28;
}

/** "6B - Văn": a one-row header with other spellings, an exact 8.25 average and a formula average. */
function addLiteratureSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('6B - Văn');
  sheet.getCell('A1').value = 'TRƯỜNG THCS LÊ LỢI';
  sheet.getCell('A2').value = 'BẢNG ĐIỂM MÔN NGỮ VĂN – LỚP 6B';
  sheet.getRow(3).values = [...gradeHeader];
  sheet.getRow(4).values = [1, 'HS0101', 'Nguyễn Thị Mai', 8.5, 8, 8, 8, 8.5, 8.2];
  sheet.getRow(5).values = [2, 'HS0102', 'Hoàng Văn Tú', 7, 8, 9, 8, 7];
  sheet.getCell('I5').value = { formula: 'ROUND((D5+E5+F5+2*G5+3*H5)/8,1)', result: 7.6 };
  sheet.getRow(6).values = [3, 'HS0103', 'Trịnh Thị Hoa'];
}

/** Writes the two grade sheets and a code-list sheet (one name in VNI) that has no grade header. */
export async function writeClassWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  addMathSheet(workbook);
  addLiteratureSheet(workbook);
  const codes = workbook.addWorksheet('Danh mục');
  codes.addRows([
    ['Mã', 'Tên môn'],
    ['TOAN', 'Toán'],
    ['VAN', 'Ngữ văn'],
    ['GDTC', text.encodeVni('Giáo dục thể chất')],
  ]);
  codes.getCell('B4').font = { name: 'VNI-Times', size: 12 };
  await workbook.xlsx.writeFile(path);
}
