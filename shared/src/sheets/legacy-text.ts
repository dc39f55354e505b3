import { type LegacyEncoding, type Repair, repairText } from '../text/index';
import { type CellValue, cellRef, type GridSheet } from './grid';

export interface CellRepair {
  row: number;
  col: number;
  /** "B9" */
  cell: string;
  before: string;
  after: string;
  from: LegacyEncoding;
}

/**
 * A copy of the sheet whose TCVN3/VNI text cells are Unicode, and the list of what changed. Rows
 * without a repair are shared with the input, not copied.
 */
export function repairSheet(sheet: GridSheet): { sheet: GridSheet; repairs: CellRepair[] } {
  const repairs: CellRepair[] = [];
  // A grade book repeats the same texts (Đ, CĐ, a class name) thousands of times.
  const known = new Map<string, Repair>();
  const rows = sheet.rows.map((cells, row) => {
    if (!cells) return [];
    let repaired: CellValue[] | undefined;
    for (let col = 0; col < cells.length; col++) {
      const value = cells[col];
      if (typeof value !== 'string') continue;
      let repair = known.get(value);
      if (!repair) {
        repair = repairText(value);
        known.set(value, repair);
      }
      if (repair.from === null) continue;
      repaired ??= cells.slice();
      repaired[col] = repair.text;
      repairs.push({
        row,
        col,
        cell: cellRef(row, col),
        before: value,
        after: repair.text,
        from: repair.from,
      });
    }
    return repaired ?? cells;
  });
  return { sheet: { ...sheet, rows }, repairs };
}
