import { decideLegacyText, type LegacyEncoding, type TextPiece } from '../text/index';
import { classifyHeader } from './column-kinds';
import { type CellValue, cellRef, type GridSheet } from './grid';

export interface CellRepair {
  row: number;
  col: number;
  /** "B9" */
  cell: string;
  before: string;
  after: string;
  from: LegacyEncoding;
  /** Set when the text reads both ways and the cells around it decided. */
  by?: 'context';
}

/**
 * A copy of the sheet whose TCVN3/VNI text cells are Unicode, and the list of what changed. A
 * cell that reads as Vietnamese both as it stands and decoded follows the majority of its column,
 * else of the sheet (a grid has no fonts). Rows without a repair are shared with the input.
 */
export function repairSheet(sheet: GridSheet): { sheet: GridSheet; repairs: CellRepair[] } {
  const pieces: TextPiece[] = [];
  const places: { row: number; col: number }[] = [];
  sheet.rows.forEach((cells, row) => {
    cells?.forEach((value, col) => {
      if (typeof value !== 'string') return;
      pieces.push({ text: value, column: String(col), sheet: sheet.name });
      places.push({ row, col });
    });
  });
  const decisions = decideLegacyText(pieces);
  const repairs: CellRepair[] = [];
  const changedRows = new Map<number, CellValue[]>();
  decisions.forEach((decision, i) => {
    if (decision.from === null) return;
    // A column title as it stands ("Mã HS" over a column of codes) is never decoded by the cells
    // around it: the header names the columns that everything else is read from.
    if (decision.by === 'context' && classifyHeader(pieces[i]!.text) !== null) return;
    const { row, col } = places[i]!;
    const before = pieces[i]!.text;
    let cells = changedRows.get(row);
    if (!cells) {
      cells = (sheet.rows[row] ?? []).slice();
      changedRows.set(row, cells);
    }
    cells[col] = decision.text;
    repairs.push({
      row,
      col,
      cell: cellRef(row, col),
      before,
      after: decision.text,
      from: decision.from,
      ...(decision.by === 'context' ? { by: 'context' as const } : {}),
    });
  });
  repairs.sort((a, b) => a.row - b.row || a.col - b.col);
  const rows = sheet.rows.map((cells, row) => changedRows.get(row) ?? cells ?? []);
  return { sheet: { ...sheet, rows }, repairs };
}
