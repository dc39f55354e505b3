import type { GradeGridPage } from './feature';
import type { PageContext } from '@edulens/shared/page';
import { fieldWriter } from './portal/cell-writer';
import { readContext } from './portal/context';
import type { UnseenTyping } from './portal/early-typing';
import { type GridColumn, mapColumns, readHeader } from './portal/header';
import { detectorHolds, findTarget, type PageScope, pageScopes } from './portal/locate';
import { isElement, textOf } from './portal/text';

// Reads and writes a portal's grade grid as its profile describes it. No portal selector or
// header text lives here: everything comes from the page of the profile (container, grid,
// cell, save, context). Works inside same-origin iframes (the grid's document may not be the
// top document) and across JS realms (no `instanceof` on page elements).

export type { GridColumn } from './portal/header';

/** Who saved a cell last and when, as the portal shows it. */
export interface LastEdit {
  user: string;
  /** As the portal prints it: "10:22:01 12/05/2026". */
  at: string;
}

export interface GridCell {
  /** Stable across re-renders and sessions: `<rowKey>|<kind>|<index>`. Drafts and problems use it. */
  readonly id: string;
  readonly row: GridRow;
  readonly column: GridColumn;
  /** The table cell (`td`). */
  readonly element: HTMLTableCellElement;
  /** One of the profile's `cell.locked` conditions holds (no input, a disabled or read-only one…), or the column is read-only. */
  readonly locked: boolean;
  /** The input's `name` when there is one. */
  readonly name: string | undefined;
  /** Current value as shown (input value or cell text), trimmed. */
  read(): string;
  /** The value the portal last saved (profile `cell.savedValue`), when the page tells it. */
  saved(): string | undefined;
  /** Who saved the cell last and when (profile `cell.lastEdit`), when the page tells it. */
  lastEdit(): LastEdit | undefined;
  /** The input's own length limit (`maxlength`), if any. */
  maxLength(): number | undefined;
  /**
   * Sets the value the way a person would: opens click-to-edit, native value setter, then
   * input/change/blur. Returns false (and writes nothing) on locked or computed cells.
   */
  write(value: string): boolean;
  /** Scrolls to the cell and focuses its input (opening click-to-edit). */
  focus(): void;
}

export interface GridRow {
  /** The row key (student code). */
  key: string;
  name: string;
  element: HTMLTableRowElement;
  /** Every mapped cell of the row (not the key or name columns), in column order. */
  cells: GridCell[];
  cell(kind: GridColumn['kind'], index?: number): GridCell | undefined;
}

export interface CellEdit {
  cell: GridCell;
  value: string;
  /** 'user': typed in the page; 'extension': written by `write`/`writeMany`. */
  source: 'user' | 'extension';
  /** Of an edit from `typedEarlier`: what the cell showed before the teacher typed, when known. */
  before?: string;
}

export interface BeforeSave {
  event: MouseEvent;
  /** Stops the portal's save for this click (e.g. to ask the teacher first). */
  cancel(): void;
}

export interface WriteResult {
  written: GridCell[];
  /** Locked or computed cells, never touched. */
  refused: GridCell[];
}

export interface PortalGrid {
  readonly page: GradeGridPage;
  readonly table: HTMLTableElement;
  /** The document holding the table (an iframe's document in the iframe variant). */
  readonly document: Document;
  /** Mapped columns in table order (not the key or name columns). */
  readonly columns: readonly GridColumn[];
  /** Rows currently in the DOM (a page of a paged grid), cached until the table body changes. */
  rows(): GridRow[];
  /** A cell by its id among the rows in the DOM. */
  cell(id: string): GridCell | undefined;
  /** The cell an element belongs to (an input inside it, or the td). */
  cellOf(element: Element): GridCell | undefined;
  /** What the page is about, read from the profile's context sources. */
  context(): PageContext;
  /** Whether the portal shows locked cells (any non-computed cell locked). */
  hasLockedCells(): boolean;
  /**
   * Only part of the book's rows is in the DOM: the profile's pager or scroller is there, or empty
   * rows in the body stand in for rows not drawn (virtual scrolling).
   */
  partial(): boolean;
  /** Writes many cells and notifies `onEdit` listeners once with all of them. */
  writeMany(entries: ReadonlyArray<{ cell: GridCell; value: string }>): WriteResult;
  /** Typed edits (each input event) and extension writes (batched). */
  onEdit(listener: (edits: CellEdit[]) => void, signal: AbortSignal): void;
  /**
   * Edits typed into this table before anything listened to it (see `UnseenTyping`), with the cells'
   * values now; each is handed out once.
   */
  typedEarlier(): CellEdit[];
  /**
   * The rows in the DOM were replaced (virtual scrolling, a page re-drawing its body without a
   * new table); called once per batch of changes.
   */
  onRowsChanged(listener: () => void, signal: AbortSignal): void;
  /** A click on the portal's save button, before the portal sees it (capture phase). */
  onBeforeSave(listener: (save: BeforeSave) => void, signal: AbortSignal): void;
  /** The save button, if found. */
  saveButton(): HTMLElement | undefined;
  /** Clicks the save button without calling `onBeforeSave` listeners (after the teacher confirmed). */
  save(): boolean;
}

// ---------------------------------------------------------------------------------------------
// Finding the grid

/** Inside a window of the page's kind other than the one in front (another book left open). */
function otherWindow(page: GradeGridPage, node: Node, front: Element | undefined): boolean {
  const selector = page.container?.window;
  if (!selector || !front) return false;
  const element = isElement(node) ? node : node.parentElement;
  const window = element?.closest(selector);
  return window !== null && window !== undefined && window !== front;
}

/**
 * The grid of a grade-grid page in a document, or undefined when it is not showing. `unseen` holds
 * what was typed into the page before the grid was found.
 */
export function findGradeGrid(
  page: GradeGridPage,
  doc: Document,
  unseen?: UnseenTyping,
): PortalGrid | undefined {
  for (const scope of pageScopes(page, doc) ?? []) {
    if (!detectorHolds(page.when, scope.root)) continue;
    // The first table of the selector whose header names the profile's columns (a heading laid out
    // as a table may carry the same class), one with rows before a header-only copy of it (a
    // fixed-header clone).
    const tables = [...scope.root.querySelectorAll(page.grid.table)].filter(
      (table): table is HTMLTableElement => table.tagName === 'TABLE',
    );
    const withRows = (table: HTMLTableElement) => [...table.tBodies].some((body) => body.rows.length > 0);
    for (const table of [...tables.filter(withRows), ...tables.filter((table) => !withRows(table))]) {
      const grid = createGrid(page, table, scope, doc, unseen);
      if (grid) return grid;
    }
  }
  return undefined;
}

/** "annv.thcsnd - 10:22:01 12/05/2026" (a comment's title adds " - 57 ký tự"). */
const LAST_EDIT = /^\s*(\S.*?)\s+-\s+(\d{1,2}:\d{2}(?::\d{2})?\s+\d{1,2}\/\d{1,2}\/\d{4})/;

function createGrid(
  page: GradeGridPage,
  table: HTMLTableElement,
  scope: PageScope,
  topDocument: Document,
  unseen: UnseenTyping | undefined,
): PortalGrid | undefined {
  const layout = readHeader(table);
  const { columns, keyPosition, namePositions } = mapColumns(page, layout);
  const keyAttr = page.grid.rowKey.attr;
  if ((keyPosition === undefined && keyAttr === undefined) || columns.length === 0) return undefined;
  const doc = table.ownerDocument;
  const writeField = fieldWriter(doc);
  const inputSelector = page.cell.input;
  const clickSelector = page.cell.clickToEdit;
  const lockedWhen = page.cell.locked;
  const savedAttr = page.cell.savedValue?.attr;
  const lastEditAttr = page.cell.lastEdit?.attr;
  const headerRows = new Set<Element>(layout.rows);
  const needed = Math.max(keyPosition ?? 0, ...namePositions, ...columns.map((c) => c.position)) + 1;
  /** The code in the key column (it may be hidden), else the row's key attribute (`<tr id>`). */
  const keyOf = (tr: HTMLTableRowElement): string => {
    const text = keyPosition === undefined ? '' : textOf(tr.cells[keyPosition]!);
    return text || (keyAttr ? (tr.getAttribute(keyAttr) ?? '').trim() : '');
  };
  /** The whole name, from every cell under its header (family + middle, given). */
  const nameOf = (tr: HTMLTableRowElement): string =>
    namePositions
      .map((position) => textOf(tr.cells[position]!))
      .filter((part) => part !== '')
      .join(' ')
      .replace(/\s+/g, ' ');

  const editListeners = new Set<(edits: CellEdit[]) => void>();
  const rowListeners = new Set<() => void>();
  let rowsNotice = false;
  let writing = 0;
  let cache: { rows: GridRow[]; byId: Map<string, GridCell>; byTd: WeakMap<Element, GridCell> } | undefined;

  const emit = (edits: CellEdit[]) => {
    if (edits.length === 0) return;
    for (const listener of editListeners) listener(edits);
  };
  /** The teacher's typing (EduLens' own writes are reported by `write`/`writeMany`). */
  const onTyped = (event: Event) => {
    if (writing > 0) return;
    const target = event.target;
    if (!isElement(target) || !target.matches(inputSelector)) return;
    const cell = cellOf(target);
    if (cell) emit([{ cell, value: (target as HTMLInputElement).value.trim(), source: 'user' }]);
  };
  let typing: AbortController | undefined;

  // Every read, write, lock check and saved-value lookup starts from the cell's input: remembered per
  // cell while it stays there (a click-to-edit span or a redraw puts another one in its place).
  const inputs = new WeakMap<Element, HTMLInputElement>();
  const inputOf = (td: Element): HTMLInputElement | undefined => {
    const known = inputs.get(td);
    if (known && td.contains(known)) return known;
    const found = (td.querySelector(inputSelector) as HTMLInputElement | null) ?? undefined;
    if (found) inputs.set(td, found);
    return found;
  };

  /** A disabled or read-only input is never written, whatever the profile says. */
  const closed = (input: HTMLInputElement) => input.disabled || input.readOnly;

  function makeCell(row: GridRow, column: GridColumn, td: HTMLTableCellElement): GridCell {
    const lockedNow = () => {
      if (column.computed) return true;
      const input = inputOf(td);
      return lockedWhen.some((rule) => {
        switch (rule) {
          case 'no-input':
            return !input && !(clickSelector && td.querySelector(clickSelector));
          case 'disabled':
            return input?.disabled === true;
          case 'readonly':
            return input?.readOnly === true;
          default:
            return td.matches(rule.selector);
        }
      });
    };
    /** An attribute of the cell's input (or its click-to-edit span), else of the cell. */
    const attr = (name: string): string | undefined => {
      const holder = inputOf(td) ?? (clickSelector ? td.querySelector(clickSelector) : null);
      return holder?.getAttribute(name) ?? td.getAttribute(name) ?? undefined;
    };
    const open = (): HTMLInputElement | undefined => {
      let input = inputOf(td);
      if (!input && clickSelector) {
        const span = td.querySelector(clickSelector) as HTMLElement | null;
        span?.dispatchEvent(new (doc.defaultView?.MouseEvent ?? MouseEvent)('click', { bubbles: true }));
        input = inputOf(td);
      }
      return input;
    };
    const cell: GridCell = {
      id: `${row.key}|${column.kind}|${column.index}`,
      row,
      column,
      element: td,
      get locked() {
        return lockedNow();
      },
      get name() {
        const input = inputOf(td);
        if (input) return input.name || undefined;
        const span = clickSelector ? td.querySelector(clickSelector) : null;
        return span?.getAttribute('data-name') ?? undefined;
      },
      read() {
        const input = inputOf(td);
        if (input) return input.value.trim();
        const span = clickSelector ? td.querySelector(clickSelector) : null;
        return ((span ?? td).textContent ?? '').trim();
      },
      saved() {
        return savedAttr === undefined ? undefined : attr(savedAttr)?.trim();
      },
      lastEdit() {
        const match = lastEditAttr === undefined ? null : LAST_EDIT.exec(attr(lastEditAttr) ?? '');
        return match ? { user: match[1]!, at: match[2]!.replace(/\s+/g, ' ') } : undefined;
      },
      maxLength() {
        const limit = inputOf(td)?.maxLength ?? -1;
        return limit > 0 ? limit : undefined;
      },
      write(value) {
        if (lockedNow()) return false;
        writing++;
        try {
          const input = open();
          if (!input || closed(input)) return false;
          writeField(input, value);
        } finally {
          writing--;
        }
        if (writing === 0) emit([{ cell, value, source: 'extension' }]);
        return true;
      },
      focus() {
        td.scrollIntoView({ block: 'center', inline: 'center' });
        const input = open();
        (input ?? td).focus();
      },
    };
    return cell;
  }

  function build() {
    const rows: GridRow[] = [];
    const byId = new Map<string, GridCell>();
    const byTd = new WeakMap<Element, GridCell>();
    for (const body of table.tBodies) {
      for (const tr of body.rows) {
        if (tr.cells.length < needed || headerRows.has(tr)) continue;
        const key = keyOf(tr);
        if (key === '') continue;
        const cells: GridCell[] = [];
        const row: GridRow = {
          key,
          name: nameOf(tr),
          element: tr,
          cells,
          cell: (kind, index = 0) => cells.find((c) => c.column.kind === kind && c.column.index === index),
        };
        for (const column of columns) {
          const td = tr.cells[column.position];
          if (!td) continue;
          const cell = makeCell(row, column, td);
          cells.push(cell);
          byId.set(cell.id, cell);
          byTd.set(td, cell);
        }
        rows.push(row);
      }
    }
    return { rows, byId, byTd };
  }

  const current = () => (cache ??= build());
  const view = doc.defaultView;
  const Observer = view?.MutationObserver ?? MutationObserver;
  let observer: MutationObserver | undefined;
  const watchBody = () => {
    if (observer) return;
    observer = new Observer(() => {
      cache = undefined;
      if (rowsNotice || rowListeners.size === 0) return;
      rowsNotice = true;
      queueMicrotask(() => {
        rowsNotice = false;
        for (const listener of rowListeners) listener();
      });
    });
    for (const body of table.tBodies) observer.observe(body, { childList: true });
  };

  const cellOf = (element: Element): GridCell | undefined => {
    const td = element.closest('td');
    if (!td || !table.contains(td)) return undefined;
    const found = current().byTd.get(td);
    if (found) return found;
    cache = undefined; // the body changed under us
    return current().byTd.get(td);
  };

  const findNear = (target: { selector?: string; text?: string[] }) => {
    for (const s of [scope.root, doc, topDocument]) {
      const found = findTarget(target, s);
      if (found) return found;
    }
    return undefined;
  };
  const findSave = () => findNear(page.save.button);
  const isPlaceholder = (tr: HTMLTableRowElement) =>
    tr.cells.length === 1 && tr.cells[0]!.colSpan > 1 && textOf(tr.cells[0]!) === '';
  let bypassSave = false;

  const grid: PortalGrid = {
    page,
    table,
    document: doc,
    columns,
    rows() {
      watchBody();
      return current().rows;
    },
    cell(id) {
      watchBody();
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
      return pager !== undefined || [...table.tBodies].some((body) => [...body.rows].some(isPlaceholder));
    },
    writeMany(entries) {
      const result: WriteResult = { written: [], refused: [] };
      const edits: CellEdit[] = [];
      writing++;
      try {
        for (const { cell, value } of entries) {
          if (cell.write(value)) {
            result.written.push(cell);
            edits.push({ cell, value, source: 'extension' });
          } else result.refused.push(cell);
        }
      } finally {
        writing--;
      }
      emit(edits);
      return result;
    },
    onEdit(listener, signal) {
      if (signal.aborted) return;
      editListeners.add(listener);
      watchBody();
      // One document listener serves every feature: each input event of a fill crosses into the
      // content script once, not once per feature.
      if (!typing) {
        typing = new AbortController();
        doc.addEventListener('input', onTyped, { capture: true, signal: typing.signal });
      }
      signal.addEventListener(
        'abort',
        () => {
          editListeners.delete(listener);
          if (editListeners.size === 0) {
            typing?.abort();
            typing = undefined;
          }
          if (editListeners.size === 0 && rowListeners.size === 0) {
            observer?.disconnect();
            observer = undefined;
          }
        },
        { once: true },
      );
    },
    typedEarlier() {
      const edits: CellEdit[] = [];
      for (const [td, before] of unseen?.take(table) ?? []) {
        const cell = cellOf(td);
        if (!cell || cell.column.computed) continue;
        edits.push({ cell, value: cell.read(), source: 'user', ...(before !== undefined && { before }) });
      }
      return edits;
    },
    onRowsChanged(listener, signal) {
      if (signal.aborted) return;
      rowListeners.add(listener);
      watchBody();
      signal.addEventListener('abort', () => rowListeners.delete(listener), { once: true });
    },
    onBeforeSave(listener, signal) {
      if (signal.aborted) return;
      const onClick = (event: Event) => {
        if (bypassSave) return;
        const button = findSave();
        const target = event.target;
        if (!button || !isElement(target) || !button.contains(target)) return;
        listener({
          event: event as MouseEvent,
          cancel() {
            event.preventDefault();
            event.stopImmediatePropagation();
          },
        });
      };
      const docs = new Set([doc, topDocument]);
      for (const d of docs) d.addEventListener('click', onClick, { capture: true, signal });
    },
    saveButton: findSave,
    save() {
      const button = findSave();
      if (!button) return false;
      bypassSave = true;
      try {
        button.click();
      } finally {
        bypassSave = false;
      }
      return true;
    },
  };
  return grid;
}
