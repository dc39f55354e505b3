import { addCoveredRows, type CellRange, type CellValue, clipMerges, type GridSheet } from './grid';

// An exceljs worksheet as the pure grid. Typed structurally (only the members read here), so that
// shared stays free of exceljs while the agent (Node) and the extension's background (browser),
// which both load workbooks with exceljs, turn them into grids the same way.

interface CellLike {
  value: unknown;
  address: string;
  row: number | string;
  col: number | string;
  /** The top-left cell of the merge covering this one; the cell itself when it is not covered. */
  master: CellLike;
}

interface RowLike {
  eachCell(options: { includeEmpty: boolean }, visit: (cell: CellLike, colNumber: number) => void): void;
}

export interface WorksheetLike {
  name: string;
  eachRow(options: { includeEmpty: boolean }, visit: (row: RowLike, rowNumber: number) => void): void;
}

/** What a cell shows: formula results, the text of rich text and hyperlinks, error codes as text. */
export function shownValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value as CellValue;
  if ('richText' in value) return (value.richText as { text: string }[]).map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return shownValue((value as { result?: unknown }).result);
  if ('hyperlink' in value) return shownValue((value as { text?: unknown }).text);
  if ('error' in value) return (value as { error: string }).error;
  return null;
}

/**
 * Values by zero-based row/column (rows and cells with nothing are holes) plus merged ranges, cut
 * to the used range as `clipMerges` says — the same grid the values-only .xlsx reader gives.
 */
export function worksheetToGrid(worksheet: WorksheetLike): GridSheet {
  const rows: CellValue[][] = [];
  const merges = new Map<string, CellRange>();
  const used = { bottom: -1, right: -1 };
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const { master } = cell;
      if (master === cell) {
        (rows[rowNumber - 1] ??= [])[colNumber - 1] = shownValue(cell.value);
        used.bottom = Math.max(used.bottom, rowNumber - 1);
        used.right = Math.max(used.right, colNumber - 1);
        return;
      }
      // A covered cell of a merge: the value stays in the master; widen the master's range.
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
  });
  const clipped = clipMerges(merges.values(), used);
  addCoveredRows(rows, clipped);
  return { name: worksheet.name, rows, merges: clipped };
}
