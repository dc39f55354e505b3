import { InputLimitError, inputLimits } from '../limits';
import {
  addCoveredRows,
  type CellRange,
  cellRef,
  type CellValue,
  clipMerge,
  clipMerges,
  type GridSheet,
  type UsedRange,
} from '../sheets/grid';
import { CLOSE, END, OPEN, TEXT, XmlScanner } from './xml-scanner';
import { ZipArchive } from './zip-archive';

/*
 * Reads the values and merged ranges of an .xlsx straight from its XML, for commands that only
 * read (check). It gives exactly the grids that loading the file with exceljs and passing each
 * worksheet through worksheetToGrid gives — the same sheets in the same order, the same values
 * (shared and inline strings, rich text joined, numbers, booleans, error codes, date-formatted
 * numbers as Dates, cached formula results), the same blanks and the same merges — in a fraction
 * of the time, because nothing else (styles beyond number formats, fonts, drawings, comments) is
 * parsed and no cell objects are built. Where exceljs has a quirk this follows it, and says so,
 * so that `check` and `convert` always see a file alike; read-values.test.ts holds the two side
 * by side. Where exceljs cannot load a file this throws too.
 *
 * Every input is bounded (shared/limits): the zip layer stops inflating at the size limits, and
 * this reader refuses with InputLimitError past the sheet, row, column, cell, merge and cell-text
 * limits, never walking the empty rows or columns between sparse cells or a merge's whole area.
 */

/** The value of a shared string; null for an empty <si/>, which exceljs keeps as a filled cell with no value. */
type SharedString = string | null;

interface WorkbookParts {
  sharedStrings: SharedString[] | undefined;
  /** By cell style index (the s attribute): whether its number format shows a date or time. */
  dateStyles: boolean[];
  date1904: boolean;
  /** Filled cells and merges in the sheets read so far, for the workbook-wide limits. */
  filled: number;
  merges: number;
}

const worksheetPath = /xl\/worksheets\/sheet(\d+)[.]xml/;
/** The comments parts exceljs loads, building a note and a cell for each <comment>. */
const commentsPath = /xl\/comments\d+[.]xml/;

/** exceljs's utils.xmlDecode, which it applies on top of the XML parser's own decoding in places. */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (reference) => {
    switch (reference) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return reference;
    }
  });
}

/** The _xHHHH_ escapes of <t> text (Excel writes a carriage return as _x000D_). */
function unescapeText(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** exceljs's utils.excelToDate: serial day number → Date, the 1900 or 1904 date system. */
function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** exceljs's utils.isDateFmt: a format with date or time letters outside quotes and [brackets]. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The built-in number formats exceljs knows (defaultnumformats.js) that are dates or times. */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** 1-based column and row of "B7" the way exceljs's colCache.decodeAddress reads it (NaN when missing). */
function decodeAddress(address: string): { col: number; row: number } {
  let col = 0;
  let row = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (!hasRow && code >= 65 && code <= 90) {
      hasCol = true;
      col = col * 26 + code - 64;
    } else if (code >= 48 && code <= 57) {
      hasRow = true;
      row = row * 10 + code - 48;
      if (row > inputLimits.rows) throw new InputLimitError('rows');
    } else if (hasRow && hasCol && code !== 36) {
      break;
    }
  }
  if (hasCol && col > inputLimits.columns) throw new InputLimitError('columns');
  return { col: hasCol ? col : Number.NaN, row: hasRow ? row : Number.NaN };
}

/** The column of decodeAddress alone, without building an object for every cell. */
function decodeColumn(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code >= 48 && code <= 57) break;
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    if (col > inputLimits.columns) throw new InputLimitError('columns');
  }
  return col === 0 ? Number.NaN : col;
}

/** A <mergeCell ref="C4:C6"/> as a zero-based range. */
function decodeRange(ref: string): CellRange {
  const [first = '', second = first] = ref.split(':');
  const a = decodeAddress(first);
  const b = decodeAddress(second);
  return {
    top: Math.min(a.row, b.row) - 1,
    left: Math.min(a.col, b.col) - 1,
    bottom: Math.max(a.row, b.row) - 1,
    right: Math.max(a.col, b.col) - 1,
  };
}

function* elements(xml: string, wanted: string): Generator<XmlScanner> {
  const scanner = new XmlScanner(xml);
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === OPEN && scanner.name === wanted) yield scanner;
  }
}

/**
 * xl/sharedStrings.xml: each <si> is its last <t> (plain text) or its <r> runs joined (rich
 * text); phonetic guides (<rPh>) are not part of the value.
 */
function readSharedStrings(xml: string): SharedString[] {
  const strings: SharedString[] = [];
  const scanner = new XmlScanner(xml);
  let value: string | string[] | null = null;
  let phonetic = 0;
  let inRun = false;
  let text: string[] | undefined;
  const close = (name: string) => {
    if (name === 'si') {
      const joined = Array.isArray(value) ? value.join('') : value;
      if (joined !== null && joined.length > inputLimits.cellCharacters)
        throw new InputLimitError('cellCharacters');
      // More distinct strings than cells the workbook may fill can only be padding.
      if (strings.push(joined) > inputLimits.cells) throw new InputLimitError('cells');
    } else if (name === 'rPh') {
      phonetic--;
    } else if (phonetic > 0) {
      if (name === 't') text = undefined;
    } else if (name === 't' && text) {
      const read = unescapeText(text.join(''));
      text = undefined;
      if (!inRun) value = read;
      else if (Array.isArray(value)) value[value.length - 1] = read;
    } else if (name === 'r') {
      inRun = false;
    }
  };
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === TEXT) {
      text?.push(scanner.text());
    } else if (token === CLOSE) {
      close(scanner.name);
    } else {
      const { name } = scanner;
      if (name === 'si') {
        value = null;
        phonetic = 0;
        inRun = false;
      } else if (name === 'rPh') {
        phonetic++;
      } else if (phonetic === 0 && name === 'r') {
        // exceljs fails on runs after plain text in one <si>.
        if (typeof value === 'string') throw new Error('sharedStrings: a run after plain text');
        value ??= [];
        value.push('');
        inRun = true;
      } else if (name === 't') {
        text = phonetic === 0 ? [] : undefined;
      }
      if (scanner.selfClosing) close(name);
    }
  }
  return strings;
}

/** Style parts exceljs builds an object for, each about an eighth of what a cell costs it. */
const styleObjects = new Set(['xf', 'font', 'fill', 'border', 'dxf', 'numFmt']);

/**
 * xl/styles.xml: which cell styles (<cellXfs>) carry a date or time number format, and how many
 * style objects exceljs would build from it (3,000,000 <xf/>s took it to 766 MB), within `styles`.
 */
function readDateStyles(xml: string): { dateStyles: boolean[]; objects: number } {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let objects = 0;
  const scanner = new XmlScanner(xml);
  // <numFmt>s also sit in differential formats (<dxfs>), which exceljs does not index.
  let list: string | undefined;
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === CLOSE) {
      if (scanner.name === list) list = undefined;
      continue;
    }
    if (token !== OPEN) continue;
    if (styleObjects.has(scanner.name) && ++objects > inputLimits.styles) throw new InputLimitError('styles');
    if (scanner.name === 'cellXfs' || scanner.name === 'numFmts')
      list = scanner.selfClosing ? undefined : scanner.name;
    else if (list === 'numFmts' && scanner.name === 'numFmt') {
      const formatCode = scanner.attr('formatCode');
      if (formatCode === undefined) throw new Error('styles: a number format without a code');
      custom.set(parseInt(scanner.attr('numFmtId') ?? '', 10), formatCode.replace(/[\\](.)/g, '$1'));
    } else if (list === 'cellXfs' && scanner.name === 'xf') {
      formatIds.push(parseInt(scanner.attr('numFmtId') ?? '', 10));
    }
  }
  const dateStyles = formatIds.map((id) => {
    if (!id) return false;
    const format = custom.get(id);
    return format ? isDateFormat(format) : builtInDateFormats.has(id);
  });
  return { dateStyles, objects };
}

interface SheetEntry {
  path: string;
  name: string;
  id: number;
  order: number;
}

/**
 * The worksheets in tab order with their names, as exceljs pairs xl/workbook.xml's <sheet>s with
 * the worksheet parts through xl/_rels/workbook.xml.rels. Chart sheets and parts no <sheet>
 * points at are left out.
 */
function listWorksheets(zip: ZipArchive, workbookXml: string): SheetEntry[] {
  const targets = new Map<string, string>();
  for (const rel of elements(zip.readText('xl/_rels/workbook.xml.rels') ?? '', 'Relationship')) {
    targets.set(rel.attr('Id') ?? '', rel.attr('Target') ?? '');
  }
  const declared: { name: string | undefined; id: number; path: string | undefined }[] = [];
  for (const sheet of elements(workbookXml, 'sheet')) {
    if (declared.length === inputLimits.sheets) throw new InputLimitError('sheets');
    const target = targets.get(sheet.attr('r:id') ?? '');
    const name = sheet.attr('name');
    declared.push({
      name: name === undefined ? undefined : xmlDecodeAgain(name),
      id: parseInt(sheet.attr('sheetId') ?? '', 10),
      path: target === undefined ? undefined : `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`,
    });
  }
  // exceljs keeps one worksheet per sheetId (a later part wins) and lists ids from 1 up only.
  const bySheetId = new Map<number, SheetEntry>();
  for (const path of zip.names()) {
    if (!worksheetPath.test(path)) continue;
    const sheet = declared.findLast((candidate) => candidate.path === path);
    if (!sheet) continue;
    const name = checkedSheetName(sheet.name);
    if (!Number.isSafeInteger(sheet.id) || sheet.id < 0) continue;
    const lower = name.toLowerCase();
    if ([...bySheetId.values()].some((other) => other.name.toLowerCase() === lower)) {
      throw new Error(`duplicate sheet name ${name}`);
    }
    const order = declared.findIndex((candidate) => candidate.id === sheet.id);
    bySheetId.set(sheet.id, { path, name, id: sheet.id, order });
  }
  return [...bySheetId.values()].filter(({ id }) => id >= 1).sort((a, b) => a.order - b.order);
}

/** The names exceljs refuses, and its cut to Excel's 31 characters. */
function checkedSheetName(name: string | undefined): string {
  if (name === undefined || name === '' || name === 'History') throw new Error(`bad sheet name ${name}`);
  if (/[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name)) throw new Error(`bad sheet name ${name}`);
  return name.length > 31 ? name.substring(0, 31) : name;
}

const cellAttributes = ['r', 's', 't'] as const;
const formulaAttributes = ['t', 'si', 'ref'] as const;

/** One <c> element as read, before its value is worked out; one instance is reused for every cell. */
class CellXml {
  address: string | undefined;
  styleId: number | undefined;
  type: string | undefined;
  /** The text of <v> (and of inline <t>), undefined when there was none. */
  text: string | undefined;
  runs: string[] | undefined;
  formula = '';
  shareType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: string | undefined;
  private readonly found: (string | undefined)[] = [undefined, undefined, undefined];

  /** Reads the cell the scanner is on, up to its end tag. */
  read(scanner: XmlScanner): void {
    const { found } = this;
    scanner.attrs(cellAttributes, found);
    this.address = found[0];
    this.styleId = found[1] ? parseInt(found[1], 10) : undefined;
    this.type = found[2];
    this.text = undefined;
    this.runs = undefined;
    this.formula = '';
    this.shareType = undefined;
    this.sharedIndex = undefined;
    this.sharedRef = undefined;
    if (!scanner.selfClosing) this.readContent(scanner);
  }

  private readContent(scanner: XmlScanner): void {
    let target: 'v' | 'f' | 'run' | undefined;
    let runText: string[] | undefined;
    for (let token = scanner.next(); token !== END; token = scanner.next()) {
      if (token === TEXT) {
        if (target === 'v') {
          if (!this.runs) this.text = this.text === undefined ? scanner.text() : this.text + scanner.text();
        } else if (target === 'f') this.formula += scanner.text();
        else if (target === 'run') runText?.push(scanner.text());
        continue;
      }
      const { name } = scanner;
      if (token === CLOSE) {
        if (name === 'c') return;
        if (target !== 'run') {
          if (name === 'v' || name === 't' || name === 'f' || name === 'is') target = undefined;
        } else if (name === 'r') {
          target = undefined;
        } else if (name === 't' && runText) {
          this.runs![this.runs!.length - 1] = unescapeText(runText.join(''));
          runText = undefined;
        }
        continue;
      }
      if (target === 'run') {
        if (name === 't' && scanner.selfClosing) this.runs![this.runs!.length - 1] = '';
        else if (name === 't') runText = [];
        continue;
      }
      if (name === 'v' || name === 't') {
        target = scanner.selfClosing ? undefined : 'v';
      } else if (name === 'f') {
        target = scanner.selfClosing ? undefined : 'f';
        const { found } = this;
        scanner.attrs(formulaAttributes, found);
        [this.shareType, this.sharedIndex, this.sharedRef] = found;
      } else if (name === 'r') {
        // exceljs fails on a run after plain text in one cell.
        if (this.text !== undefined) throw new Error('a rich-text run after plain text');
        (this.runs ??= []).push('');
        if (!scanner.selfClosing) target = 'run';
      }
    }
  }
}

/** What a cell contributes to the grid: a value, a blank that still counts as filled, or nothing. */
const NOTHING = Symbol('nothing');
const CLEARED = Symbol('cleared');

class WorksheetReader {
  private readonly rows: CellValue[][] = [];
  /** Cells given a value in this sheet (a cell set twice counts twice: it was work). */
  filled = 0;
  merges = 0;
  /** The cells the merges declare, before they are cut: what exceljs would build. */
  mergedCells = 0;
  /** Cells merges cover, cut to the used range (all but each top-left). */
  covered = 0;
  /** <row> and <c> elements, style-only ones included, and cells under data validations: exceljs builds an object for each. */
  elements = 0;
  /** Merge refs cut to the used range: the ref as written → the cut ref, '' when nothing is left. */
  readonly cutMerges = new Map<string, string>();
  private readonly hyperlinks = new Set<string>();
  /** Shared formulas: si → the master cell's address (exceljs leaves a follower without one blank). */
  private readonly sharedFormulas = new Map<string | undefined, string | undefined>();
  private readonly cell = new CellXml();

  constructor(
    private readonly parts: WorkbookParts,
    hyperlinks: Iterable<string>,
  ) {
    for (const ref of hyperlinks) this.hyperlinks.add(ref);
  }

  /** Returns the grid, or the hyperlinked cells when the sheet has some and they were not known yet. */
  read(xml: string, name: string): GridSheet | { hyperlinks: string[] } {
    const scanner = new XmlScanner(xml);
    const mergeRefs: string[] = [];
    const hyperlinks: string[] = [];
    /** The zero-based number of the <row> being read (NaN when it has none); undefined outside rows. */
    let row: number | undefined;
    let previousCol: number | undefined;
    for (let token = scanner.next(); token !== END; token = scanner.next()) {
      if (token === CLOSE) {
        if (scanner.name === 'row') row = undefined;
        continue;
      }
      if (token !== OPEN) continue;
      switch (scanner.name) {
        case 'row': {
          // A later <row> with the same number replaces the earlier one, as in exceljs.
          // Its cells array is made by its first value: a million empty <row>s cost nothing.
          this.elements++;
          row = parseInt(scanner.attr('r') ?? '', 10) - 1;
          if (row >= inputLimits.rows) throw new InputLimitError('rows');
          if (row >= 0) delete this.rows[row];
          previousCol = undefined;
          if (scanner.selfClosing) row = undefined;
          break;
        }
        case 'c':
          this.elements++;
          if (row !== undefined) previousCol = this.readCell(scanner, row, previousCol);
          break;
        case 'col': {
          // exceljs builds a column object for each column of a <col> span.
          const min = parseInt(scanner.attr('min') ?? '', 10);
          const max = parseInt(scanner.attr('max') ?? '', 10);
          if (max > inputLimits.columns) throw new InputLimitError('columns');
          if (max >= min) this.elements += Math.ceil((max - min + 1) / 8);
          break;
        }
        case 'dataValidation':
          // exceljs expands a validation's ranges address by address (C1:C1048576 is a million).
          for (const ref of (scanner.attr('sqref') ?? '').split(/\s+/)) {
            const { top, left, bottom, right } = decodeRange(ref);
            const area = (bottom - top + 1) * (right - left + 1);
            if (Number.isFinite(area)) this.elements += area;
          }
          break;
        case 'mergeCell':
          if (this.parts.merges + ++this.merges > inputLimits.merges) throw new InputLimitError('merges');
          mergeRefs.push(scanner.attr('ref') ?? '');
          break;
        case 'hyperlink': {
          this.elements++;
          const ref = scanner.attr('ref');
          if (ref !== undefined && scanner.attr('r:id')) hyperlinks.push(ref);
          break;
        }
      }
    }
    if (hyperlinks.some((ref) => !this.hyperlinks.has(ref))) return { hyperlinks };
    const declared = mergeRefs
      .map((ref) => ({ ref, range: decodeRange(ref) }))
      .filter(({ range }) => Object.values(range).every(Number.isSafeInteger));
    refuseOverlaps(declared.map(({ range }) => range));
    const used = this.usedRange();
    for (const { ref, range } of declared) {
      this.mergedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
      const cut = clipMerge(range, used);
      if (!cut || cut.bottom !== range.bottom || cut.right !== range.right)
        this.cutMerges.set(ref, cut ? `${cellRef(cut.top, cut.left)}:${cellRef(cut.bottom, cut.right)}` : '');
    }
    const merges = clipMerges(
      declared.map(({ range }) => range),
      used,
    );
    // The cells a merge covers count as filled: exceljs builds each, and their rows count as filled.
    for (const { top, left, bottom, right } of merges)
      this.covered += (bottom - top + 1) * (right - left + 1) - 1;
    this.filled += this.covered;
    if (this.parts.filled + this.filled > inputLimits.cells) throw new InputLimitError('cells');
    this.clearCovered(merges);
    const rows = this.finishRows();
    addCoveredRows(rows, merges);
    return { name, rows, merges };
  }

  /** Reads one <c>…</c>; returns the column it went to, from which a following <c> without r counts. */
  private readCell(scanner: XmlScanner, row: number, previousCol: number | undefined): number | undefined {
    const { cell } = this;
    cell.read(scanner);
    const value = this.cellValue(cell);
    if (value === NOTHING) return previousCol;
    let col: number;
    if (cell.address !== undefined) col = decodeColumn(cell.address) - 1;
    else if (previousCol !== undefined) col = previousCol + 1;
    else throw new Error('a cell without an address opens its row');
    if (col >= inputLimits.columns) throw new InputLimitError('columns');
    if (Number.isSafeInteger(col) && col >= 0 && row >= 0) {
      if (value === CLEARED) {
        if (this.rows[row]) delete this.rows[row][col];
      } else {
        if (this.parts.filled + ++this.filled > inputLimits.cells) throw new InputLimitError('cells');
        (this.rows[row] ??= [])[col] = value;
      }
    }
    return col;
  }

  /** exceljs's CellXform.parseClose and reconcile, then shownValue, for one cell. */
  private cellValue(cell: CellXml): CellValue | typeof NOTHING | typeof CLEARED {
    const { parts } = this;
    const longest = Math.max(cell.text?.length ?? 0, cell.formula.length, cell.runs?.join('').length ?? 0);
    if (longest > inputLimits.cellCharacters) throw new InputLimitError('cellCharacters');
    const isDate = cell.styleId ? parts.dateStyles[cell.styleId] === true : false;
    const hyperlinked =
      this.hyperlinks.size > 0 && cell.address !== undefined && this.hyperlinks.has(cell.address);
    if (cell.formula || cell.shareType) {
      const result = this.formulaResult(cell, isDate);
      let sharedFormula: string | undefined;
      if (cell.shareType === 'shared') {
        if (cell.sharedRef) this.sharedFormulas.set(cell.sharedIndex, cell.address);
        else sharedFormula = this.sharedFormulas.get(cell.sharedIndex);
      }
      if (hyperlinked) return result ?? null;
      // The value exceljs hands out for a formula keeps only truthy parts (_copyModel): a result
      // of 0 or false reads as blank, and so does a follower of a shared formula without master.
      return (cell.formula || sharedFormula) && result ? result : null;
    }
    // Rich text belongs in inline strings; exceljs misreads runs in any other cell, here as NaN.
    if (cell.runs) return cell.type === 'inlineStr' ? cell.runs.join('') : Number.NaN;
    const { text } = cell;
    if (text === undefined) {
      if (hyperlinked) return null;
      return cell.styleId ? CLEARED : NOTHING;
    }
    switch (cell.type) {
      case 's': {
        const index = parseInt(text, 10);
        if (!parts.sharedStrings) return index;
        const shared = parts.sharedStrings[index];
        if (shared === undefined) throw new Error(`no shared string ${text}`);
        return shared;
      }
      case 'str':
        return xmlDecodeAgain(text);
      case 'inlineStr':
        return text;
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'e':
        return text;
      default: {
        const number = parseFloat(text);
        return isDate ? excelToDate(number, parts.date1904) : number;
      }
    }
  }

  private formulaResult(cell: CellXml, isDate: boolean): CellValue | undefined {
    const { text } = cell;
    if (text === undefined) return undefined;
    let result: string | number | boolean;
    if (cell.type === 'str') result = xmlDecodeAgain(text);
    else if (cell.type === 'b') result = parseInt(text, 10) !== 0;
    else if (cell.type === 'e') result = text;
    else result = parseFloat(text);
    // exceljs turns any result under a date format into a Date, an error code into an invalid one.
    if (isDate) return excelToDate(cell.type === 'e' ? Number.NaN : Number(result), this.parts.date1904);
    return result;
  }

  /** The last row and column holding a value, before merges blank their covered cells. */
  private usedRange(): UsedRange {
    const used = { bottom: -1, right: -1 };
    this.rows.forEach((cells, row) => {
      const length = filledLength(cells);
      if (length === 0) return;
      used.bottom = row;
      used.right = Math.max(used.right, length - 1);
    });
    return used;
  }

  /** Blanks the cells merges cover (all but each top-left), looking only at the cells present. */
  private clearCovered(merges: CellRange[]): void {
    if (merges.length === 0) return;
    const open = new OpenMerges(merges);
    this.rows.forEach((cells, row) => {
      open.moveTo(row);
      for (const key of Object.keys(cells)) {
        const col = Number(key);
        const range = open.covering(col);
        if (range && (row !== range.top || col !== range.left)) delete cells[col];
      }
    });
  }

  /** Rows that hold nothing (every cell blank by style only) are holes, as in worksheetToGrid. */
  private finishRows(): CellValue[][] {
    const rows: CellValue[][] = [];
    this.rows.forEach((cells, index) => {
      cells.length = filledLength(cells);
      if (cells.length > 0) rows[index] = cells;
    });
    return rows;
  }
}

/** One past the last cell present. A sparse row (one cell at XFD) is looked up by its keys, not walked. */
function filledLength(cells: CellValue[]): number {
  let length = cells.length;
  for (let step = 0; step < 16 && length > 0; step++, length--) if (length - 1 in cells) return length;
  if (length === 0) return 0;
  const keys = Object.keys(cells);
  return keys.length === 0 ? 0 : Number(keys[keys.length - 1]) + 1;
}

/**
 * The merges reaching the current row, sorted by left column: they share that row, so (once
 * overlaps are refused) their columns are disjoint and a column is found by binary search. Rows
 * are visited in order; each merge is opened and closed once, so a sheet with thousands of merges
 * costs thousands of steps, not millions.
 */
class OpenMerges {
  private readonly open: CellRange[] = [];
  private readonly byTop: CellRange[];
  private readonly byBottom: CellRange[];
  private opened = 0;
  private closed = 0;

  constructor(merges: CellRange[]) {
    this.byTop = merges.toSorted((a, b) => a.top - b.top);
    this.byBottom = merges.toSorted((a, b) => a.bottom - b.bottom);
  }

  /** Closes the merges that end above `row`, then opens those starting on or above it, each checked first. */
  moveTo(row: number, check?: (range: CellRange, before?: CellRange, after?: CellRange) => void): void {
    const { open, byTop, byBottom } = this;
    while (this.closed < byBottom.length && byBottom[this.closed]!.bottom < row) {
      open.splice(this.firstFrom(byBottom[this.closed++]!.left), 1);
    }
    while (this.opened < byTop.length && byTop[this.opened]!.top <= row) {
      const range = byTop[this.opened++]!;
      const at = this.firstFrom(range.left);
      check?.(range, open[at - 1], open[at]);
      open.splice(at, 0, range);
    }
  }

  covering(col: number): CellRange | undefined {
    const { open } = this;
    const range = open[this.firstFrom(col + 1) - 1];
    return range && range.right >= col ? range : undefined;
  }

  /** The index of the first open merge whose left column is `col` or more. */
  private firstFrom(col: number): number {
    let low = 0;
    let high = this.open.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.open[middle]!.left < col) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** exceljs refuses overlapping merges: each is checked against its neighbours among those open on its top row. */
function refuseOverlaps(merges: CellRange[]): void {
  const open = new OpenMerges(merges);
  const overlap = (range: CellRange, before?: CellRange, after?: CellRange) => {
    if ((before && before.right >= range.left) || (after && after.left <= range.right)) {
      throw new Error('overlapping merged cells');
    }
  };
  for (const { top } of merges.toSorted((a, b) => a.top - b.top)) open.moveTo(top, overlap);
}

/** Cells named by the workbook's <definedName>s ($A$1:$C$9), which exceljs lists one by one. */
function definedNameCells(workbookXml: string): number {
  const scanner = new XmlScanner(workbookXml);
  let inName = false;
  let cells = 0;
  for (let token = scanner.next(); token !== END; token = scanner.next()) {
    if (token === OPEN) inName = scanner.name === 'definedName' && !scanner.selfClosing;
    else if (token === CLOSE) inName = false;
    else if (inName) {
      for (const [, first = '', second] of scanner
        .text()
        .matchAll(/[$]([A-Z]+[$]\d+)(?::[$]([A-Z]+[$]\d+))?/g)) {
        const { top, left, bottom, right } = decodeRange(`${first}:${second ?? first}`);
        cells += (bottom - top + 1) * (right - left + 1);
      }
    }
  }
  return cells;
}

/** An .xlsx read within the limits, with what `convert` needs to hand it to exceljs safely. */
export interface XlsxReading {
  sheets: GridSheet[];
  /** The cells the merges declare before they are cut (exceljs builds one object for each). */
  mergedCells: number;
  /**
   * What exceljs would build, as `inputLimits.convertCells` counts it: rows up to each sheet's
   * last value, <row> and <c> elements, cells merges cover (cut), cells under data validations
   * and cells defined names list.
   */
  exceljsCells: number;
  /**
   * Merged ranges as written in the sheet that has most: exceljs checks each new merge against
   * every other in its sheet, so its cost grows with the square of one sheet's count.
   */
  mostMergesInASheet: number;
  /** By worksheet part: merge refs cut to the used range (the ref → the cut ref, '' for none left). */
  cutMerges: Map<string, Map<string, string>>;
}

/**
 * Every worksheet of an .xlsx as a grid of plain values with its merged ranges, in tab order —
 * the same grids exceljs's full load gives through `worksheetToGrid`, at a fraction of the time and
 * code size. Throws InputLimitError past a limit, another error on a damaged archive. With
 * `everyPart`, every part of the archive is inflated once too (within the same limits), as exceljs
 * will inflate them all.
 */
export async function readXlsx(
  bytes: Uint8Array,
  options: { everyPart?: boolean } = {},
): Promise<XlsxReading> {
  const zip = new ZipArchive(bytes);
  if (options.everyPart) new ZipArchive(bytes).readAll();
  const reading: XlsxReading = {
    sheets: [],
    mergedCells: 0,
    exceljsCells: 0,
    mostMergesInASheet: 0,
    cutMerges: new Map(),
  };
  const workbookXml = zip.readText('xl/workbook.xml');
  if (workbookXml === undefined) return reading;
  let date1904 = false;
  for (const properties of elements(workbookXml, 'workbookPr'))
    date1904 = properties.attr('date1904') === '1';
  const sharedXml = zip.readText('xl/sharedStrings.xml');
  const stylesXml = zip.readText('xl/styles.xml');
  const styles = stylesXml === undefined ? { dateStyles: [], objects: 0 } : readDateStyles(stylesXml);
  reading.exceljsCells = definedNameCells(workbookXml) + Math.ceil(styles.objects / 8);
  const parts: WorkbookParts = {
    sharedStrings: sharedXml === undefined ? undefined : readSharedStrings(sharedXml),
    dateStyles: styles.dateStyles,
    date1904,
    filled: 0,
    merges: 0,
  };
  const worksheets = listWorksheets(zip, workbookXml);
  // exceljs keeps worksheets in an array by sheetId and walks it: an id of 4,000,000,000 took minutes.
  reading.exceljsCells += Math.max(0, ...worksheets.map(({ id }) => id));
  for (const { path, name } of worksheets) {
    const xml = zip.readText(path) ?? '';
    let reader = new WorksheetReader(parts, []);
    let grid = reader.read(xml, name);
    if (!('rows' in grid)) {
      reader = new WorksheetReader(parts, grid.hyperlinks);
      grid = reader.read(xml, name);
      if (!('rows' in grid)) throw new Error('hyperlinks changed between readings');
    }
    reading.sheets.push(grid);
    parts.filled += reader.filled;
    parts.merges += reader.merges;
    reading.mergedCells += reader.mergedCells;
    reading.mostMergesInASheet = Math.max(reading.mostMergesInASheet, reader.merges);
    reading.exceljsCells += grid.rows.length + reader.elements + reader.covered;
    if (reader.cutMerges.size > 0) reading.cutMerges.set(path, reader.cutMerges);
  }
  if (options.everyPart) {
    for (const path of zip.names().filter((name) => commentsPath.test(name))) {
      for (const _ of elements(zip.readText(path) ?? '', 'comment')) reading.exceljsCells++;
    }
  }
  return reading;
}

/** The grids of `readXlsx` alone (check, the extension's bulk fill). */
export async function readXlsxValues(bytes: Uint8Array): Promise<GridSheet[]> {
  return (await readXlsx(bytes)).sheets;
}
