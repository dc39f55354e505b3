import type { GradeGridPage } from '../../feature';
import type { GridColumn } from '../header';
import type { GridCell, GridRow, LastEdit } from './types';

// One grade cell as the profile's `cell` describes it: its input (remembered while it stays), how
// it reads, whether it is locked, what the portal last saved, who changed it last, how it is
// written (the way typing does) and focused. A cell whose row the portal redrew finds the cell now
// drawn under its id, so a fill that spans a re-render writes where the teacher sees it.

/** "annv.thcsnd - 10:22:01 12/05/2026" (a comment's title adds " - 57 ký tự"). */
const LAST_EDIT = /^\s*(\S.*?)\s+-\s+(\d{1,2}:\d{2}(?::\d{2})?\s+\d{1,2}\/\d{1,2}\/\d{4})/;

export function parseLastEdit(text: string): LastEdit | undefined {
  const match = LAST_EDIT.exec(text);
  return match ? { user: match[1]!, at: match[2]!.replace(/\s+/g, ' ') } : undefined;
}

/** What every cell of one grid shares. */
export interface CellParts {
  spec: GradeGridPage['cell'];
  doc: Document;
  /** Writes a field the way typing does (see `fieldWriter`). */
  writeField: (field: HTMLInputElement, value: string) => void;
  /** The cell drawn now under an id (after the portal redrew its row). */
  redrawn: (id: string) => HTMLTableCellElement | undefined;
  /** Around EduLens' own writes: they are reported once, not as typing. */
  writing: { depth: number };
  /** Reports EduLens' own write of one cell. */
  wrote: (cell: GridCell, value: string) => void;
  /** The element that scrolls the rows (`grid.body.scroller`), if any. */
  scroller?: string;
}

/** Scrolls `element` into the middle of its scroller (a grid body with its own scroll bar). */
function scrollWithin(scroller: Element, element: Element): void {
  const box = scroller.getBoundingClientRect();
  const target = element.getBoundingClientRect();
  scroller.scrollTop += target.top - box.top - (scroller.clientHeight - target.height) / 2;
  scroller.scrollLeft += target.left - box.left - (scroller.clientWidth - target.width) / 2;
}

export function makeCell(
  parts: CellParts,
  row: GridRow,
  column: GridColumn,
  drawn: HTMLTableCellElement,
): GridCell {
  const { spec, doc, writeField, writing } = parts;
  const inputSelector = spec.input;
  const clickSelector = spec.clickToEdit;
  const id = `${row.key}|${column.kind}|${column.index}`;
  let td = drawn;
  /** The td in the page now: this one, or the one the portal drew in its place. */
  const live = (): HTMLTableCellElement => {
    if (!td.isConnected) td = parts.redrawn(id) ?? td;
    return td;
  };
  // Every read, write, lock check and saved-value lookup starts from the cell's input: remembered
  // while it stays there (a click-to-edit span or a redraw puts another one in its place).
  let known: HTMLInputElement | undefined;
  const inputOf = (): HTMLInputElement | undefined => {
    const cell = live();
    if (known && cell.contains(known)) return known;
    known = (cell.querySelector(inputSelector) as HTMLInputElement | null) ?? undefined;
    return known;
  };
  const clickable = (): Element | null => (clickSelector ? live().querySelector(clickSelector) : null);
  const lockedNow = () => {
    if (column.computed) return true;
    const input = inputOf();
    return spec.locked.some((rule) => {
      switch (rule) {
        case 'no-input':
          return !input && !clickable();
        case 'disabled':
          return input?.disabled === true;
        case 'readonly':
          return input?.readOnly === true;
        default:
          return live().matches(rule.selector);
      }
    });
  };
  /** An attribute of the cell's input (or its click-to-edit span), else of the cell. */
  const attr = (name: string): string | undefined => {
    const holder = inputOf() ?? clickable();
    return holder?.getAttribute(name) ?? live().getAttribute(name) ?? undefined;
  };
  const open = (): HTMLInputElement | undefined => {
    const input = inputOf();
    if (input) return input;
    clickable()?.dispatchEvent(new (doc.defaultView?.MouseEvent ?? MouseEvent)('click', { bubbles: true }));
    return inputOf();
  };
  const cell: GridCell = {
    id,
    row,
    column,
    get element() {
      return live();
    },
    get locked() {
      return lockedNow();
    },
    get name() {
      const input = inputOf();
      if (input) return input.name || undefined;
      return clickable()?.getAttribute('data-name') ?? undefined;
    },
    read() {
      const input = inputOf();
      if (input) return input.value.trim();
      return ((clickable() ?? live()).textContent ?? '').trim();
    },
    saved() {
      const name = spec.savedValue?.attr;
      return name === undefined ? undefined : attr(name)?.trim();
    },
    lastEdit() {
      const name = spec.lastEdit?.attr;
      return name === undefined ? undefined : parseLastEdit(attr(name) ?? '');
    },
    maxLength() {
      const limit = inputOf()?.maxLength ?? -1;
      return limit > 0 ? limit : undefined;
    },
    write(value) {
      if (lockedNow()) return false;
      writing.depth++;
      try {
        const input = open();
        // A disabled or read-only input is never written, whatever the profile says.
        if (!input || input.disabled || input.readOnly) return false;
        writeField(input, value);
      } finally {
        writing.depth--;
      }
      if (writing.depth === 0) parts.wrote(cell, value);
      return true;
    },
    focus() {
      const element = live();
      const scroller = parts.scroller ? element.closest(parts.scroller) : null;
      if (scroller) scrollWithin(scroller, element);
      element.scrollIntoView({ block: 'center', inline: 'center' });
      (open() ?? element).focus();
    },
  };
  return cell;
}
