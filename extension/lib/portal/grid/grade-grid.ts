import type { GradeGridPage } from '../../feature';
import { fieldWriter } from '../cell-writer';
import { readContext } from '../context';
import type { UnseenTyping } from '../early-typing';
import { type HeaderLayout, mapColumns } from '../header';
import { findTarget, type PageScope } from '../locate';
import { isElement } from '../text';
import type { CellParts } from './cells';
import { editHub } from './edits';
import { buildGradeRows, type GradeRows } from './grade-rows';
import { saveControl } from './save';
import { tableRows } from './table-rows';
import type { CellEdit, PortalGrid } from './types';

// A grade grid put together from its parts: the header's columns, the body's rows (cached until
// they change), cells, edits, the save button and the page's context. No portal selector or header
// text lives here: everything comes from the profile's page.

/** Inside a window of the page's kind other than the one in front (another book left open). */
function otherWindow(page: GradeGridPage, node: Node, front: Element | undefined): boolean {
  const selector = page.container?.window;
  if (!selector || !front) return false;
  const element = isElement(node) ? node : node.parentElement;
  const window = element?.closest(selector);
  return window !== null && window !== undefined && window !== front;
}

export function createGradeGrid(
  page: GradeGridPage,
  tables: { body: HTMLTableElement; layout: HeaderLayout },
  scope: PageScope,
  topDocument: Document,
  unseen: UnseenTyping | undefined,
): PortalGrid | undefined {
  const { body: table, layout } = tables;
  const { columns, keyPosition, namePositions } = mapColumns(page, layout);
  if ((keyPosition === undefined && page.grid.rowKey.attr === undefined) || columns.length === 0)
    return undefined;
  const doc = table.ownerDocument;
  const source = tableRows(page.grid, table, {
    headerRows: new Set<Element>(layout.rows),
    width: Math.max(keyPosition ?? 0, ...namePositions, ...columns.map((c) => c.position)) + 1,
    keyPosition,
  });

  const rowListeners = new Set<() => void>();
  let rowsNotice = false;
  let cache: GradeRows | undefined;
  let stopWatching: (() => void) | undefined;
  const watchRows = () => {
    stopWatching ??= source.watch(() => {
      cache = undefined;
      if (rowsNotice || rowListeners.size === 0) return;
      rowsNotice = true;
      queueMicrotask(() => {
        rowsNotice = false;
        for (const listener of rowListeners) listener();
      });
    });
  };
  const idle = () => {
    if (edits.listened() || rowListeners.size > 0) return;
    stopWatching?.();
    stopWatching = undefined;
  };
  const current = (): GradeRows => (cache ??= buildGradeRows(source, columns, namePositions, cellParts));
  const cellOf = (element: Element) => {
    const td = element.closest('td');
    if (!td || !table.contains(td)) return undefined;
    const found = current().byTd.get(td);
    if (found) return found;
    cache = undefined; // the body changed under us
    return current().byTd.get(td);
  };
  const edits = editHub(doc, page.cell.input, cellOf, { start: watchRows, idle });
  const scroller = page.grid.body?.scroller;
  const cellParts: CellParts = {
    spec: page.cell,
    doc,
    writeField: fieldWriter(doc),
    redrawn: (id) => {
      // The rows may have been redrawn in this very task, before the watch heard of it.
      let td = cache?.tdById.get(id);
      if (!td?.isConnected) {
        cache = undefined;
        td = current().tdById.get(id);
      }
      return td?.isConnected ? td : undefined;
    },
    writing: edits.writing,
    wrote: (cell, value) => edits.emit([{ cell, value, source: 'extension' }]),
    ...(scroller !== undefined && { scroller }),
  };

  const findNear = (target: { selector?: string; text?: string[] }) => {
    for (const root of [scope.root, doc, topDocument]) {
      const found = findTarget(target, root);
      if (found) return found;
    }
    return undefined;
  };

  return {
    page,
    table,
    document: doc,
    columns,
    rows() {
      watchRows();
      return current().rows;
    },
    cell(id) {
      watchRows();
      return current().byId.get(id);
    },
    cellOf,
    context: () =>
      readContext(page, {
        root: scope.root,
        ...(scope.window && { window: scope.window }),
        exclude: table,
        documents: [...new Set([doc, topDocument])],
        others: (node) => otherWindow(page, node, scope.window),
      }),
    hasLockedCells() {
      return current().rows.some((row) => row.cells.some((cell) => !cell.column.computed && cell.locked));
    },
    partial() {
      const pagination = page.grid.pagination;
      const pager =
        pagination &&
        findNear(pagination.kind === 'pages' ? pagination.next : { selector: pagination.scroller });
      return pager !== undefined || source.hasPlaceholders();
    },
    writeMany: edits.writeMany,
    onEdit: edits.onEdit,
    typedEarlier() {
      const found: CellEdit[] = [];
      for (const [td, before] of unseen?.take(table) ?? []) {
        const cell = cellOf(td);
        if (!cell || cell.column.computed) continue;
        found.push({ cell, value: cell.read(), source: 'user', ...(before !== undefined && { before }) });
      }
      return found;
    },
    onRowsChanged(listener, signal) {
      if (signal.aborted) return;
      rowListeners.add(listener);
      watchRows();
      signal.addEventListener(
        'abort',
        () => {
          rowListeners.delete(listener);
          idle();
        },
        { once: true },
      );
    },
    ...saveControl(page, findNear, [...new Set([doc, topDocument])]),
  };
}
