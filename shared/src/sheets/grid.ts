/**
 * The in-memory shape every spreadsheet is turned into before it is analysed: plain values by
 * row and column (zero-based) plus the merged ranges. The agent builds it from .xlsx/.csv files
 * and the extension from pasted text or picked files, so the analysis never touches a file API.
 */
export type CellValue = string | number | boolean | Date | null;

/** A merged block, zero-based and inclusive; its value sits in the top-left cell. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridSheet {
  name: string;
  /** rows[r][c]; rows may be ragged or missing (holes are blank cells). */
  rows: CellValue[][];
  merges: CellRange[];
}

export function cellAt(sheet: GridSheet, row: number, col: number): CellValue {
  return sheet.rows[row]?.[col] ?? null;
}

/** Zero-based column index → spreadsheet letters (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Zero-based (row, col) → the "E9" reference a user sees in Excel. */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** The text a user reads in a cell; numbers as JavaScript prints them, dates as yyyy-mm-dd. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

// Called for every score cell of a workbook: no string is built for numbers.
export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

export function columnCount(sheet: GridSheet): number {
  return sheet.rows.reduce((widest, row) => Math.max(widest, row?.length ?? 0), 0);
}
