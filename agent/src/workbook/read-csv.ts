import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { InputLimitError, inputLimits } from '@edulens/shared/limits';
import * as sheets from '@edulens/shared/sheets';
import { fileSystemReason, reasons, UnreadableFileError } from './unreadable-file';

export interface CsvSpreadsheet {
  kind: 'csv';
  encoding: sheets.TextEncoding;
  delimiter: sheets.Delimiter;
  sheets: [sheets.GridSheet];
  /** Bytes of a UTF-8 file that are not UTF-8 (each read as U+FFFD), for the reports to name. */
  invalidUtf8?: sheets.InvalidUtf8;
}

// A workbook's content, whatever its name: read as a workbook, not as text.
const workbookSignatures = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
];

/**
 * The file's bytes, read in chunks up to `inputLimits.fileBytes`: a bigger file is refused at
 * the limit without reading the rest. Undefined when the first bytes are a workbook's.
 */
async function readTextBytes(file: string): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of createReadStream(file, {
      highWaterMark: 1024 * 1024,
    }) as AsyncIterable<Buffer>) {
      if (
        size === 0 &&
        workbookSignatures.some((signature) => signature.every((byte, i) => chunk[i] === byte))
      )
        return undefined;
      size += chunk.length;
      if (size > inputLimits.fileBytes) throw new InputLimitError('fileBytes');
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof InputLimitError) throw new UnreadableFileError(file, error.reason);
    const reason = fileSystemReason(error);
    if (reason) throw new UnreadableFileError(file, reason);
    throw error;
  }
  return Buffer.concat(chunks, size);
}

/**
 * The file's text, decoded; undefined for a workbook under a text name. Its own step, so that the
 * bytes are garbage before the text is parsed.
 */
async function readText(file: string): Promise<sheets.DecodedTextFile | undefined> {
  const bytes = await readTextBytes(file);
  if (!bytes) return undefined;
  if (bytes.length === 0) throw new UnreadableFileError(file, reasons.empty);
  const decoded = sheets.decodeTextFile(bytes);
  if (!decoded) throw new UnreadableFileError(file, reasons.notSpreadsheet);
  return decoded;
}

/**
 * A .csv/.txt/.tsv file as one sheet, its encoding and delimiter detected, within `inputLimits`
 * (size, rows, columns, cells, characters in a cell). Undefined when the content is a workbook
 * (.xlsx or .xls) under a text name, which the caller reads as one.
 */
export async function loadCsv(file: string): Promise<CsvSpreadsheet | undefined> {
  const decoded = await readText(file);
  if (!decoded) return undefined;
  const delimiter = sheets.detectDelimiter(decoded.text);
  let rows: string[][];
  try {
    rows = sheets.parseDelimited(decoded.text, delimiter);
  } catch (error) {
    if (error instanceof InputLimitError) throw new UnreadableFileError(file, error.reason);
    throw error;
  }
  const name = basename(file, extname(file));
  return {
    kind: 'csv',
    encoding: decoded.encoding,
    delimiter,
    sheets: [{ name, rows, merges: [] }],
    ...(decoded.invalidUtf8 ? { invalidUtf8: decoded.invalidUtf8 } : {}),
  };
}

/**
 * Adds the bytes of the CSV that are not UTF-8 to the report of its one sheet, as warnings the
 * summary counts: a file that read with replacement characters is never "no problems".
 */
export function addInvalidUtf8Warnings(
  analysis: sheets.WorkbookAnalysis,
  invalid: sheets.InvalidUtf8 | undefined,
): void {
  const sheet = analysis.sheets[0];
  if (!invalid || sheet?.status !== 'checked') return;
  const found = sheets.invalidUtf8Problems(sheet.sheet, invalid);
  sheet.problems.unshift(...found);
  analysis.summary.warnings += found.length;
}
