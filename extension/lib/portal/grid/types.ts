import type { GradeGridPage } from '../../feature';
import type { PageContext } from '@edulens/shared/page';
import type { GridColumn } from '../header';

// What a grade grid is to the features: rows of cells they read, check, write and mark, whatever
// the portal's markup. Built by `findGradeGrid` from the profile's page.

export type { GridColumn } from '../header';

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
  /**
   * The table cell (`td`). After the portal redrew the row (an app re-rendering its rows), the cell
   * now drawn under the same id.
   */
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
  /** The table holding the rows (the body table of a grid whose header is drawn apart). */
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
