import { type ColumnKind, classifyHeader } from './column-kinds';
import { type CellRange, type CellValue, cellAt, cellText, columnCount, type GridSheet } from './grid';

export interface HeaderColumn {
  col: number;
  kind: ColumnKind;
  /** The header texts of the band joined top to bottom, e.g. "Toán ĐĐGtx 1". */
  label: string;
  /** Band text above the part that named the kind: a subject or semester over a block, or "". */
  group: string;
}

export interface SheetHeader {
  /** First and last row of the header band (zero-based, inclusive). */
  top: number;
  bottom: number;
  columns: HeaderColumn[];
}

/** Title rows ("Sở…", "Trường…", "BẢNG ĐIỂM…") sit above the header; it is never further down than this. */
const searchRows = 30;
/** vnEdu uses up to three header rows; one more for a row of column numbers. */
const maxBandRows = 4;
const columnNumbering = /^\(?[0-9]{1,3}\)?$/;

/**
 * Reads header text with merges applied: every cell of a merged block shows the block's text,
 * so "ĐĐGtx" merged over four columns labels all four, and "STT" merged over two rows labels both.
 */
class HeaderReader {
  /** masters[row][col]: the merge covering that cell of the header rows. */
  private readonly masters: CellRange[][] = [];
  // The search classifies every cell of 30 rows; data rows repeat the same values over and over.
  private readonly kinds = new Map<CellValue, ColumnKind | null>();

  constructor(private readonly sheet: GridSheet) {
    for (const merge of sheet.merges) {
      if (merge.top >= searchRows + maxBandRows) continue;
      for (let r = merge.top; r <= merge.bottom; r++) {
        const row = (this.masters[r] ??= []);
        for (let c = merge.left; c <= merge.right; c++) row[c] = merge;
      }
    }
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.masters[row]?.[col];
  }

  /** The value a cell shows: its own, or its merge's top-left one. */
  private value(row: number, col: number): CellValue {
    const merge = this.mergeAt(row, col);
    return merge ? cellAt(this.sheet, merge.top, merge.left) : cellAt(this.sheet, row, col);
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  kind(row: number, col: number): ColumnKind | null {
    // Keyed by the value itself, so that the scores in the rows searched are not turned into text.
    const value = this.value(row, col);
    let kind = this.kinds.get(value);
    if (kind === undefined) {
      kind = classifyHeader(cellText(value));
      this.kinds.set(value, kind);
    }
    return kind;
  }

  rawText(row: number, col: number): string {
    return cellText(this.sheet.rows[row]?.[col] ?? null);
  }
}

function isIdentity(kind: ColumnKind): boolean {
  return kind.kind === 'name' || kind.kind === 'code' || kind.kind === 'familyName';
}

/** How strongly a row looks like the header: recognised columns, or 0 without an identity and a score column. */
function rowScore(reader: HeaderReader, row: number, width: number): number {
  let recognised = 0;
  let identity = false;
  let score = false;
  for (let c = 0; c < width; c++) {
    const kind = reader.kind(row, c);
    if (!kind) continue;
    recognised++;
    identity ||= isIdentity(kind);
    score ||= kind.kind === 'score' || kind.kind === 'evaluation';
  }
  return identity && score ? recognised : 0;
}

function identityColumn(reader: HeaderReader, row: number, width: number): number | undefined {
  for (let c = 0; c < width; c++) {
    const kind = reader.kind(row, c);
    if (kind && isIdentity(kind)) return c;
  }
  return undefined;
}

function nameColumn(reader: HeaderReader, row: number, width: number): number | undefined {
  for (let c = 0; c < width; c++) {
    const kind = reader.kind(row, c)?.kind;
    if (kind === 'name' || kind === 'givenName') return c;
  }
  return undefined;
}

/** A row below the header belongs to it when its identity cell holds no student: merged from above, blank or a column number. */
function continuesHeader(
  reader: HeaderReader,
  band: { top: number },
  row: number,
  width: number,
  idCol: number,
  nameCol: number | undefined,
) {
  // A name of its own (letters, not merged from above, not a header text) is a student whose code is blank.
  if (nameCol !== undefined && nameCol !== idCol) {
    const nameMerge = reader.mergeAt(row, nameCol);
    const own = !(nameMerge && nameMerge.top < row);
    if (own && /\p{L}/u.test(reader.rawText(row, nameCol)) && !reader.kind(row, nameCol)) return false;
  }
  const merge = reader.mergeAt(row, idCol);
  if (merge && merge.top < row && merge.top >= band.top) return true;
  const id = reader.rawText(row, idCol);
  if (columnNumbering.test(id)) return true;
  if (id !== '') return false;
  for (let c = 0; c < width; c++) if (reader.rawText(row, c) !== '') return true;
  return false;
}

function isNumberingRow(reader: HeaderReader, row: number, idCol: number): boolean {
  return columnNumbering.test(reader.rawText(row, idCol));
}

/**
 * The band's texts per column, top to bottom. Without merges (CSV) a group header is written once
 * with blanks to its right ("ĐĐGtx,,," over "1,2,3,4"): a blank over a sub-header takes the text on its left.
 */
function bandTexts(reader: HeaderReader, rows: number[], width: number): string[][] {
  const texts = rows.map((row) => Array.from({ length: width }, (_, c) => reader.text(row, c)));
  // Bottom-up, so a subject over a group over "1 2 3 4" fills down the whole block.
  for (let i = texts.length - 2; i >= 0; i--) {
    const line = texts[i]!;
    const below = texts[i + 1]!;
    for (let c = 1; c < width; c++) {
      if (line[c] === '' && below[c] !== '' && !reader.mergeAt(rows[i]!, c)) line[c] = line[c - 1]!;
    }
  }
  return Array.from({ length: width }, (_, c) =>
    texts.map((line) => line[c]!).filter((text, i, all) => text !== '' && text !== all[i - 1]),
  );
}

/** The lowest band texts that name a kind win; the texts above them are the column's group. */
function classifyColumn(col: number, parts: string[]): HeaderColumn | undefined {
  for (let i = parts.length - 1; i >= 0; i--) {
    const kind = classifyHeader(parts.slice(i).join(' '));
    if (kind) return { col, kind, label: parts.join(' '), group: parts.slice(0, i).join(' ') };
  }
  return undefined;
}

/** Finds the header band of a grade sheet by its text, or null when the sheet has none. */
export function findHeader(sheet: GridSheet): SheetHeader | null {
  const reader = new HeaderReader(sheet);
  const width = columnCount(sheet);
  let best = -1;
  let bestScore = 0;
  for (let row = 0; row < Math.min(sheet.rows.length, searchRows); row++) {
    const score = rowScore(reader, row, width);
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  const idCol = best < 0 ? undefined : identityColumn(reader, best, width);
  if (idCol === undefined) return null;

  const nameCol = nameColumn(reader, best, width);
  const band = { top: best, bottom: best };
  for (let c = 0; c < width; c++) band.top = Math.min(band.top, reader.mergeAt(best, c)?.top ?? best);
  while (
    band.bottom - band.top + 1 < maxBandRows &&
    band.bottom + 1 < sheet.rows.length &&
    continuesHeader(reader, band, band.bottom + 1, width, idCol, nameCol)
  ) {
    band.bottom++;
  }

  const labelRows: number[] = [];
  for (let row = band.top; row <= band.bottom; row++)
    if (!isNumberingRow(reader, row, idCol)) labelRows.push(row);
  const columns = bandTexts(reader, labelRows, width)
    .map((parts, col) => classifyColumn(col, parts))
    .filter((column): column is HeaderColumn => column !== undefined);
  return { top: band.top, bottom: band.bottom, columns };
}
