import { cellKindOf, type GridColumnKind, type GridColumnSpec } from '@edulens/shared/profiles';
import type { CellKind } from '@edulens/shared/rules';
import type { GradeGridPage } from '../feature';
import { matchesVariant, textOf } from './text';

// A grid's header read from its markup — the rows of <thead>, or the leading rows of <th> cells;
// `th` or `td`; one to four rows; rowspan/colspan, including a rowspan that runs past the last row
// (vnEdu's single header row of `rowspan="2"` cells) — and mapped to the profile's logical columns.

const MAX_HEADER_ROWS = 4;

export interface GridColumn {
  kind: GridColumnKind;
  /** 0-based position inside a repeated group (ĐĐGtx 1 → 0); 0 for single columns. */
  index: number;
  /** Column position in the table (body cell index). */
  position: number;
  /** Header texts top-down, e.g. ["ĐĐGtx", "1"]. */
  headers: string[];
  /** Short label as the portal shows it: "ĐĐGtx 1", "KT CN". */
  label: string;
  /** Read, never written: computed by the portal, or a column that holds no entry. */
  computed: boolean;
  /** How the rulepack checks its cells; undefined for columns that hold no entry. */
  checks: CellKind | undefined;
}

export interface HeaderLayout {
  /** The header rows, which are never student rows. */
  rows: HTMLTableRowElement[];
  /** Texts top-down at each column position. */
  stacks: string[][];
}

/** The header rows of a table, from its markup; rows matching `skip` (a filter row) are not header. */
function headerRowsOf(table: HTMLTableElement, skip: string | undefined): HTMLTableRowElement[] {
  const kept = (row: HTMLTableRowElement) => skip === undefined || !row.matches(skip);
  const head = table.tHead;
  if (head && head.rows.length > 0) return [...head.rows].filter(kept).slice(0, MAX_HEADER_ROWS);
  const rows: HTMLTableRowElement[] = [];
  for (const row of table.rows) {
    if (!kept(row)) continue;
    if (rows.length === MAX_HEADER_ROWS || row.cells.length === 0) break;
    if (![...row.cells].every((cell) => cell.tagName === 'TH')) break;
    rows.push(row);
  }
  return rows;
}

/** Reads the header rows with rowspan/colspan into one text stack per column position. */
export function readHeader(table: HTMLTableElement, skip?: string): HeaderLayout {
  const rows = headerRowsOf(table, skip);
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
  return { rows, stacks };
}

export interface ColumnMap {
  columns: GridColumn[];
  keyPosition: number | undefined;
  /** Every position under the name header (family + middle, given name). */
  namePositions: number[];
}

/** Maps header stacks to the profile's columns. */
export function mapColumns(
  page: Pick<GradeGridPage, 'grid'>,
  layout: Pick<HeaderLayout, 'stacks'>,
): ColumnMap {
  const columns: GridColumn[] = [];
  const taken = new Set<number>();
  const namePositions: number[] = [];
  let keyPosition: number | undefined;
  layout.stacks.forEach((stack, position) => {
    if (keyPosition === undefined && stack.some((text) => matchesVariant(text, page.grid.rowKey.header))) {
      keyPosition = position;
      taken.add(position);
    }
  });
  for (const [kind, spec] of Object.entries(page.grid.columns) as [GridColumnKind, GridColumnSpec?][]) {
    if (!spec) continue;
    const positions = positionsUnder(layout.stacks, spec, taken, kind === 'name');
    if (kind === 'name') {
      namePositions.push(...positions);
      continue;
    }
    const checks = cellKindOf(kind);
    positions.forEach((position, index) => {
      const stack = layout.stacks[position]!;
      columns.push({
        kind,
        index,
        position,
        headers: stack,
        label: stack.join(' '),
        computed: spec.computed === true || checks === undefined,
        checks,
      });
    });
  }
  columns.sort((a, b) => a.position - b.position);
  return { columns, keyPosition, namePositions };
}

/**
 * The positions under one column's header not `taken` yet (and now taken): every cell of a repeated
 * group, else the first; `run` takes a run of neighbouring positions under one header (a name split
 * into family and given name).
 */
export function positionsUnder(
  stacks: readonly string[][],
  spec: GridColumnSpec,
  taken: Set<number>,
  run = false,
): number[] {
  const positions: number[] = [];
  for (const [position, stack] of stacks.entries()) {
    if (taken.has(position)) continue;
    // The group's text is the top of the stack; a single column may be named on any row.
    const hit = spec.repeat
      ? stack[0] !== undefined && matchesVariant(stack[0], spec.header)
      : stack.some((text) => matchesVariant(text, spec.header));
    if (!hit) {
      if (run && positions.length > 0) break;
      continue;
    }
    taken.add(position);
    positions.push(position);
    if (!spec.repeat && !run) break;
  }
  return positions;
}
