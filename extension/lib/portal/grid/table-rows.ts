import type { GridShape } from '@edulens/shared/profiles';
import { textOf } from '../text';

// The rows of a table the profile's grid shape describes, whatever its cells hold: the body table
// (the header's own, or one drawn apart from it, as a RadGrid's scrolling `.rgDataDiv`), the data
// rows among its rows (never header rows, the profile's `skipRows`, or rows too short to hold the
// mapped columns), what keys each row, and a watch on rows being replaced.

/** The table holding the rows: the profile's `body.table` inside the header's container, else the header table. */
export function bodyTableOf(shape: GridShape, headerTable: HTMLTableElement): HTMLTableElement | undefined {
  if (!shape.body) return headerTable;
  const found = headerTable.closest(shape.body.container)?.querySelector(shape.body.table);
  return found && found !== headerTable && found.tagName === 'TABLE'
    ? (found as HTMLTableElement)
    : undefined;
}

/** Whether a table's bodies hold any row. */
export const hasRows = (table: HTMLTableElement): boolean =>
  [...table.tBodies].some((body) => body.rows.length > 0);

/** An empty row spanning the table that stands for rows not drawn (virtual scrolling). */
const isPlaceholder = (tr: HTMLTableRowElement) =>
  tr.cells.length === 1 && tr.cells[0]!.colSpan > 1 && textOf(tr.cells[0]!) === '';

export interface TableRows {
  /** The table holding the rows. */
  table: HTMLTableElement;
  /** The data rows now in the table, in order, with their keys (rows without a key are left out). */
  rows(): { tr: HTMLTableRowElement; key: string }[];
  /** Whether empty rows stand in for rows not drawn. */
  hasPlaceholders(): boolean;
  /** Calls `onChange` whenever rows are added, removed or replaced (a body swapped in too); returns the stop. */
  watch(onChange: () => void): () => void;
}

export function tableRows(
  shape: GridShape,
  table: HTMLTableElement,
  parts: {
    /** Header rows of the same table, never data. */
    headerRows: ReadonlySet<Element>;
    /** The number of cells a data row has at least (past the last mapped column). */
    width: number;
    /** The position of the row key's column, if the header has it. */
    keyPosition: number | undefined;
  },
): TableRows {
  const { headerRows, width, keyPosition } = parts;
  const keyAttr = shape.rowKey.attr;
  const skip = shape.skipRows;
  /** The code in the key column (it may be hidden), else the row's key attribute (`<tr id>`). */
  const keyOf = (tr: HTMLTableRowElement): string => {
    const text = keyPosition === undefined ? '' : textOf(tr.cells[keyPosition]!);
    return text || (keyAttr ? (tr.getAttribute(keyAttr) ?? '').trim() : '');
  };
  return {
    table,
    rows() {
      const rows: { tr: HTMLTableRowElement; key: string }[] = [];
      for (const body of table.tBodies) {
        for (const tr of body.rows) {
          if (tr.cells.length < width || headerRows.has(tr) || (skip && tr.matches(skip))) continue;
          const key = keyOf(tr);
          if (key !== '') rows.push({ tr, key });
        }
      }
      return rows;
    },
    hasPlaceholders: () => [...table.tBodies].some((body) => [...body.rows].some(isPlaceholder)),
    watch(onChange) {
      const Observer = table.ownerDocument.defaultView?.MutationObserver ?? MutationObserver;
      const observeBodies = () => {
        for (const body of table.tBodies) observer.observe(body, { childList: true });
      };
      const observer = new Observer((records) => {
        // A body swapped in for another (an app re-rendering its rows): watch the new one too.
        if (records.some((record) => record.target === table)) observeBodies();
        onChange();
      });
      observer.observe(table, { childList: true });
      observeBodies();
      return () => observer.disconnect();
    },
  };
}
