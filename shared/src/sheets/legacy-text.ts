import { type LegacyEncoding, repairText } from '../text/index';
import { cellRef, type GridSheet } from './grid';

export interface CellRepair {
  row: number;
  col: number;
  /** "B9" */
  cell: string;
  before: string;
  after: string;
  from: LegacyEncoding;
}

/** A copy of the sheet whose TCVN3/VNI text cells are Unicode, and the list of what changed. */
export function repairSheet(sheet: GridSheet): { sheet: GridSheet; repairs: CellRepair[] } {
  const repairs: CellRepair[] = [];
  const rows = sheet.rows.map((cells, row) =>
    (cells ?? []).map((value, col) => {
      if (typeof value !== 'string') return value;
      const repaired = repairText(value);
      if (repaired.from === null) return value;
      repairs.push({
        row,
        col,
        cell: cellRef(row, col),
        before: value,
        after: repaired.text,
        from: repaired.from,
      });
      return repaired.text;
    }),
  );
  return { sheet: { ...sheet, rows }, repairs };
}
