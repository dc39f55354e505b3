import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inputLimits } from '@edulens/shared/limits';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openSpreadsheet } from './read-spreadsheet';

const folder = await mkdtemp(join(tmpdir(), 'edulens-open-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

/** A workbook of `sheets` sheets, each with `merges` rows whose name spans A:B. */
async function mergedWorkbook(name: string, sheets: number, merges: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (let s = 0; s < sheets; s++) {
    const sheet = workbook.addWorksheet(`Lớp ${s + 1}`);
    for (let row = 1; row <= merges; row++) {
      sheet.getCell(row, 1).value = `Học sinh ${row}`;
      sheet.getCell(row, 3).value = 8; // a score beside: the merge lies inside the used range
      sheet.mergeCells(row, 1, row, 2);
    }
  }
  const file = join(folder, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('openSpreadsheet (convert) bounds what exceljs builds', () => {
  // exceljs checks each merge against the others of its sheet: the cost is one sheet's count squared.
  const perSheet = Math.floor(inputLimits.convertMerges * 0.6);

  it('takes a workbook whose merges, many in all, are few in each sheet (a school of class sheets)', async () => {
    const file = await mergedWorkbook('school.xlsx', 3, perSheet);
    const opened = await openSpreadsheet(file);
    expect(opened.sheets).toHaveLength(3);
    expect(opened.sheets.every((sheet) => sheet.merges.length === perSheet)).toBe(true);
  });

  it('refuses one sheet with more merges than convert hands to exceljs, naming the limit', async () => {
    const file = await mergedWorkbook('one-sheet.xlsx', 1, inputLimits.convertMerges + 1);
    await expect(openSpreadsheet(file)).rejects.toThrow(
      /^Cannot read one-sheet\.xlsx: over the limit on merged ranges in one sheet convert can load/,
    );
  });
});
