import { isElement } from './text';

// What the teacher types before EduLens has found the grid it belongs to.

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
