import type { GridColumn } from '../header';
import { textOf } from '../text';
import { type CellParts, makeCell } from './cells';
import type { TableRows } from './table-rows';
import type { GridCell, GridRow } from './types';

// The grade rows now in the page, built from the table's data rows and the mapped columns, and
// kept until the rows change: every cell by its id and by its `td`.

export interface GradeRows {
  rows: GridRow[];
  byId: Map<string, GridCell>;
  byTd: WeakMap<Element, GridCell>;
  /** The `td` each cell id was drawn in when the rows were read. */
  tdById: Map<string, HTMLTableCellElement>;
}

export function buildGradeRows(
  source: TableRows,
  columns: readonly GridColumn[],
  namePositions: readonly number[],
  cellParts: CellParts,
): GradeRows {
  const rows: GridRow[] = [];
  const byId = new Map<string, GridCell>();
  const byTd = new WeakMap<Element, GridCell>();
  const tdById = new Map<string, HTMLTableCellElement>();
  for (const { tr, key } of source.rows()) {
    const cells: GridCell[] = [];
    const row: GridRow = {
      key,
      // The whole name, from every cell under its header (family + middle, given).
      name: namePositions
        .map((position) => textOf(tr.cells[position]!))
        .filter((part) => part !== '')
        .join(' ')
        .replace(/\s+/g, ' '),
      element: tr,
      cells,
      cell: (kind, index = 0) => cells.find((c) => c.column.kind === kind && c.column.index === index),
    };
    for (const column of columns) {
      const td = tr.cells[column.position];
      if (!td) continue;
      const cell = makeCell(cellParts, row, column, td);
      cells.push(cell);
      byId.set(cell.id, cell);
      byTd.set(td, cell);
      tdById.set(cell.id, td);
    }
    rows.push(row);
  }
  return { rows, byId, byTd, tdById };
}
