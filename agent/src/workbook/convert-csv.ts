import { cellRef, type GridSheet, repairSheet } from '@edulens/shared/sheets';
import type { ConvertedCell } from './convert-xlsx';

/**
 * A CSV's single sheet with its TCVN3/VNI text in Unicode (a cell that reads both ways follows
 * its column, then the sheet: a CSV has no fonts) and its decomposed (NFD) text in NFC.
 */
export function convertGridText(grid: GridSheet): { sheet: GridSheet; converted: ConvertedCell[] } {
  const { sheet, repairs } = repairSheet(grid);
  const changes = repairs.map(({ row, col, cell, before, after, from, by }) => ({
    row,
    col,
    converted: {
      sheet: grid.name,
      cell,
      before,
      after,
      encoding: from,
      ...(by ? { decidedBy: by } : {}),
    } as ConvertedCell,
  }));
  const rows = sheet.rows.map((cells, row) =>
    cells.map((value, col) => {
      if (typeof value !== 'string' || value.normalize('NFC') === value) return value;
      const after = value.normalize('NFC');
      changes.push({
        row,
        col,
        converted: { sheet: grid.name, cell: cellRef(row, col), before: value, after, encoding: 'nfd' },
      });
      return after;
    }),
  );
  changes.sort((a, b) => a.row - b.row || a.col - b.col);
  return { sheet: { ...sheet, rows }, converted: changes.map((change) => change.converted) };
}
