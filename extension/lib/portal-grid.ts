import { deaccentKey } from '@edulens/shared/text';
import type { GradeGridPage } from './feature';
import type { PageContext } from './messages';

// Reads and writes a portal's grade grid as its profile describes it. No portal selector or
// header text lives here: everything comes from the page of the profile (container, grid,
// cell, save, context). Works inside same-origin iframes (the grid's document may not be the
// top document) and across JS realms (no `instanceof` on page elements).

/** 'tx' | 'gk' | 'ck' | 'average' | … — the keys of the profile's `grid.columns`. */
export type ColumnKind = string;

/** The profile's column key for the students' names (read, never filled). */
export const NAME_COLUMN = 'name';

export interface GridColumn {
  kind: ColumnKind;
  /** 0-based position inside a repeated group (ĐĐGtx 1 → 0); 0 for single columns. */
  index: number;
  /** Column position in the table (body cell index). */
  position: number;
  /** Header texts top-down, e.g. ["ĐĐGtx", "1"]. */
  headers: string[];
  /** Short label as the portal shows it: "ĐĐGtx 1", "ĐĐGgk". */
  label: string;
  /** Computed by the portal: read, never written. */
  computed: boolean;
}

export interface GridCell {
  /** Stable across re-renders and sessions: `<rowKey>|<kind>|<index>`. Drafts and problems use it. */
  readonly id: string;
  readonly row: GridRow;
  readonly column: GridColumn;
  /** The table cell (`td`). */
  readonly element: HTMLTableCellElement;
  /** No way to edit it (no input, no click-to-edit), or the profile's locked selector matches. */
  readonly locked: boolean;
  /** The input's `name` when there is one. */
  readonly name: string | undefined;
  /** Current value as shown (input value or cell text), trimmed. */
  read(): string;
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
  cell(kind: ColumnKind, index?: number): GridCell | undefined;
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
  /** The page's filters and headings, read by the profile's context labels. */
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
// Finding the page

/** Folds a text for comparing with the profile's variants (NFC/NFD, tones, case, punctuation). */
export function textKey(text: string): string {
  return deaccentKey(text)
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

function matchesVariant(text: string, variants: readonly string[]): boolean {
  const key = textKey(text);
  return key !== '' && variants.some((variant) => textKey(variant) === key);
}

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/**
 * Where the page's content is: the document of the innermost frame of `container.frames`, or the
 * matching floating windows of `container.window` (the active one first). Undefined when the
 * container is not (yet) there.
 */
export function pageScopes(
  page: { container?: GradeGridPage['container'] },
  doc: Document,
): ParentNode[] | undefined {
  let current: Document = doc;
  const container = page.container;
  const windows = container?.window
    ? [...current.querySelectorAll(container.window)].sort(
        (a, b) => Number(b.className.includes('active')) - Number(a.className.includes('active')),
      )
    : undefined;
  if (windows && windows.length === 0) return undefined;
  if (container?.frames) {
    let scopes: ParentNode[] = windows ?? [current];
    for (const selector of container.frames) {
      let frameDoc: Document | undefined;
      for (const scope of scopes) {
        const frame = scope.querySelector(selector) as HTMLIFrameElement | null;
        try {
          frameDoc = frame?.contentDocument ?? undefined;
        } catch {
          frameDoc = undefined; // cross-origin: not ours to read
        }
        if (frameDoc) break;
      }
      if (!frameDoc || frameDoc.readyState === 'loading') return undefined;
      current = frameDoc;
      scopes = [current];
    }
    return [current];
  }
  return windows ?? [current];
}

/** Whether an element's own visible text is one of the variants. */
function textOf(element: Element): string {
  return (element.textContent ?? '').trim();
}

/** Checks a page's `when` detector in one scope (the URL part is checked by the caller). */
export function detectorHolds(when: GradeGridPage['when'], scope: ParentNode): boolean {
  if (when.selector && !scope.querySelector(when.selector)) return false;
  if (when.text) {
    const variants = when.text.map(textKey);
    const body = textKey((scope as Element).textContent ?? (scope as Document).body?.textContent ?? '');
    if (!variants.some((variant) => body.includes(variant))) return false;
  }
  return true;
}

/** Finds an element by a profile target: a selector, or a visible text among clickable elements. */
export function findTarget(
  target: { selector?: string; text?: string[] },
  scope: ParentNode,
): HTMLElement | undefined {
  if (target.selector) return (scope.querySelector(target.selector) as HTMLElement | null) ?? undefined;
  const variants = target.text ?? [];
  const candidates = scope.querySelectorAll(
    'button, a, input[type=button], input[type=submit], [role=button]',
  );
  for (const candidate of candidates) {
    const text = candidate.tagName === 'INPUT' ? (candidate as HTMLInputElement).value : textOf(candidate);
    if (matchesVariant(text, variants)) return candidate as HTMLElement;
  }
  return undefined;
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
  const scopes = pageScopes(page, doc);
  if (!scopes) return undefined;
  for (const scope of scopes) {
    if (!detectorHolds(page.when, scope)) continue;
    const table = scope.querySelector(page.grid.table);
    if (!isElement(table) || table.tagName !== 'TABLE') continue;
    const grid = createGrid(page, table as HTMLTableElement, scope, doc, unseen);
    if (grid) return grid;
  }
  return undefined;
}

/**
 * Typing into grade cells that no mounted grid listens to. The portal draws a new grid on a pager
 * click, a save or another book, and EduLens finds it a moment later (longer on a slow machine):
 * what the teacher types meanwhile is kept here per cell — a click-to-edit input is gone once the
 * teacher moves on — with what the cell showed before the first keystroke, until the grid of its
 * table takes it (`PortalGrid.typedEarlier`).
 */
export class UnseenTyping {
  /** Cell (`td`) → its value before the first keystroke (undefined when that was not seen). */
  private readonly cells = new Map<Element, string | undefined>();
  /** Input → its value when it got the focus. */
  private readonly focused = new WeakMap<Element, string>();

  constructor(
    /** The profile's cell inputs. */
    private readonly input: string,
    /** Whether a mounted grid sees typing in this cell itself. */
    private readonly seen: (cell: Element) => boolean,
  ) {}

  /** Listens to a document (the page's, or an iframe's) until the signal aborts. */
  watch(doc: Document, signal: AbortSignal): void {
    const note = (event: Event) => {
      // Only a person's typing: events scripts dispatch (EduLens' own writes, the portal's) are not.
      if (!event.isTrusted) return;
      const target = event.target;
      if (!isElement(target) || !target.matches(this.input)) return;
      const cell = target.closest('td');
      if (!cell || this.cells.has(cell) || this.seen(cell)) return;
      // Focus and `beforeinput` come before the value changes: the input shows what the portal drew.
      const value = (target as HTMLInputElement).value.trim();
      if (event.type === 'focusin') this.focused.set(target, value);
      else
        this.cells.set(cell, this.focused.get(target) ?? (event.type === 'beforeinput' ? value : undefined));
    };
    for (const type of ['focusin', 'beforeinput', 'input'])
      doc.addEventListener(type, note, { capture: true, signal });
  }

  /** The cells of `table` typed into, with their values before, forgotten here (and cells gone from the page). */
  take(table: Element): Map<Element, string | undefined> {
    const taken = new Map<Element, string | undefined>();
    for (const [cell, before] of this.cells) {
      if (cell.isConnected && !table.contains(cell)) continue;
      this.cells.delete(cell);
      if (cell.isConnected) taken.set(cell, before);
    }
    return taken;
  }
}

// ---------------------------------------------------------------------------------------------
// Headers

interface HeaderLayout {
  /** Texts top-down at each column position. */
  stacks: string[][];
}

/** Reads `headerRows` rows with rowspan/colspan into one text stack per column position. */
export function readHeader(table: HTMLTableElement, headerRows: number): HeaderLayout {
  const rows = [...(table.tHead?.rows ?? table.rows)].slice(0, headerRows);
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined) c++;
      const text = textOf(cell);
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        const target = grid[r + dr];
        if (!target) break;
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) target[c + dc] = text;
      }
      c += Math.max(1, cell.colSpan);
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  const stacks: string[][] = [];
  for (let c = 0; c < width; c++) {
    const stack: string[] = [];
    for (const row of grid) {
      const text = row[c];
      if (text !== undefined && text !== '' && stack[stack.length - 1] !== text) stack.push(text);
    }
    stacks.push(stack);
  }
  return { stacks };
}

/** Maps header stacks to the profile's columns. */
export function mapColumns(
  page: GradeGridPage,
  layout: HeaderLayout,
): { columns: GridColumn[]; keyPosition: number | undefined; namePosition: number | undefined } {
  const columns: GridColumn[] = [];
  const taken = new Set<number>();
  let keyPosition: number | undefined;
  let namePosition: number | undefined;
  layout.stacks.forEach((stack, position) => {
    if (keyPosition === undefined && stack.some((text) => matchesVariant(text, page.grid.rowKey.header))) {
      keyPosition = position;
      taken.add(position);
    }
  });
  for (const [kind, spec] of Object.entries(page.grid.columns)) {
    let index = 0;
    for (const [position, stack] of layout.stacks.entries()) {
      if (taken.has(position)) continue;
      // The group's text is the top of the stack; a single column may be named on any row.
      const hit = spec.repeat
        ? stack[0] !== undefined && matchesVariant(stack[0], spec.header)
        : stack.some((text) => matchesVariant(text, spec.header));
      if (!hit) continue;
      taken.add(position);
      if (kind === NAME_COLUMN) {
        namePosition = position;
        break;
      }
      columns.push({
        kind,
        index,
        position,
        headers: stack,
        label: stack.join(' '),
        computed: spec.computed === true,
      });
      index++;
      if (!spec.repeat) break;
    }
  }
  columns.sort((a, b) => a.position - b.position);
  return { columns, keyPosition, namePosition };
}

// ---------------------------------------------------------------------------------------------
// Cells

type ValueSetter = (this: HTMLInputElement, value: string) => void;

/**
 * Sets a field's value the way typing does: the native value setter of the element's own realm (an
 * iframe's inputs come from another window; a framework's own setter would swallow the change),
 * then input, change, blur and focusout. The realm's setters and event constructors are looked up
 * once per document: a fill writes hundreds of cells.
 */
function fieldWriter(doc: Document): (field: HTMLInputElement, value: string) => void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const setterOf = (proto: object) => Object.getOwnPropertyDescriptor(proto, 'value')!.set as ValueSetter;
  const setters: Record<string, ValueSetter> = {
    INPUT: setterOf((view?.HTMLInputElement ?? HTMLInputElement).prototype),
    TEXTAREA: setterOf((view?.HTMLTextAreaElement ?? HTMLTextAreaElement).prototype),
    SELECT: setterOf((view?.HTMLSelectElement ?? HTMLSelectElement).prototype),
  };
  const EventCtor = view?.Event ?? Event;
  const FocusCtor = view?.FocusEvent ?? FocusEvent;
  return (field, value) => {
    (setters[field.tagName] ?? setters.INPUT!).call(field, value);
    field.dispatchEvent(new EventCtor('input', { bubbles: true }));
    field.dispatchEvent(new EventCtor('change', { bubbles: true }));
    field.dispatchEvent(new FocusCtor('blur'));
    field.dispatchEvent(new FocusCtor('focusout', { bubbles: true }));
  };
}

function createGrid(
  page: GradeGridPage,
  table: HTMLTableElement,
  scope: ParentNode,
  topDocument: Document,
  unseen: UnseenTyping | undefined,
): PortalGrid | undefined {
  const layout = readHeader(table, page.grid.headerRows);
  const { columns, keyPosition, namePosition } = mapColumns(page, layout);
  if (keyPosition === undefined || columns.length === 0) return undefined;
  const keyAt: number = keyPosition;
  const doc = table.ownerDocument;
  const writeField = fieldWriter(doc);
  const inputSelector = page.cell.input;
  const clickSelector = page.cell.clickToEdit;
  const lockedSelector = page.cell.lockedWhen === 'no-input' ? undefined : page.cell.lockedWhen.selector;
  const needed = Math.max(keyPosition, namePosition ?? 0, ...columns.map((c) => c.position)) + 1;

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

  const inputOf = (td: Element): HTMLInputElement | undefined =>
    (td.querySelector(inputSelector) as HTMLInputElement | null) ?? undefined;

  function makeCell(row: GridRow, column: GridColumn, td: HTMLTableCellElement): GridCell {
    const lockedNow = () => {
      if (column.computed) return true;
      if (lockedSelector) return td.matches(lockedSelector);
      return !inputOf(td) && !(clickSelector && td.querySelector(clickSelector));
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
      write(value) {
        if (lockedNow()) return false;
        writing++;
        try {
          const input = open();
          if (!input) return false;
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
        if (tr.cells.length < needed) continue;
        const key = textOf(tr.cells[keyAt]!);
        if (key === '') continue;
        const cells: GridCell[] = [];
        const row: GridRow = {
          key,
          name: namePosition === undefined ? '' : textOf(tr.cells[namePosition]!),
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
    for (const s of [scope, doc, topDocument]) {
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
    context: () => readContext(page, scope, doc, topDocument, table),
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

// ---------------------------------------------------------------------------------------------
// Context (filters and headings found by their labels)

const CONTEXT_FIELDS = ['school', 'schoolYear', 'grade', 'class', 'subject', 'term'] as const;
/** Separators after which a heading's value stops ("Trường THCS A — Huyện B"). */
const VALUE_END = /\s+[—|]\s+|\s{2,}|\n/;

function valueNear(node: Text, labelLength: number): string | undefined {
  const parent = node.parentElement;
  if (!parent) return undefined;
  // 1. <label for=…> → the control it names.
  if (parent.tagName === 'LABEL') {
    const id = parent.getAttribute('for');
    const control = id ? parent.ownerDocument.getElementById(id) : null;
    if (control && 'value' in control) return String((control as HTMLInputElement).value).trim();
  }
  // 2. The rest of the same text ("Năm học 2025-2026").
  const rest = (node.textContent ?? '')
    .trim()
    .slice(labelLength)
    .replace(/^[\s:：.-]+/, '');
  const cut = rest.split(VALUE_END)[0]?.trim();
  if (cut) return cut;
  // 3. The next element: a control's value or its text.
  let next = parent.nextElementSibling;
  while (next && textOf(next) === '' && !next.querySelector('input, select')) next = next.nextElementSibling;
  if (!next) return undefined;
  const control = next.matches('input, select, textarea')
    ? next
    : next.querySelector('input:not([type=hidden]), select');
  if (control) return String((control as HTMLInputElement).value).trim() || undefined;
  return textOf(next).split(VALUE_END)[0]?.trim() || undefined;
}

/** Length in the original text of a label whose folded key prefixes the text's key. */
function labelPrefixLength(text: string, label: string): number | undefined {
  const wanted = textKey(label);
  if (wanted === '') return undefined;
  const key = textKey(text);
  if (key !== wanted && !key.startsWith(`${wanted} `)) return undefined;
  // Walk the original text until its folded prefix covers the label.
  for (let i = 1; i <= text.length; i++) {
    if (textKey(text.slice(0, i)) === wanted) {
      const after = text.slice(i);
      if (after === '' || !/^[\p{L}\p{N}]/u.test(after)) return i;
    }
  }
  return undefined;
}

export function readContext(
  page: Pick<GradeGridPage, 'context'>,
  scope: ParentNode,
  doc: Document,
  topDocument: Document,
  /** Never read labels inside the grid itself (a student may be called "Trường"). */
  exclude?: Element,
): PageContext {
  const context: PageContext = {};
  const spec = page.context;
  if (!spec) return context;
  const roots = [...new Set<ParentNode>([scope, doc, topDocument])];
  for (const field of CONTEXT_FIELDS) {
    const labels = (spec as Record<string, { label: string[] } | undefined>)[field]?.label;
    if (!labels) continue;
    search: for (const root of roots) {
      const ownerDoc =
        (root as Document).nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
      const walker = ownerDoc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */, {
        acceptNode: (node) => (exclude?.contains(node) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
      });
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const text = (node.textContent ?? '').trim();
        if (text === '' || text.length > 200) continue;
        for (const label of labels) {
          const length = labelPrefixLength(text, label);
          if (length === undefined) continue;
          const value = valueNear(node, length);
          if (value) {
            context[field] = value;
            break search;
          }
        }
      }
    }
  }
  return context;
}
