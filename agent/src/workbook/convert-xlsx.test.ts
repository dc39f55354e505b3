import { text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertWorkbookText } from './convert-xlsx';

const syllable = fc.constantFrom(
  ...'nguyễn văn an trần thị bích ngọc ghi chú ý học sinh giỏi khá trung bình yếu đạt chưa lớp trường điểm kiểm tra nghỉ phép có'.split(
    ' ',
  ),
);
const unicodeText = fc.array(syllable, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

function workbookWith(setUp: (sheet: ExcelJS.Worksheet) => void): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  setUp(workbook.addWorksheet('Lớp 6A'));
  return workbook;
}

describe('convertWorkbookText', () => {
  it('any Unicode text typed in a .VnTime or VNI-Times cell comes back as it was typed, in a Unicode font', () => {
    fc.assert(
      fc.property(
        unicodeText,
        fc.constantFrom(['.VnTime', text.encodeTcvn3] as const, ['VNI-Times', text.encodeVni] as const),
        (typed, [fontName, encode]) => {
          const workbook = workbookWith((sheet) => {
            sheet.getCell('B2').value = encode(typed);
            sheet.getCell('B2').font = { name: fontName, size: 12 };
          });
          const { converted, fontsSwitched } = convertWorkbookText(workbook);
          const cell = workbook.worksheets[0]!.getCell('B2');
          expect(cell.value).toBe(typed);
          expect(cell.font).toMatchObject({ name: 'Times New Roman', size: 12 });
          expect(fontsSwitched).toBe(1);
          expect(converted.length).toBe(encode(typed) === typed ? 0 : 1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a rich-text cell converts and switches only its runs in a legacy font', () => {
    const workbook = workbookWith((sheet) => {
      sheet.getCell('A1').value = {
        richText: [
          { text: 'Ghi chó', font: { name: '.VnTime', bold: true } },
          { text: ' (Lê Văn Tám)', font: { name: 'Arial' } },
        ],
      };
    });
    const { converted } = convertWorkbookText(workbook);
    expect(workbook.worksheets[0]!.getCell('A1').value).toEqual({
      richText: [
        { text: 'Ghi chú', font: { name: 'Times New Roman', bold: true } },
        { text: ' (Lê Văn Tám)', font: { name: 'Arial' } },
      ],
    });
    expect(converted).toEqual([
      {
        sheet: 'Lớp 6A',
        cell: 'A1',
        before: 'Ghi chó (Lê Văn Tám)',
        after: 'Ghi chú (Lê Văn Tám)',
        encoding: 'tcvn3',
        decidedBy: 'font',
        font: { from: '.VnTime', to: 'Times New Roman' },
      },
    ]);
  });

  it('text in a capitals-only .VnTimeH font is upper-cased when its font switches, and listed', () => {
    const workbook = workbookWith((sheet) => {
      sheet.getCell('A1').value = 'so gd&dt';
      sheet.getCell('A1').font = { name: '.VnTimeH', size: 14 };
    });
    const { converted } = convertWorkbookText(workbook);
    expect(workbook.worksheets[0]!.getCell('A1').value).toBe('SO GD&DT');
    expect(converted).toMatchObject([
      { cell: 'A1', after: 'SO GD&DT', encoding: 'tcvn3', decidedBy: 'font' },
    ]);
  });
});
