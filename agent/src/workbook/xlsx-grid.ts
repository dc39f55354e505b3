import type { sheets } from '@edulens/shared';
import ExcelJS from 'exceljs';

type CellValue = sheets.CellValue;

/** What a cell shows: formula results, the text of rich text and hyperlinks, error codes as text. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

/** An exceljs worksheet as the pure grid: values by zero-based row/column plus merged ranges. */
export function worksheetToGrid(worksheet: ExcelJS.Worksheet): sheets.GridSheet {
  const rows: CellValue[][] = [];
  const merges = new Map<string, sheets.CellRange>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type !== ExcelJS.ValueType.Merge) {
        cells[colNumber - 1] = plainValue(cell.value);
        return;
      }
      // A covered cell of a merge: the value stays in the master; widen the master's range.
      const { master } = cell;
      const range = merges.get(master.address) ?? {
        top: Number(master.row) - 1,
        left: Number(master.col) - 1,
        bottom: Number(master.row) - 1,
        right: Number(master.col) - 1,
      };
      range.bottom = Math.max(range.bottom, rowNumber - 1);
      range.right = Math.max(range.right, colNumber - 1);
      merges.set(master.address, range);
    });
    rows[rowNumber - 1] = cells;
  });
  return { name: worksheet.name, rows, merges: [...merges.values()] };
}
