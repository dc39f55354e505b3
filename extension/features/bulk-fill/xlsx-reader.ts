import ExcelJS from 'exceljs';
import { type BackgroundMessages, handle, type PlainSheet, type ResponseOf } from '../../lib/messages';

// Background side of bulk fill: reads a picked .xlsx with exceljs (in the service worker, never
// in the content script) and answers every worksheet as plain JSON. Registered by background.ts.

type PlainValue = PlainSheet['rows'][number][number];
type ReadAnswer = ResponseOf<BackgroundMessages, 'bulkFill.readWorkbook'>;

/** What a cell shows: formula results, rich text as text, dates as yyyy-mm-dd, errors as text. */
function plainValue(value: ExcelJS.CellValue): PlainValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

export function worksheetToPlain(worksheet: ExcelJS.Worksheet): PlainSheet {
  const rows: PlainValue[][] = [];
  const merges = new Map<string, PlainSheet['merges'][number]>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: PlainValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type !== ExcelJS.ValueType.Merge) {
        cells[colNumber - 1] = plainValue(cell.value);
        return;
      }
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
    // JSON has no holes: blanks inside a row become null.
    rows[rowNumber - 1] = Array.from(cells, (value) => value ?? null);
  });
  return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []), merges: [...merges.values()] };
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Registers the `bulkFill.readWorkbook` handler; call once from the background's main(). */
export function registerBulkFillBackground(): () => void {
  return handle('bulkFill.readWorkbook', async ({ base64 }): Promise<ReadAnswer> => {
    try {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(decodeBase64(base64).buffer as ArrayBuffer);
      return { ok: true, sheets: workbook.worksheets.map(worksheetToPlain) };
    } catch {
      return { ok: false, reason: 'unreadable' };
    }
  });
}
