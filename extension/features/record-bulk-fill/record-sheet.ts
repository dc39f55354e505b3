import type { Message } from '@edulens/shared';
import { inputLimits, limitReason } from '@edulens/shared/limits';
import {
  type CellRepair,
  type CellValue,
  cellAt,
  cellText,
  type GridSheet,
  headerKey,
  repairSheet,
} from '@edulens/shared/sheets';
import { classifyRecordHeader, type ColumnRole } from './fields';

// A sheet of student records read by its header text: the ministry's student export keeps its
// header within the first 12 rows under title rows, with line breaks inside the header cells;
// a portal's own export or a school's sheet has it near the top. TCVN3/VNI leftovers are repaired
// (shared/sheets), so every value below is Unicode.

/** The header is searched for in this many rows from the top. */
export const HEADER_SEARCH_ROWS = 12;

export interface RecordColumn {
  /** Zero-based sheet column. */
  col: number;
  /** As the sheet writes it, line breaks as spaces. */
  label: string;
  /** The comparable key of the label (the saved mapping is keyed by it). */
  key: string;
  /** What the header text names, before any correction by the teacher. */
  guess: ColumnRole | null;
}

export interface RecordRow {
  /** Zero-based sheet row. */
  row: number;
  /** One per sheet column, as read (repaired text, numbers, dates). */
  cells: CellValue[];
}

export interface RecordSheet {
  sheet: string;
  /** Zero-based header row. */
  headerRow: number;
  columns: RecordColumn[];
  rows: RecordRow[];
  repairs: CellRepair[];
}

export type RecordSheetResult = { ok: true; source: RecordSheet } | { ok: false; reason: Message };

const noHeader: Message = {
  vi: `không tìm thấy dòng tiêu đề có cột "Họ và tên" (hoặc "Mã học sinh") cùng ít nhất một cột hồ sơ trong ${HEADER_SEARCH_ROWS} dòng đầu`,
  en: `no header row with a "Họ và tên" (or "Mã học sinh") column and at least one record column in the first ${HEADER_SEARCH_ROWS} rows`,
};

/** Student rows read from one sheet: `inputLimits.recordRows`. */
const tooManyRows: Message = limitReason('recordRows', {
  vi: 'hãy tách tệp theo lớp',
  en: 'split the file by class',
});

/** A header cell's text: its own, or that of the merge covering it. */
function headerText(sheet: GridSheet, row: number, col: number): string {
  const merge = sheet.merges.find(
    (range) => range.top <= row && row <= range.bottom && range.left <= col && col <= range.right,
  );
  const value = merge ? cellAt(sheet, merge.top, merge.left) : cellAt(sheet, row, col);
  return cellText(value).replace(/\s+/g, ' ');
}

function headerColumns(sheet: GridSheet, row: number): RecordColumn[] {
  const width = sheet.rows[row]?.length ?? 0;
  const columns: RecordColumn[] = [];
  for (let col = 0; col < width; col++) {
    const label = headerText(sheet, row, col);
    if (label === '') continue;
    columns.push({ col, label, key: headerKey(label), guess: classifyRecordHeader(label) });
  }
  // A role named twice keeps its first column (a merged "Họ và tên" over family and given name
  // is read as one name by `readName`).
  const seen = new Set<ColumnRole>();
  for (const column of columns) {
    if (column.guess === null) continue;
    if (seen.has(column.guess) && column.guess !== 'fullName') column.guess = null;
    else seen.add(column.guess);
  }
  return columns;
}

/** How strongly a row looks like a record header: recognised fields, 0 without an identity column. */
function headerScore(columns: RecordColumn[]): number {
  const roles = new Set(columns.map((column) => column.guess).filter((role) => role !== null));
  if (!roles.has('fullName') && !roles.has('studentCode')) return 0;
  const fields = [...roles].filter((role) => role !== 'studentCode' && role !== 'fullName').length;
  return fields === 0 ? 0 : roles.size;
}

/** Reads one sheet, or says why it holds no records. */
export function recordSheet(input: GridSheet): RecordSheetResult {
  const { sheet, repairs } = repairSheet(input);
  let best: { row: number; columns: RecordColumn[]; score: number } | undefined;
  for (let row = 0; row < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); row++) {
    const columns = headerColumns(sheet, row);
    const score = headerScore(columns);
    if (score > (best?.score ?? 0)) best = { row, columns, score };
  }
  if (!best) return { ok: false, reason: noHeader };
  const headerRow = best.row;
  const rows: RecordRow[] = [];
  for (let row = headerRow + 1; row < sheet.rows.length; row++) {
    const cells = sheet.rows[row] ?? [];
    if (!cells.some((value) => cellText(value ?? null) !== '')) continue;
    if (rows.length === inputLimits.recordRows) return { ok: false, reason: tooManyRows };
    rows.push({ row, cells: Array.from(cells, (value) => value ?? null) });
  }
  return {
    ok: true,
    source: {
      sheet: sheet.name,
      headerRow,
      columns: best.columns,
      rows,
      repairs: repairs.filter((repair) => repair.row > headerRow),
    },
  };
}

/** The sheet of a workbook with the strongest record header; the first sheet's reason otherwise. */
export function recordWorkbook(sheets: readonly GridSheet[]): RecordSheetResult {
  let first: RecordSheetResult | undefined;
  let best: { result: RecordSheetResult; size: number } | undefined;
  for (const sheet of sheets) {
    const result = recordSheet(sheet);
    first ??= result;
    if (!result.ok) {
      if (result.reason === tooManyRows) return result;
      continue;
    }
    const size = result.source.columns.filter((column) => column.guess !== null).length;
    if (!best || size > best.size) best = { result, size };
  }
  return best?.result ?? first ?? { ok: false, reason: noHeader };
}
