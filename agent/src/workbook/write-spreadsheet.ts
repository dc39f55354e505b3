import { realpath, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { sheets } from '@edulens/shared';
import { CommandError } from '../commands/guard';
import { unwritable } from '../output-file';
import type { EditableSpreadsheet } from './read-spreadsheet';

/** Both paths as the file system sees them (symlinks resolved), so `-o ./a/../x.xlsx` is still caught. */
async function samePath(a: string, b: string): Promise<boolean> {
  const real = (path: string) => realpath(path).catch(() => resolve(path));
  return (await real(a)) === (await real(b));
}

export async function refuseToOverwrite(input: string, output: string): Promise<void> {
  if (await samePath(input, output)) {
    throw new CommandError(
      `Không ghi đè lên tệp gốc ${basename(input)}; hãy chọn tên khác cho -o`,
      `Will not overwrite the input ${basename(input)}; choose another name for -o`,
    );
  }
}

/** What `-o` asks for, by its extension. */
export type OutputKind = 'xlsx' | 'csv';

const outputKinds: Record<string, OutputKind> = {
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
};

/** Refuses an output name that says neither workbook nor CSV (an .xls, a .docx, no extension). */
export function outputKind(output: string): OutputKind {
  const kind = outputKinds[extname(output).toLowerCase()];
  if (kind) return kind;
  throw new CommandError(
    `Tệp kết quả ${basename(output)} phải có đuôi .xlsx hoặc .csv`,
    `The output ${basename(output)} must end in .xlsx or .csv`,
  );
}

/** CSV goes out as UTF-8 with BOM, which Excel opens as Unicode without asking. */
function csvBytes(sheet: sheets.GridSheet, delimiter: sheets.Delimiter): Buffer {
  const rows = sheet.rows.map((cells) => (cells ?? []).map((value) => sheets.cellText(value)));
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(sheets.formatDelimited(rows, delimiter), 'utf8'),
  ]);
}

/**
 * The one sheet a CSV output can hold: a CSV's own, or a one-sheet workbook's values as they are
 * after conversion. A workbook of several sheets is refused rather than cut down to one.
 */
function csvSheet(spreadsheet: EditableSpreadsheet, output: string): sheets.GridSheet {
  if (spreadsheet.kind === 'csv') return spreadsheet.sheets[0];
  const { worksheets } = spreadsheet.workbook;
  if (worksheets.length !== 1) {
    throw new CommandError(
      `Bảng tính có ${worksheets.length} trang tính, tệp CSV ${basename(output)} chỉ giữ được một; hãy ghi ra .xlsx`,
      `The workbook has ${worksheets.length} sheets and the CSV ${basename(output)} can hold only one; write an .xlsx`,
    );
  }
  return sheets.worksheetToGrid(worksheets[0]!);
}

/**
 * Writes the repaired spreadsheet in the format its output name says: .xlsx keeps the workbook
 * whole; .csv is UTF-8 with BOM. A CSV input has no workbook to write, so it cannot become .xlsx.
 */
export async function writeSpreadsheet(spreadsheet: EditableSpreadsheet, output: string): Promise<void> {
  const kind = outputKind(output);
  if (kind === 'xlsx' && spreadsheet.kind === 'csv') {
    throw new CommandError(
      `Tệp CSV chỉ ghi ra được CSV, không phải ${basename(output)}; hãy dùng -o ….csv`,
      `A CSV file can only be written as CSV, not ${basename(output)}; use -o ….csv`,
    );
  }
  const bytes =
    kind === 'csv'
      ? csvBytes(csvSheet(spreadsheet, output), spreadsheet.kind === 'csv' ? spreadsheet.delimiter : ',')
      : undefined;
  try {
    if (bytes) await writeFile(output, bytes);
    else if (spreadsheet.kind === 'xlsx') await spreadsheet.workbook.xlsx.writeFile(output);
  } catch (error) {
    throw unwritable(output, error);
  }
}
