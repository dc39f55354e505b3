import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputLimitError, inputLimits, limitReason } from '@edulens/shared/limits';
import * as sheets from '@edulens/shared/sheets';
import { readXlsx, readXlsxValues, withMergesCut } from '@edulens/shared/xlsx';
import type ExcelJS from 'exceljs';
import { type CsvSpreadsheet, loadCsv } from './read-csv';
import { fileSystemReason, reasons, UnreadableFileError } from './unreadable-file';
import { notAWorkbook } from './zip-kind';

export type { CsvSpreadsheet } from './read-csv';

/** A file read for its values only (check). */
export type Spreadsheet = { kind: 'xlsx'; sheets: sheets.GridSheet[] } | CsvSpreadsheet;

/** A file opened to be rewritten (convert): an .xlsx comes with its exceljs workbook, styles and all. */
export type EditableSpreadsheet =
  { kind: 'xlsx'; workbook: ExcelJS.Workbook; sheets: sheets.GridSheet[] } | CsvSpreadsheet;

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0];
const textExtensions = new Set(['.csv', '.txt', '.tsv']);

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The file's bytes, its size checked first: a file over `fileBytes` is refused unread. */
async function readBytes(file: string): Promise<Buffer> {
  try {
    const handle = await open(file);
    try {
      const { size } = await handle.stat();
      if (size > inputLimits.fileBytes) throw new UnreadableFileError(file, limitReason('fileBytes'));
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const reason = fileSystemReason(error);
    if (reason) throw new UnreadableFileError(file, reason);
    throw error;
  }
}

/**
 * Reads an .xlsx or CSV file. The content decides whether it is a workbook (a zip, whatever its
 * name); text is read as CSV only under a .csv/.txt/.tsv name. Anything else — an image, a
 * renamed document, an old .xls — is refused with a reason. `loadXlsx` turns the bytes of a
 * workbook into its sheets; an InputLimitError names the limit, anything else it throws means
 * the file is damaged.
 */
async function read<Xlsx extends { sheets: unknown[] }>(
  file: string,
  loadXlsx: (bytes: Buffer) => Promise<Xlsx>,
): Promise<Xlsx | CsvSpreadsheet> {
  // Text is streamed by its own reader, which refuses a huge file without reading it whole.
  const csv = textExtensions.has(extname(file).toLowerCase()) ? await loadCsv(file) : undefined;
  if (csv) return csv;
  const bytes = await readBytes(file);
  if (bytes.length === 0) throw new UnreadableFileError(file, reasons.empty);
  if (startsWith(bytes, zipSignature)) {
    const otherDocument = notAWorkbook(bytes);
    if (otherDocument) throw new UnreadableFileError(file, otherDocument);
    let workbook: Xlsx;
    try {
      workbook = await loadXlsx(bytes);
    } catch (error) {
      if (error instanceof InputLimitError) throw new UnreadableFileError(file, error.reason);
      throw new UnreadableFileError(file, reasons.damagedXlsx);
    }
    if (workbook.sheets.length === 0) throw new UnreadableFileError(file, reasons.noSheets);
    return workbook;
  }
  if (startsWith(bytes, oleSignature)) throw new UnreadableFileError(file, reasons.legacyXls);
  throw new UnreadableFileError(file, reasons.notSpreadsheet);
}

/**
 * Reads the values and merged ranges of every sheet, for commands that only look (check). An
 * .xlsx is read straight from its XML (`readXlsxValues`), which gives the grids exceljs would give
 * several times faster.
 */
export function readSpreadsheet(file: string): Promise<Spreadsheet> {
  return read(file, async (bytes) => ({
    kind: 'xlsx' as const,
    sheets: await readXlsxValues(bytes),
  }));
}

/**
 * Opens a file to rewrite it (convert): an .xlsx is loaded whole by exceljs, which can save it
 * again. exceljs has no limits of its own, so the bounded reader goes first over every part, and
 * the tighter `convertCells` and `convertMerges` bound what exceljs builds. It builds an object
 * for every cell a merge declares, so when the merges as declared would take it past
 * `convertCells`, they are handed to it cut to the used range, as check reads them.
 */
export function openSpreadsheet(file: string): Promise<EditableSpreadsheet> {
  return read(file, async (bytes) => {
    const preflight = await readXlsx(bytes, { everyPart: true });
    const over = (['convertCells', 'convertMerges'] as const).find(
      (limit) =>
        (limit === 'convertCells' ? preflight.exceljsCells : preflight.mostMergesInASheet) >
        inputLimits[limit],
    );
    if (over) {
      throw new InputLimitError(over, {
        vi: 'hãy tách thành các tệp nhỏ hơn (lệnh check vẫn đọc được tệp này)',
        en: 'split it into smaller files (check still reads this one)',
      });
    }
    // Merges as declared would add their whole area to what exceljs builds; cut, they are counted.
    const tooBig = preflight.exceljsCells + preflight.mergedCells > inputLimits.convertCells;
    const loadable =
      tooBig && preflight.cutMerges.size > 0 ? withMergesCut(bytes, preflight.cutMerges) : bytes;
    // Loaded on use: exceljs takes a few hundred milliseconds to load.
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(loadable as unknown as ExcelJS.Buffer);
    return { kind: 'xlsx' as const, workbook, sheets: workbook.worksheets.map(sheets.worksheetToGrid) };
  });
}
