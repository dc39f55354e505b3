import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { openSpreadsheet } from './read-spreadsheet';
import { writeSpreadsheet } from './write-spreadsheet';

const folder = await mkdtemp(join(tmpdir(), 'edulens-write-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('writeSpreadsheet', () => {
  it('names a part exceljs loads but cannot write back as the input’s, and leaves no empty output', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Lớp 6A').getCell('A1').value = 'Nguyễn Văn An';
    const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    parts['xl/media/image1.bin'] = new Uint8Array(0); // a media type exceljs does not write
    const input = join(folder, 'media.xlsx');
    await writeFile(input, zipSync(parts));
    const output = join(folder, 'media-out.xlsx');
    await expect(writeSpreadsheet(await openSpreadsheet(input), output)).rejects.toThrow(
      'the input workbook has a part EduLens cannot write back (Unsupported media)',
    );
    expect(existsSync(output)).toBe(false);
  });
});
