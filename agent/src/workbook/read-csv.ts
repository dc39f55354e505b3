import { basename, extname } from 'node:path';
import * as sheets from '@edulens/shared/sheets';
import type { TextEncoding } from './csv-decoding';
import { reasons, UnreadableFileError } from './unreadable-file';

export interface CsvSpreadsheet {
  kind: 'csv';
  encoding: TextEncoding;
  delimiter: sheets.Delimiter;
  sheets: [sheets.GridSheet];
}

/** A .csv/.txt/.tsv file as one sheet, its encoding and delimiter detected. */
export async function loadCsv(file: string, bytes: Buffer): Promise<CsvSpreadsheet> {
  // Loaded on use: iconv-lite is only needed for text files.
  const { decodeText } = await import('./csv-decoding');
  const decoded = decodeText(bytes);
  if (!decoded) throw new UnreadableFileError(file, reasons.notSpreadsheet);
  const delimiter = sheets.detectDelimiter(decoded.text);
  const rows = sheets.parseDelimited(decoded.text, delimiter);
  const name = basename(file, extname(file));
  return { kind: 'csv', encoding: decoded.encoding, delimiter, sheets: [{ name, rows, merges: [] }] };
}
