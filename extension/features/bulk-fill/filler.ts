import type { GridCell, PortalGrid, WriteResult } from '../../lib/portal-grid';

// Writing a plan into the page: through PortalGrid.writeMany (native value setter + input/change/
// blur, locked cells refused), in time-boxed slices with a yield between them so the page stays
// responsive and a progress bar can move; undo writes the previous values back the same way.
// A paged or virtual grid draws its rows again and again: entries follow their cell by id.

export interface FillEntry<C = GridCell> {
  cell: C;
  before: string;
  after: string;
}

/** What one fill did, kept for undo and for the check before "Lưu". */
export interface FillRecord<C = GridCell> {
  entries: FillEntry<C>[];
  refused: C[];
}

export interface ChunkOptions {
  /**
   * Work per slice before yielding, in ms: a whole class usually fits in one (a yield lets the
   * page render and run its timers, which costs more than the writes); slow portals or very large
   * grids get a moving progress bar and a responsive page.
   */
  budgetMs?: number;
  /** Cells written between two clock reads. */
  sliceSize?: number;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/** Gives the event loop a turn without the 4 ms clamp of nested timers. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Writes `entries` (cell → value) in slices; stops early when the signal aborts. */
export async function writeInChunks(
  grid: Pick<PortalGrid, 'writeMany'>,
  entries: ReadonlyArray<{ cell: GridCell; value: string }>,
  options: ChunkOptions = {},
): Promise<WriteResult> {
  const { budgetMs = 100, sliceSize = 48, onProgress, signal } = options;
  const result: WriteResult = { written: [], refused: [] };
  let sliceStart = performance.now();
  for (let done = 0; done < entries.length;) {
    if (signal?.aborted) break;
    const slice = entries.slice(done, done + sliceSize);
    const written = grid.writeMany(slice);
    result.written.push(...written.written);
    result.refused.push(...written.refused);
    done += slice.length;
    if (done < entries.length && performance.now() - sliceStart >= budgetMs) {
      onProgress?.(done, entries.length);
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  onProgress?.(entries.length, entries.length);
  return result;
}

/** Fills the planned changes; the record lists what was written, for undo and the re-check. */
export async function fill(
  grid: Pick<PortalGrid, 'writeMany'>,
  changes: ReadonlyArray<FillEntry>,
  options: ChunkOptions = {},
): Promise<FillRecord> {
  const result = await writeInChunks(
    grid,
    changes.map(({ cell, after }) => ({ cell, value: after })),
    options,
  );
  const written = new Set(result.written);
  return { entries: changes.filter((entry) => written.has(entry.cell)), refused: result.refused };
}

/** Whether a cell still shows what was filled into it (same score in any spelling). */
export type Holds = (entry: FillEntry) => boolean;

/** The entries with the cells the grid shows now (same id); entries of rows not in the DOM stay as they were. */
export function rebind<C extends { id: string }>(
  entries: readonly FillEntry<C>[],
  cellById: (id: string) => C | undefined,
): FillEntry<C>[] {
  return entries.map((entry) => {
    const cell = cellById(entry.cell.id);
    return cell && cell !== entry.cell ? { ...entry, cell } : entry;
  });
}

/** Filled cells the page (or the teacher) has changed since the fill. */
export function changedSinceFill(record: Pick<FillRecord, 'entries'>, holds: Holds): FillEntry[] {
  return record.entries.filter((entry) => entry.cell.element.isConnected && !holds(entry));
}

export interface UndoResult<C = GridCell> {
  restored: FillEntry<C>[];
  /** Changed since the fill (by the teacher or the page): left alone. */
  changed: FillEntry<C>[];
  /**
   * Not undone yet — rows not in the DOM (another page), or the page went away while writing:
   * undone once their rows render (rebind, then undo them).
   */
  waiting: FillEntry<C>[];
}

/**
 * Puts the previous values back in the cells that still hold the filled value; cells changed
 * since (by the teacher or the page) are left alone and returned, and so are cells not in the DOM.
 */
export async function undoFill(
  grid: Pick<PortalGrid, 'writeMany'>,
  record: Pick<FillRecord, 'entries'>,
  holds: Holds,
  options: ChunkOptions = {},
): Promise<UndoResult> {
  const offscreen = record.entries.filter((entry) => !entry.cell.element.isConnected);
  const restorable = record.entries.filter((entry) => entry.cell.element.isConnected && holds(entry));
  const changed = record.entries.filter((entry) => !offscreen.includes(entry) && !restorable.includes(entry));
  const result = await writeInChunks(
    grid,
    restorable.map(({ cell, before }) => ({ cell, value: before })),
    options,
  );
  const written = new Set(result.written);
  const refused = new Set(result.refused);
  return {
    restored: restorable.filter((entry) => written.has(entry.cell)),
    changed,
    waiting: [
      ...offscreen,
      ...restorable.filter((entry) => !written.has(entry.cell) && !refused.has(entry.cell)),
    ],
  };
}
