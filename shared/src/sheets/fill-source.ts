import type { Message } from '../problem';
import type { AssessmentKind } from '../rules/rulepack';
import { type EvaluationKind, headerKey } from './column-kinds';
import { isCommentMark } from './comment-marks';
import { compareContext, type FileContext, fileContextOf, subjectsAgree, termOf } from './file-context';
import { type CellValue, cellAt, cellText, columnCount, columnLetters, type GridSheet } from './grid';
import { findHeader } from './header-detection';
import { type CellRepair, repairSheet } from './legacy-text';
import { type ScoreBlock, scoreBlocks } from './score-blocks';
import { identityColumns, readStudent } from './students';

// A sheet (a picked .xlsx/.csv or a pasted block) turned into what bulk fill needs: per student
// row its code, name and the values of the score columns, each column named by kind (ĐĐGtx n,
// ĐĐGgk, ĐĐGck). Header detection and TCVN3/VNI repair are the sheet module's own.

export interface FillColumn {
  /**
   * The page column it fills (a profile's logical column name); null in a block pasted without a
   * header, whose columns go onto the page's columns in order.
   */
  kind: AssessmentKind | EvaluationKind | null;
  /** Position within its kind, 0-based (ĐĐGtx 1 → 0); within the block when kind is null. */
  index: number;
  /** Zero-based sheet column. */
  col: number;
  /** As the sheet names it ("ĐĐGtx 1"), or the column letter. */
  label: string;
}

export interface FillRow {
  /** Zero-based sheet row. */
  row: number;
  code: string;
  name: string;
  /** As the sheet writes it (dd/mm/yyyy); '' when it has none. */
  birthDate: string;
  /** One per column of the source, '' when blank; numbers as the user sees them ("8.5"). */
  values: string[];
}

export interface FillSource {
  sheet: string;
  /** First and last header row, 1-based; absent for a block without a header. */
  headerRows?: [number, number];
  /** The group over the block taken ("Toán"), '' when the sheet has one subject. */
  subject: string;
  columns: FillColumn[];
  rows: FillRow[];
  repairs: CellRepair[];
  /** Subjects of the sheet's other score blocks, which were left out. */
  otherBlocks: string[];
  /**
   * What the file says about itself (title rows, sheet name, the group over the block taken), to
   * be compared with the page before filling: see `contextMismatches`.
   */
  context: FileContext;
}

export type FillSourceResult = { ok: true; source: FillSource } | { ok: false; reason: Message };

export interface FillSourceOptions {
  /** The page's subject ("Toán"): picks that block on a multi-subject sheet. */
  subject?: string;
  /** The page's class ("6A1"): picks that sheet in a workbook. */
  class?: string;
  /** The page's term ("1", "Học kỳ I"): picks that semester's block, and the sheet that says it. */
  term?: string;
  /** The page's school year ("2025-2026"): picks the sheet that says it. */
  schoolYear?: string;
}

/** A cell as text for filling; float noise of formulas dropped (8.299999999999999 → "8.3"). */
export function fillValue(value: CellValue): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(Number(value.toPrecision(15)));
  return cellText(value);
}

const noStudents: Message = {
  vi: 'không tìm thấy cột tên học sinh cùng các cột điểm (ĐĐGtx/ĐĐGgk/ĐĐGck, KT, XL) hoặc nhận xét trong dữ liệu',
  en: 'no student-name column with score (ĐĐGtx/ĐĐGgk/ĐĐGck, KT, XL) or comment columns found in the data',
};

function sameKey(a: string, b: string): boolean {
  const left = headerKey(a);
  return left !== '' && left === headerKey(b);
}

function containsKey(haystack: string, needle: string): boolean {
  const key = headerKey(needle);
  return key !== '' && ` ${headerKey(haystack)} `.includes(` ${key} `);
}

/**
 * The block of the page's subject ("Toán" over "Tin học"; KHTN = Khoa học tự nhiên too), then of
 * its term when the blocks are semesters ("Học kỳ I", "Học kỳ II"); else the first.
 */
function pickBlock(blocks: ScoreBlock[], options: FillSourceOptions): ScoreBlock {
  let candidates = blocks;
  const { subject, term } = options;
  if (subject) {
    const named = (test: (block: ScoreBlock) => boolean) => candidates.filter(test);
    const bySubject = [
      named((block) => sameKey(block.subject, subject)),
      named((block) => containsKey(block.subject, subject)),
      named((block) => block.subject !== '' && subjectsAgree(block.subject, subject)),
    ].find((found) => found.length > 0);
    if (bySubject) candidates = bySubject;
  }
  const pageTerm = term ? termOf(term) : undefined;
  if (pageTerm !== undefined) {
    const byTerm = candidates.filter((block) => termOf(block.subject) === pageTerm);
    if (byTerm.length > 0) candidates = byTerm;
  }
  return candidates[0]!;
}

function blockColumns(block: ScoreBlock, labels: Map<number, string>): FillColumn[] {
  const columns: FillColumn[] = [];
  for (const kind of ['tx', 'gk', 'ck'] as const) {
    block.columns[kind].forEach((col, index) => {
      columns.push({ kind, index, col, label: labels.get(col) ?? '' });
    });
  }
  for (const kind of ['comment', 'test', 'level', 'retakeTest', 'retakeLevel'] as const) {
    block.evaluations[kind].forEach((col, index) => {
      columns.push({ kind, index, col, label: labels.get(col) ?? '' });
    });
  }
  return columns.sort((a, b) => a.col - b.col);
}

/**
 * Reads one sheet: finds its header by text (title rows and merged multi-row headers allowed),
 * repairs TCVN3/VNI text, takes the page's subject block, and reads every student row. Without a
 * header (a block pasted from the middle of a sheet) the columns are guessed from their content.
 */
export function fillSourceFromSheet(input: GridSheet, options: FillSourceOptions = {}): FillSourceResult {
  const { sheet, repairs } = repairSheet(input);
  const header = findHeader(sheet);
  const blocks = header ? scoreBlocks(header.columns) : [];
  if (!header || blocks.length === 0) return headerlessSource(sheet, repairs);

  const block = pickBlock(blocks, options);
  const labels = new Map(header.columns.map((column) => [column.col, column.label]));
  const columns = blockColumns(block, labels);
  const identity = identityColumns(header.columns);
  const rows: FillRow[] = [];
  for (let row = header.bottom + 1; row < sheet.rows.length; row++) {
    const student = readStudent(sheet, row, identity);
    if (!student) continue;
    rows.push({
      row,
      code: student.code,
      name: student.name,
      birthDate: student.birthDate,
      values: columns.map(({ col }) => fillValue(cellAt(sheet, row, col))),
    });
  }
  return {
    ok: true,
    source: {
      sheet: sheet.name,
      headerRows: [header.top + 1, header.bottom + 1],
      subject: block.subject,
      columns,
      rows,
      repairs,
      otherBlocks: blocks.filter((other) => other !== block).map((other) => other.subject),
      context: fileContextOf(sheet, header, block),
    },
  };
}

/**
 * The sheet of a workbook that holds students and scores and whose context agrees best with the
 * page: fewest mismatches (a sheet titled "LỚP 7A1" loses to "LỚP 7A2" on the 7A2 page whatever
 * the sheet names), then most agreements; among equals a sheet named after the page's class or
 * subject, then the first.
 */
export function fillSourceFromWorkbook(
  sheets: readonly GridSheet[],
  options: FillSourceOptions = {},
): FillSourceResult {
  const hints = [options.class, options.subject].filter((hint): hint is string => Boolean(hint));
  const preferred = (sheet: GridSheet) => hints.some((hint) => containsKey(sheet.name, hint));
  const ordered = [...sheets.filter(preferred), ...sheets.filter((sheet) => !preferred(sheet))];
  const page = {
    ...(options.class && { class: options.class }),
    ...(options.subject && { subject: options.subject }),
    ...(options.term && { term: options.term }),
    ...(options.schoolYear && { schoolYear: options.schoolYear }),
  };
  const stated = Object.keys(page).length;
  let first: FillSourceResult | undefined;
  let best: { result: FillSourceResult; score: number } | undefined;
  for (const sheet of ordered) {
    const result = fillSourceFromSheet(sheet, options);
    first ??= result;
    if (!result.ok || result.source.rows.length === 0) continue;
    const { agreements, mismatches } = compareContext(result.source.context, page);
    // The grade agrees whenever the class does: count what the page stated.
    const score = agreements.filter((field) => field !== 'grade').length - 100 * mismatches.length;
    if (!best || score > best.score) best = { result, score };
    // Nothing can beat a sheet that agrees on everything the page says.
    if (score === stated) break;
  }
  return best?.result ?? first ?? { ok: false, reason: noStudents };
}

// ---- A block without a header

const codeLike = /^[A-Za-z]{0,4}[0-9]{5,}$/;
const scoreLike = /^[0-9]{1,2}(?:[.,][0-9]{1,2})?$/;
/** A primary level: T, H or C. */
const LEVEL = /^[THCthc]$/;

function looksLikeName(text: string): boolean {
  return /\p{L}/u.test(text) && !/[0-9]/.test(text) && /[ ']/.test(text.trim()) && !isCommentMark(text);
}

function looksLikeScore(value: CellValue): boolean {
  if (typeof value === 'number') return value >= 0 && value <= 10;
  const text = cellText(value);
  return scoreLike.test(text) || isCommentMark(value) || LEVEL.test(text);
}

/** Share of the non-blank cells of a column that pass a test (0 when the column is empty). */
function share(sheet: GridSheet, col: number, test: (value: CellValue) => boolean): number {
  let filled = 0;
  let passed = 0;
  for (const row of sheet.rows) {
    const value = row?.[col] ?? null;
    if (cellText(value) === '') continue;
    filled++;
    if (test(value)) passed++;
  }
  return filled === 0 ? 0 : passed / filled;
}

function headerlessSource(sheet: GridSheet, repairs: CellRepair[]): FillSourceResult {
  const width = columnCount(sheet);
  const columnsByTest = (test: (value: CellValue) => boolean, least: number) =>
    Array.from({ length: width }, (_, col) => col).filter((col) => share(sheet, col, test) >= least);
  const nameCol = columnsByTest((value) => looksLikeName(cellText(value)), 0.6)[0];
  if (nameCol === undefined) return { ok: false, reason: noStudents };
  const codeCol = columnsByTest((value) => codeLike.test(cellText(value)), 0.6).find(
    (col) => col !== nameCol,
  );
  const scoreCols = columnsByTest(looksLikeScore, 0.8).filter((col) => col > nameCol && col !== codeCol);
  if (scoreCols.length === 0) return { ok: false, reason: noStudents };
  // Keep blank columns inside the block: positions decide which page column a value goes to.
  const first = scoreCols[0]!;
  const last = scoreCols[scoreCols.length - 1]!;
  const columns: FillColumn[] = [];
  for (let col = first; col <= last; col++) {
    if (col === codeCol) continue;
    columns.push({ kind: null, index: columns.length, col, label: columnLetters(col) });
  }
  const rows: FillRow[] = [];
  sheet.rows.forEach((_, row) => {
    const name = cellText(cellAt(sheet, row, nameCol));
    const code = codeCol === undefined ? '' : cellText(cellAt(sheet, row, codeCol));
    if (!looksLikeName(name) && !codeLike.test(code)) return;
    rows.push({
      row,
      code,
      name,
      birthDate: '',
      values: columns.map(({ col }) => fillValue(cellAt(sheet, row, col))),
    });
  });
  // No header, so no title rows either: only the sheet's name may say something ("7A1").
  const context = fileContextOf(sheet, undefined, undefined);
  return {
    ok: true,
    source: { sheet: sheet.name, subject: '', columns, rows, repairs, otherBlocks: [], context },
  };
}
