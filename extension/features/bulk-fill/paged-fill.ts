import { matchRows } from '@edulens/shared/matching';
import type { FillRow, FillSource } from '@edulens/shared/sheets';
import type { FillEntry, FillRecord, UndoResult } from './filler';
import { buildPlan, type FillPlan, type PlanCell, type PlanRow, type Student } from './plan';
import type { CheckValue } from './values';

// A fill that outlives the grid's re-renders. A paged or virtually scrolled grid has only some
// students in the DOM: the rows of the file that fit none of them wait, and whenever rows render
// the waiting rows are matched again — same rules, one to one, against every student seen so far —
// and those whose student is on screen are filled. An undo follows the filled cells onto the other
// pages the same way. Pure: the engine keeps one per document and writes what each step plans.
// A row matched by name while part of the class was out of sight may have picked the wrong one of
// two students who fit it alike: when such a student shows up later, the row is reported as a doubt.

export interface FillTally {
  /** File rows that found their student (each student once). */
  matched: number;
  /** Cells written. */
  cells: number;
  /** Cells not filled: invalid, locked, no such column, or refused when written. */
  skipped: number;
  unknown: number;
  /** Ambiguous or duplicate rows: never guessed. */
  unsure: number;
  /** Waiting rows the teacher stopped waiting for. */
  stopped: number;
}

export interface UndoProgress<C> {
  restored: number;
  /** Changed since the fill (by the teacher or the page): left alone. */
  changed: number;
  /** Filled cells of rows not in the DOM: restored when their rows render. */
  waiting: FillEntry<C>[];
  /** Waiting cells the teacher chose to save as filled. */
  kept: number;
}

/** A file row filled by name (not by student code) and the student it went to. */
export interface NamedMatch {
  row: FillRow;
  target: Student;
}

/** A named match that a student seen later fits as well or better: the teacher should check it. */
export interface Doubt extends NamedMatch {
  other: Student;
}

export interface PagedFill<C extends PlanCell = PlanCell> {
  /** The book filled (class, subject, term): a fill never follows the teacher to another one. */
  book: string;
  source: FillSource;
  /** The grid has only part of the book in the DOM: rows that fit no student there wait. */
  partial: boolean;
  /** File rows whose student has not been in the DOM yet, in file order. */
  waiting: FillRow[];
  /** Students seen since the fill began (key → name): they count when the waiting rows are matched. */
  seen: ReadonlyMap<string, string>;
  /** Students this fill has filled: never matched again. */
  taken: ReadonlySet<string>;
  named: NamedMatch[];
  doubts: Doubt[];
  record: FillRecord<C>;
  tally: FillTally;
  undo?: UndoProgress<C>;
  /** The portal's "Lưu" succeeded after this fill: no reminder to press it. */
  saved?: boolean;
}

export function startPagedFill<C extends PlanCell>(
  book: string,
  source: FillSource,
  partial: boolean,
): PagedFill<C> {
  return {
    book,
    source,
    partial,
    waiting: [...source.rows],
    seen: new Map(),
    taken: new Set(),
    named: [],
    doubts: [],
    record: { entries: [], refused: [] },
    tally: { matched: 0, cells: 0, skipped: 0, unknown: 0, unsure: 0, stopped: 0 },
  };
}

/** The plan of the waiting rows against the students in the DOM now that this fill has not filled. */
export function planWaiting<C extends PlanCell, R extends PlanRow<C>>(
  fill: PagedFill<C>,
  rendered: readonly R[],
  check: CheckValue,
): FillPlan<C, R> {
  const onScreen = new Set(rendered.map((row) => row.key));
  const offscreen: Student[] = [...fill.seen]
    .filter(([key]) => !onScreen.has(key) && !fill.taken.has(key))
    .map(([key, name]) => ({ key, name }));
  return buildPlan(
    { ...fill.source, rows: fill.waiting },
    rendered.filter((row) => !fill.taken.has(row.key)),
    check,
    { partial: fill.partial, offscreen },
  );
}

/** Named matches that a student just seen fits as well or better (by the same matching rules). */
function doubtsAbout(named: readonly NamedMatch[], newcomers: readonly Student[]): Doubt[] {
  const doubts: Doubt[] = [];
  for (const match of named) {
    for (const other of newcomers) {
      const [again] = matchRows(
        [match.row],
        [match.target, other].map(({ key, name }) => ({ code: key, name })),
      ).rows;
      if (again?.status !== 'matched' || again.target !== 0) doubts.push({ ...match, other });
    }
  }
  return doubts;
}

/** The fill after one step: what `planWaiting` decided and what writing its changes did. */
export function settleStep<C extends PlanCell, R extends PlanRow<C>>(
  fill: PagedFill<C>,
  plan: FillPlan<C, R>,
  rendered: readonly R[],
  written: FillRecord<C>,
): PagedFill<C> {
  const handled = new Set<C>([...written.entries.map((entry) => entry.cell), ...written.refused]);
  const waiting: FillRow[] = [];
  const taken = new Set(fill.taken);
  const named = [...fill.named];
  const byCode = new Set<string>();
  const tally: FillTally = {
    ...fill.tally,
    cells: fill.tally.cells + written.entries.length,
    skipped: fill.tally.skipped + written.refused.length,
  };
  plan.rows.forEach((row, i) => {
    const fileRow = fill.waiting[i]!;
    switch (row.status) {
      case 'pending':
        waiting.push(fileRow);
        break;
      case 'matched': {
        // A doubtful row the teacher did not tick is never filled: settled, as unsure.
        if (!row.ticked) {
          tally.unsure++;
          break;
        }
        // The page went away in the middle of writing this row: it is finished when it shows again.
        if (row.changes.some((change) => !handled.has(change.cell))) {
          waiting.push(fileRow);
          break;
        }
        const { key, name } = row.target!;
        taken.add(key);
        if (row.method === 'code') byCode.add(key);
        else named.push({ row: fileRow, target: { key, name } });
        tally.matched++;
        tally.skipped += row.skips.filter((skip) => skip.reason !== 'unchanged').length;
        break;
      }
      case 'unknown':
      case 'not-in-class':
        tally.unknown++;
        break;
      case 'ambiguous':
      case 'duplicate':
        tally.unsure++;
        break;
    }
  });
  // A student its own code claimed casts no doubt: whole-class matching would not give it away either.
  const newcomers = rendered.filter((row) => !fill.seen.has(row.key) && !byCode.has(row.key));
  const seen = new Map(fill.seen);
  for (const row of rendered) seen.set(row.key, row.name);
  return {
    ...fill,
    waiting,
    seen,
    taken,
    named,
    doubts: [...fill.doubts, ...doubtsAbout(fill.named, newcomers)],
    tally,
    record: {
      entries: [...fill.record.entries, ...written.entries],
      refused: [...fill.record.refused, ...written.refused],
    },
  };
}

/** The teacher stops waiting: the rows still waiting are not filled. */
export function stopWaiting<C extends PlanCell>(fill: PagedFill<C>): PagedFill<C> {
  return {
    ...fill,
    waiting: [],
    tally: { ...fill.tally, stopped: fill.tally.stopped + fill.waiting.length },
  };
}

/** The teacher typed into these cells (by id): their values are the teacher's now, not the fill's. */
export function withoutCells<C extends PlanCell>(fill: PagedFill<C>, ids: ReadonlySet<string>): PagedFill<C> {
  const kept = (entry: FillEntry<C>) => !ids.has(entry.cell.id);
  return {
    ...fill,
    record: { ...fill.record, entries: fill.record.entries.filter(kept) },
    ...(fill.undo && { undo: { ...fill.undo, waiting: fill.undo.waiting.filter(kept) } }),
  };
}

/** What an undo step works on: the whole record at first, then the cells still waiting. */
export function toUndo<C extends PlanCell>(fill: PagedFill<C>): FillEntry<C>[] {
  return fill.undo ? fill.undo.waiting : fill.record.entries;
}

/** The fill after an undo step: nothing waits to be filled any more; offscreen cells wait to be restored. */
export function settleUndo<C extends PlanCell>(fill: PagedFill<C>, result: UndoResult<C>): PagedFill<C> {
  const undo = fill.undo ?? { restored: 0, changed: 0, waiting: [], kept: 0 };
  return {
    ...fill,
    waiting: [],
    record: { entries: [], refused: [] },
    undo: {
      ...undo,
      restored: undo.restored + result.restored.length,
      changed: undo.changed + result.changed.length,
      waiting: result.waiting,
    },
  };
}

/** "Lưu" while cells wait to be restored, and the teacher saves them as filled. */
export function keepUndoWaiting<C extends PlanCell>(fill: PagedFill<C>): PagedFill<C> {
  if (!fill.undo) return fill;
  return { ...fill, undo: { ...fill.undo, waiting: [], kept: fill.undo.kept + fill.undo.waiting.length } };
}
