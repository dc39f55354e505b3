import ExcelJS from 'exceljs';
import { type CellValue, worksheetToGrid } from '@edulens/shared/sheets';
import { type BackgroundMessages, handle, type PlainSheet, type ResponseOf } from '../../lib/messages';

// Background side of bulk fill: reads a picked .xlsx with exceljs (in the service worker, never
// in the content script) and answers every worksheet as plain JSON. Registered by background.ts.

type PlainValue = PlainSheet['rows'][number][number];
type ReadAnswer = ResponseOf<BackgroundMessages, 'bulkFill.readWorkbook'>;

/** The shared grid made JSON-safe for messaging: dates as yyyy-mm-dd, holes as null. */
export function worksheetToPlain(worksheet: ExcelJS.Worksheet): PlainSheet {
  const grid = worksheetToGrid(worksheet);
  const plain = (value: CellValue | undefined): PlainValue =>
    value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? null);
  const rows = Array.from(grid.rows, (row) => Array.from(row ?? [], plain));
  return { name: grid.name, rows, merges: grid.merges };
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
