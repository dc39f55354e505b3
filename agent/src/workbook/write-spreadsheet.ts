import { realpath, rm, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { sheets } from '@edulens/shared';
import { inputLimits, truncateText } from '@edulens/shared/limits';
import { CommandError } from '../commands/guard';
import { unwritable, UnwritableFileError } from '../output-file';
import type ExcelJS from 'exceljs';
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
    kind === 'csv' || spreadsheet.kind === 'csv'
      ? csvBytes(csvSheet(spreadsheet, output), spreadsheet.kind === 'csv' ? spreadsheet.delimiter : ',')
      : await workbookBytes(spreadsheet.workbook, output);
  try {
    await writeFile(output, bytes);
  } catch (error) {
    // A write cut short (a full disk) leaves no half file that looks like a result.
    await rm(output, { force: true }).catch(() => undefined);
    throw unwritable(output, error);
  }
}

/**
 * The workbook serialised in memory first, so that a part exceljs loaded but cannot write back (an
 * unknown media type) is named as the input's, and no empty output file is left behind.
 */
async function workbookBytes(workbook: ExcelJS.Workbook, output: string): Promise<Buffer> {
  try {
    return Buffer.from(await workbook.xlsx.writeBuffer());
  } catch (error) {
    const detail = truncateText(
      error instanceof Error ? error.message : String(error),
      inputLimits.quotedCharacters,
    );
    throw new UnwritableFileError(output, {
      vi: `bảng tính gốc có phần EduLens không ghi lại được (${detail})`,
      en: `the input workbook has a part EduLens cannot write back (${detail})`,
    });
  }
}
