import { realpath, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { sheets } from '@edulens/shared';
import { CommandError } from '../commands/guard';
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

/** CSV goes out as UTF-8 with BOM, which Excel opens as Unicode without asking. */
function csvBytes(spreadsheet: Extract<EditableSpreadsheet, { kind: 'csv' }>): Buffer {
  const [sheet] = spreadsheet.sheets;
  const rows = sheet.rows.map((cells) => (cells ?? []).map((value) => sheets.cellText(value)));
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(sheets.formatDelimited(rows, spreadsheet.delimiter), 'utf8'),
  ]);
}

export async function writeSpreadsheet(spreadsheet: EditableSpreadsheet, output: string): Promise<void> {
  try {
    if (spreadsheet.kind === 'xlsx') await spreadsheet.workbook.xlsx.writeFile(output);
    else await writeFile(output, csvBytes(spreadsheet));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CommandError(`Không ghi được tệp ${output}: ${detail}`, `Cannot write ${output}: ${detail}`);
  }
}
