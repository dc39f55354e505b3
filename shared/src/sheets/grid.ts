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

/** The last row and column (zero-based) holding a value; -1 when the sheet holds none. */
export interface UsedRange {
  bottom: number;
  right: number;
}

/**
 * Merges cut to the sheet's used range — a legal `K40:XFD1048576` would otherwise cover 17
 * billion cells — those left with a single cell or none dropped, in the order their first
 * covered cell comes row by row (the order exceljs meets them). Both readers of an .xlsx (the
 * values-only reader and exceljs through worksheetToGrid) cut alike, so check and convert agree.
 */
export function clipMerges(merges: Iterable<CellRange>, used: UsedRange): CellRange[] {
  const clipped: { range: CellRange; first: [number, number] }[] = [];
  for (const merge of merges) {
    const range = clipMerge(merge, used);
    if (range) clipped.push({ range, first: firstCovered(range) });
  }
  return clipped.sort((a, b) => a.first[0] - b.first[0] || a.first[1] - b.first[1]).map(({ range }) => range);
}

/** One merge cut to the used range; undefined when a single cell or none is left. */
export function clipMerge({ top, left, bottom, right }: CellRange, used: UsedRange): CellRange | undefined {
  const range = { top, left, bottom: Math.min(bottom, used.bottom), right: Math.min(right, used.right) };
  if (range.bottom < top || range.right < left) return undefined;
  if (range.bottom === top && range.right === left) return undefined;
  return range;
}

function firstCovered({ top, left, right }: CellRange): [number, number] {
  return right > left ? [top, left + 1] : [top + 1, left];
}

/**
 * Gives every row a merge covers (all but the top-left cell) an entry, blank when it holds
 * nothing: a covered row counts as filled. Walks the union of the merges' rows, never a row twice.
 */
export function addCoveredRows(rows: CellValue[][], merges: CellRange[]): void {
  const spans = merges
    .map(({ top, left, bottom, right }) => [right > left ? top : top + 1, bottom] as const)
    .sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [from, to] of spans) {
    for (let row = Math.max(from, next); row <= to; row++) rows[row] ??= [];
    next = Math.max(next, to + 1);
  }
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
