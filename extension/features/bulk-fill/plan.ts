import { type MatchDoubt, type MatchMethod, matchRows } from '@edulens/shared/matching';
import type { FillColumn, FillRow, FillSource } from '@edulens/shared/sheets';
import type { Message } from '@edulens/shared';
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

/** A student as the grid shows it: its row key (student code), name and birth date if shown. */
export interface Student {
  key: string;
  name: string;
  birthDate?: string;
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
  message?: Message;
  cell?: C;
}

/**
 * 'pending': the student is not in the DOM now (another page of a paged or virtual grid);
 * 'not-in-class': the file gives a code no student of the book has (never matched by name).
 */
export type RowStatus = 'matched' | 'pending' | 'unknown' | 'not-in-class' | 'ambiguous' | 'duplicate';

export interface PlannedRow<C extends PlanCell = PlanCell, R extends PlanRow<C> = PlanRow<C>> {
  /** The row of the file (1-based, as Excel numbers it). */
  line: number;
  code: string;
  name: string;
  status: RowStatus;
  method?: MatchMethod;
  confidence?: number;
  /** Why a match is doubtful: shown in words; a doubtful row starts unticked. */
  doubts: MatchDoubt[];
  /** Filled when the fill runs: sure matches start ticked, doubtful ones unticked. */
  ticked: boolean;
  target?: R;
  /** For ambiguous and duplicate rows: the students it could be. */
  candidates: Student[];
  /** For unknown rows: the closest name on the page; for rows not in the class: the same name there. */
  nearest?: Student;
  changes: Change<C>[];
  skips: Skip<C>[];
}

export interface FillPlan<C extends PlanCell = PlanCell, R extends PlanRow<C> = PlanRow<C>> {
  rows: PlannedRow<C, R>[];
  /** Every cell that will be written (the ticked rows'), in file order. */
  changes: Change<C>[];
  /** Students of the page that no row of the file names. */
  missing: R[];
  /** Students an ambiguous or duplicate row might be: not filled, not missing either. */
  unsure: R[];
  /** File columns with no column on the page. */
  unmappedColumns: string[];
  counts: {
    changes: number;
    /** Of the changes, cells that hold a value already (overwritten, not filled). */
    overwrites: number;
    skipped: number;
    matched: number;
    /** Matched rows left unticked for their doubts. */
    doubtful: number;
    pending: number;
    unknown: number;
    notInClass: number;
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
  const { rows: matches, unsureTargets } = matchRows(
    source.rows.map(({ code, name, birthDate }) => ({ code, name, birthDate })),
    students.map(({ key, name, birthDate }) => ({ code: key, name, ...(birthDate && { birthDate }) })),
  );
  const map = columnMap(source.columns, pageRows[0]?.cells ?? []);
  const matchedTargets = new Set<number>();
  const rows = source.rows.map((fileRow, i): PlannedRow<C, R> => {
    const match = matches[i]!;
    const base = {
      line: fileRow.row + 1,
      code: fileRow.code,
      name: fileRow.name,
      doubts: [],
      ticked: false,
      candidates: [],
      changes: [],
      skips: [],
    };
    // On a grid showing part of the book, a student not seen yet may be on another page.
    const waits =
      match.status === 'matched'
        ? match.target >= pageRows.length
        : (match.status === 'unknown' || match.status === 'not-in-class') && partial;
    if (waits) return { ...base, status: 'pending' };
    switch (match.status) {
      case 'matched': {
        matchedTargets.add(match.target);
        const target = pageRows[match.target]!;
        return {
          ...base,
          status: 'matched',
          method: match.method,
          confidence: match.confidence,
          doubts: match.doubts,
          ticked: match.doubts.length === 0,
          target,
          ...planCells(fileRow, target, source.columns, map, check),
        };
      }
      case 'unknown': {
        const nearest = match.nearest ? students[match.nearest.target] : undefined;
        return { ...base, status: 'unknown', ...(nearest && { nearest }) };
      }
      case 'not-in-class': {
        const same = match.sameName === undefined ? undefined : students[match.sameName];
        return { ...base, status: 'not-in-class', ...(same && { nearest: same }) };
      }
      default:
        return {
          ...base,
          status: match.status,
          method: match.method,
          candidates: match.candidates.map((t) => students[t]!),
        };
    }
  });
  const unsure = new Set(unsureTargets);
  return withCounts({
    rows,
    missing: pageRows.filter((_, i) => !matchedTargets.has(i) && !unsure.has(i)),
    unsure: pageRows.filter((_, i) => unsure.has(i)),
    unmappedColumns: source.columns.filter((_, i) => map[i] === undefined).map((column) => column.label),
  });
}

/** The plan with the rows of these lines ticked (matched rows only) and every other row unticked. */
export function withTicks<C extends PlanCell, R extends PlanRow<C>>(
  plan: FillPlan<C, R>,
  lines: ReadonlySet<number>,
): FillPlan<C, R> {
  const rows = plan.rows.map((row) => ({ ...row, ticked: row.status === 'matched' && lines.has(row.line) }));
  return withCounts({ ...plan, rows });
}

function withCounts<C extends PlanCell, R extends PlanRow<C>>(
  plan: Omit<FillPlan<C, R>, 'changes' | 'counts'>,
): FillPlan<C, R> {
  const { rows } = plan;
  const changes = rows.filter((row) => row.ticked).flatMap((row) => row.changes);
  const count = (status: RowStatus) => rows.filter((row) => row.status === status).length;
  return {
    ...plan,
    changes,
    counts: {
      changes: changes.length,
      overwrites: changes.filter((change) => change.before !== '').length,
      skipped: rows.reduce(
        (sum, row) => sum + row.skips.filter((skip) => skip.reason !== 'unchanged').length,
        0,
      ),
      matched: count('matched'),
      doubtful: rows.filter((row) => row.status === 'matched' && row.doubts.length > 0).length,
      pending: count('pending'),
      unknown: count('unknown'),
      notInClass: count('not-in-class'),
      ambiguous: count('ambiguous'),
      duplicate: count('duplicate'),
    },
  };
}
