import { isElement } from '../text';
import type { CellEdit, GridCell, PortalGrid, WriteResult } from './types';

// Who hears about edits of a grid's cells: the teacher's typing (one capture listener on the
// grid's document serves every feature: each input event of a fill crosses into the content script
// once, not once per feature) and EduLens' own writes, reported once per batch.

export interface EditHub extends Pick<PortalGrid, 'onEdit' | 'writeMany'> {
  /** Depth of EduLens' own writes in progress: typing is not reported meanwhile. */
  writing: { depth: number };
  emit(edits: CellEdit[]): void;
  /** Whether any feature listens. */
  listened(): boolean;
}

export function editHub(
  doc: Document,
  inputSelector: string,
  cellOf: (element: Element) => GridCell | undefined,
  /** Starts watching rows (first listener), and is told when the last edit listener left. */
  lifecycle: { start(): void; idle(): void },
): EditHub {
  const listeners = new Set<(edits: CellEdit[]) => void>();
  const writing = { depth: 0 };
  let typing: AbortController | undefined;
  const emit = (edits: CellEdit[]) => {
    if (edits.length === 0) return;
    for (const listener of listeners) listener(edits);
  };
  /** The teacher's typing (EduLens' own writes are reported by `write`/`writeMany`). */
  const onTyped = (event: Event) => {
    if (writing.depth > 0) return;
    const target = event.target;
    if (!isElement(target) || !target.matches(inputSelector)) return;
    const cell = cellOf(target);
    if (cell) emit([{ cell, value: (target as HTMLInputElement).value.trim(), source: 'user' }]);
  };
  return {
    writing,
    emit,
    listened: () => listeners.size > 0,
    writeMany(entries) {
      const result: WriteResult = { written: [], refused: [] };
      const edits: CellEdit[] = [];
      writing.depth++;
      try {
        for (const { cell, value } of entries) {
          if (cell.write(value)) {
            result.written.push(cell);
            edits.push({ cell, value, source: 'extension' });
          } else result.refused.push(cell);
        }
      } finally {
        writing.depth--;
      }
      emit(edits);
      return result;
    },
    onEdit(listener, signal) {
      if (signal.aborted) return;
      listeners.add(listener);
      lifecycle.start();
      if (!typing) {
        typing = new AbortController();
        doc.addEventListener('input', onTyped, { capture: true, signal: typing.signal });
      }
      signal.addEventListener(
        'abort',
        () => {
          listeners.delete(listener);
          if (listeners.size > 0) return;
          typing?.abort();
          typing = undefined;
          lifecycle.idle();
        },
        { once: true },
      );
    },
  };
}
