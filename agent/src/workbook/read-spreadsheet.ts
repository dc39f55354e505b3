import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { sheets } from '@edulens/shared';
import ExcelJS from 'exceljs';
import { decodeText, type TextEncoding } from './csv-decoding';
import { fileSystemReason, reasons, UnreadableFileError } from './unreadable-file';
import { worksheetToGrid } from './xlsx-grid';

export type Spreadsheet =
  | { kind: 'xlsx'; workbook: ExcelJS.Workbook; sheets: sheets.GridSheet[] }
  | {
      kind: 'csv';
      encoding: TextEncoding;
      delimiter: sheets.Delimiter;
      sheets: [sheets.GridSheet];
    };

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0];
const textExtensions = new Set(['.csv', '.txt', '.tsv']);

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const reason = fileSystemReason(error);
    if (reason) throw new UnreadableFileError(file, reason);
    throw error;
  }
}

async function loadXlsx(file: string, bytes: Buffer): Promise<Spreadsheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new UnreadableFileError(file, reasons.damagedXlsx);
  }
  if (workbook.worksheets.length === 0) throw new UnreadableFileError(file, reasons.noSheets);
  return { kind: 'xlsx', workbook, sheets: workbook.worksheets.map(worksheetToGrid) };
}

function loadCsv(file: string, bytes: Buffer): Spreadsheet {
  const decoded = decodeText(bytes);
  if (!decoded) throw new UnreadableFileError(file, reasons.notSpreadsheet);
  const delimiter = sheets.detectDelimiter(decoded.text);
  const rows = sheets.parseDelimited(decoded.text, delimiter);
  const name = basename(file, extname(file));
  return { kind: 'csv', encoding: decoded.encoding, delimiter, sheets: [{ name, rows, merges: [] }] };
}

/**
 * Reads an .xlsx or CSV file into grids. The content decides whether it is a workbook (a zip,
 * whatever its name); text is read as CSV only under a .csv/.txt/.tsv name. Anything else — an
 * image, a renamed document, an old .xls — is refused with a reason.
 */
export async function readSpreadsheet(file: string): Promise<Spreadsheet> {
  const bytes = await readBytes(file);
  if (bytes.length === 0) throw new UnreadableFileError(file, reasons.empty);
  if (startsWith(bytes, zipSignature)) return loadXlsx(file, bytes);
  if (startsWith(bytes, oleSignature)) throw new UnreadableFileError(file, reasons.legacyXls);
  if (!textExtensions.has(extname(file).toLowerCase()))
    throw new UnreadableFileError(file, reasons.notSpreadsheet);
  return loadCsv(file, bytes);
}
