import { InputLimitError, inputLimits } from '@edulens/shared/limits';
import type { CellValue, GridSheet } from '@edulens/shared/sheets';
import { readXlsxValues } from '@edulens/shared/xlsx';
import { type BackgroundMessages, handle, type PlainSheet, type ResponseOf } from '../../lib/messages';

// Background side of bulk fill: reads a picked .xlsx (in the service worker, never in the content
// script) with the same values-only reader and limits as `edulens check`, and answers every
// worksheet as plain JSON — or, for a file over a limit, which limit.

type PlainValue = PlainSheet['rows'][number][number];
type ReadAnswer = ResponseOf<BackgroundMessages, 'bulkFill.readWorkbook'>;

/** The shared grid made JSON-safe for messaging: dates as yyyy-mm-dd, holes as null. */
export function gridToPlain(grid: GridSheet): PlainSheet {
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
      // Four base64 characters carry three bytes: a file over the limit is refused undecoded.
      if (base64.length * 0.75 > inputLimits.fileBytes + 2) throw new InputLimitError('fileBytes');
      const sheets = await readXlsxValues(decodeBase64(base64));
      return { ok: true, sheets: sheets.map(gridToPlain) };
    } catch (error) {
      if (error instanceof InputLimitError) return { ok: false, reason: 'limit', message: error.reason };
      return { ok: false, reason: 'unreadable' };
    }
  });
}
