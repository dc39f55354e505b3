import type { GridCell, PortalGrid, WriteResult } from '../../lib/portal/grid';

// Writing a plan into the page: through PortalGrid.writeMany (native value setter + input/change/
// blur, locked cells refused), in time-boxed slices with a yield between them so the page stays
// responsive and a progress bar can move; undo writes the previous values back the same way.
// A paged or virtual grid draws its rows again and again: entries follow their cell by id.
//
// A yield is not free: the page renders a frame in it, and after a slice of writes that frame lays
// out and paints the whole grade table again (any cell's new value re-runs the table's layout; on
// the 45 × 12 grid at 6× CPU throttling one such frame took 80–100 ms, about as long as the slice).
// With a fixed budget a slow machine paid that frame after every slice: a class whose writes
// passed 100 ms (6× CPU on a busy machine) took three or four slices with a full-table frame
// between each, 430–640 ms instead of ~100. So the slices are paced by what a yield costs: no
// yield when the rest of the writes takes less than a slice, and after a yield the next slice is
// long enough that yields stay a small share of the fill.

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
   * grids get a moving progress bar and a responsive page. The slice after a yield works at least
   * YIELD_SHARE times as long as the yield took; 0 yields after every slice.
   */
  budgetMs?: number;
  /** Cells written between two clock reads. */
  sliceSize?: number;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/** After a yield, the next slice works at least this many times as long as the yield took. */
const YIELD_SHARE = 4;

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
  let budget = budgetMs;
  let sliceStart = performance.now();
  let sliceFirst = 0;
  for (let done = 0; done < entries.length;) {
    if (signal?.aborted) break;
    const slice = entries.slice(done, done + sliceSize);
    const written = grid.writeMany(slice);
    result.written.push(...written.written);
    result.refused.push(...written.refused);
    done += slice.length;
    const spent = performance.now() - sliceStart;
    if (done === entries.length || spent < budget) continue;
    // What is left takes less than a slice at this slice's pace: finishing now is cheaper than a
    // frame of the whole grid and a second one after it.
    const rest = ((entries.length - done) * spent) / (done - sliceFirst);
    if (rest < budget) continue;
    onProgress?.(done, entries.length);
    const yielded = performance.now();
    await yieldToPage();
    // The page's frame and tasks during the yield, at most a fifth of the time from here on
    // (a budget of 0 yields after every slice, as tests ask).
    budget = Math.max(budgetMs, budgetMs > 0 ? YIELD_SHARE * (performance.now() - yielded) : 0);
    sliceStart = performance.now();
    sliceFirst = done;
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
