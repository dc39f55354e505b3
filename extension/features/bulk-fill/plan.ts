import { type MatchMethod, matchRows, type RowMatch } from '@edulens/shared/matching';
import type { FillColumn, FillRow, FillSource } from '@edulens/shared/sheets';
import type { Bilingual } from '../../lib/messages';
import type { CellKind } from '@edulens/shared/rules';
import { type CheckValue, sameValue } from './values';

// The fill plan: which file row is which student on the page, and per cell what will change
// (old → new) and what is skipped and why. Pure over the grid's rows and cells, so it is built
// for the preview and never touches the page.

/** The parts of a grid cell the plan reads (PortalGrid's GridCell has them all). */
export interface PlanCell {
  readonly id: string;
  readonly column: { kind: string; index: number; label: string; computed: boolean; checks?: CellKind };
  readonly locked: boolean;
  read(): string;
  /** The input's own length limit, if any (comments). */
  maxLength?(): number | undefined;
}

/** A student as the grid shows it: its row key (student code) and name. */
export interface Student {
  key: string;
  name: string;
}

export interface PlanRow<C extends PlanCell = PlanCell> extends Student {
  cells: C[];
}

export type SkipReason = 'locked' | 'unchanged' | 'invalid' | 'no-column';

export interface Change<C extends PlanCell = PlanCell> {
  cell: C;
  before: string;
  after: string;
}

export interface Skip<C extends PlanCell = PlanCell> {
  /** Column label on the page (or in the file when the page has no such column). */
  column: string;
  value: string;
  reason: SkipReason;
  message?: Bilingual;
  cell?: C;
}

/** 'pending': the student is not in the DOM now (another page of a paged or virtual grid). */
export type RowStatus = 'matched' | 'pending' | 'unknown' | 'ambiguous' | 'duplicate';

export interface PlannedRow<C extends PlanCell = PlanCell, R extends PlanRow<C> = PlanRow<C>> {
  /** The row of the file (1-based, as Excel numbers it). */
  line: number;
  code: string;
  name: string;
  status: RowStatus;
  method?: MatchMethod;
  confidence?: number;
  /** Doubts worth showing next to a match. */
  notes: ('name-differs' | 'code-differs' | 'by-elimination')[];
  target?: R;
  /** For ambiguous and duplicate rows: the students it could be. */
  candidates: Student[];
  /** For unknown rows: the closest name on the page. */
  nearest?: Student;
  changes: Change<C>[];
  skips: Skip<C>[];
}

export interface FillPlan<C extends PlanCell = PlanCell, R extends PlanRow<C> = PlanRow<C>> {
  rows: PlannedRow<C, R>[];
  /** Every cell that will be written, in file order. */
  changes: Change<C>[];
  /** Students of the page that no row of the file names. */
  missing: R[];
  /** File columns with no column on the page. */
  unmappedColumns: string[];
  counts: {
    changes: number;
    skipped: number;
    matched: number;
    pending: number;
    unknown: number;
    ambiguous: number;
    duplicate: number;
  };
}

/** The page column a file column fills: by kind and position, or by order for a headerless block. */
function columnMap<C extends PlanCell>(
  columns: readonly FillColumn[],
  sample: readonly C[],
): (number | undefined)[] {
  const fillable = sample.filter((cell) => !cell.column.computed && cell.column.checks !== undefined);
  return columns.map((column) => {
    const found =
      column.kind === null
        ? fillable[column.index]
        : fillable.find((cell) => cell.column.kind === column.kind && cell.column.index === column.index);
    return found ? sample.indexOf(found) : undefined;
  });
}

function notesOf(match: RowMatch): PlannedRow['notes'] {
  if (match.status !== 'matched') return [];
  const notes: PlannedRow['notes'] = [];
  if (match.nameDiffers) notes.push('name-differs');
  if (match.codeDiffers) notes.push('code-differs');
  if (match.byElimination) notes.push('by-elimination');
  return notes;
}

function planCells<C extends PlanCell>(
  source: FillRow,
  target: PlanRow<C>,
  columns: readonly FillColumn[],
  map: readonly (number | undefined)[],
  check: CheckValue,
): { changes: Change<C>[]; skips: Skip<C>[] } {
  const changes: Change<C>[] = [];
  const skips: Skip<C>[] = [];
  source.values.forEach((raw, i) => {
    const value = raw.trim();
    if (value === '') return; // a blank in the file never clears the page
    const position = map[i];
    const cell = position === undefined ? undefined : target.cells[position];
    const kind = cell?.column.computed ? undefined : cell?.column.checks;
    if (!cell || kind === undefined) {
      skips.push({ column: columns[i]?.label ?? '', value, reason: 'no-column' });
      return;
    }
    const label = cell.column.label;
    const checked = check(value, kind, cell.maxLength?.());
    if (!checked.ok) {
      skips.push({ column: label, value, reason: 'invalid', message: checked.message, cell });
      return;
    }
    const before = cell.read();
    if (sameValue(check, kind, before, checked.value)) {
      skips.push({ column: label, value: checked.value, reason: 'unchanged', cell });
      return;
    }
    if (cell.locked) {
      skips.push({ column: label, value: checked.value, reason: 'locked', cell });
      return;
    }
    changes.push({ cell, before, after: checked.value });
  });
  return { changes, skips };
}

export interface PlanOptions {
  /**
   * The grid has only part of the book in the DOM (a page, the rows scrolled into view): a row of
   * the file that fits no student there waits for its student ('pending') instead of being unknown.
   */
  partial?: boolean;
  /**
   * Students of the book seen earlier but not in the DOM now. They take part in matching, so a name
   * that fits one of them as well is not guessed onto a row on screen; a row matching one waits.
   */
  offscreen?: readonly Student[];
}

/** Matches the file's rows to the page's rows and lists, cell by cell, what a fill would do. */
export function buildPlan<C extends PlanCell, R extends PlanRow<C>>(
  source: FillSource,
  pageRows: readonly R[],
  check: CheckValue,
  options: PlanOptions = {},
): FillPlan<C, R> {
  const { partial = false, offscreen = [] } = options;
  const students: readonly Student[] = [...pageRows, ...offscreen];
  const { rows: matches } = matchRows(
    source.rows.map(({ code, name }) => ({ code, name })),
    students.map(({ key, name }) => ({ code: key, name })),
  );
  const map = columnMap(source.columns, pageRows[0]?.cells ?? []);
  const matchedTargets = new Set<number>();
  const rows = source.rows.map((fileRow, i): PlannedRow<C, R> => {
    const match = matches[i]!;
    const base = { line: fileRow.row + 1, code: fileRow.code, name: fileRow.name, notes: notesOf(match) };
    const waits =
      match.status === 'matched' ? match.target >= pageRows.length : match.status === 'unknown' && partial;
    if (waits) {
      return { ...base, notes: [], status: 'pending', candidates: [], changes: [], skips: [] };
    }
    if (match.status === 'matched') {
      matchedTargets.add(match.target);
      const target = pageRows[match.target]!;
      return {
        ...base,
        status: 'matched',
        method: match.method,
        confidence: match.confidence,
        target,
        candidates: [],
        ...planCells(fileRow, target, source.columns, map, check),
      };
    }
    if (match.status === 'unknown') {
      const nearest = match.nearest ? students[match.nearest.target] : undefined;
      return {
        ...base,
        status: 'unknown',
        candidates: [],
        ...(nearest && { nearest }),
        changes: [],
        skips: [],
      };
    }
    return {
      ...base,
      status: match.status,
      method: match.method,
      candidates: match.candidates.map((t) => students[t]!),
      changes: [],
      skips: [],
    };
  });
  const changes = rows.flatMap((row) => row.changes);
  const count = (status: RowStatus) => rows.filter((row) => row.status === status).length;
  return {
    rows,
    changes,
    missing: pageRows.filter((_, i) => !matchedTargets.has(i)),
    unmappedColumns: source.columns.filter((_, i) => map[i] === undefined).map((column) => column.label),
    counts: {
      changes: changes.length,
      skipped: rows.reduce(
        (sum, row) => sum + row.skips.filter((skip) => skip.reason !== 'unchanged').length,
        0,
      ),
      matched: count('matched'),
      pending: count('pending'),
      unknown: count('unknown'),
      ambiguous: count('ambiguous'),
      duplicate: count('duplicate'),
    },
  };
}
