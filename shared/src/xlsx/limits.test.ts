import ExcelJS from 'exceljs';
import { inflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputLimitError, inputLimits } from '../limits';
import { cellRef } from '../sheets/grid';
import { worksheetToGrid } from '../sheets/worksheet-grid';
import { withMergesCut } from './cut-merges';
import { readXlsx, readXlsxValues } from './read-values';
import {
  bombEntry,
  deflatedEntry,
  oneSheetWorkbook,
  type RawEntry,
  rawZip,
  workbookEntries,
} from './test-archives';

const mega = 1024 * 1024;

// Building a bomb deflates tens of megabytes: the heavy tests get 30 s on a busy machine.

/** Refused for the named limit, as InputLimitError (the CLI's exit 2 with the limit named). */
async function expectLimit(bytes: Uint8Array, limit: keyof typeof inputLimits, everyPart = false) {
  const refusal = readXlsx(bytes, { everyPart });
  await expect(refusal).rejects.toBeInstanceOf(InputLimitError);
  await expect(refusal).rejects.toMatchObject({ limit });
}

/** Refused as damage: a plain error, which the CLI reports as a damaged .xlsx. */
async function expectDamaged(bytes: Uint8Array) {
  const refusal = readXlsxValues(bytes);
  await expect(refusal).rejects.toThrow();
  await expect(refusal).rejects.not.toBeInstanceOf(InputLimitError);
}

function rows(count: number, row: (r: number) => string): string {
  return Array.from({ length: count }, (_, i) => row(i + 1)).join('');
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - start) / 1000 };
}

describe('the zip layer', () => {
  it('stops a bomb at entryBytes whatever size its directory declares', async () => {
    const bomb = rawZip([...workbookEntries(1), bombEntry('xl/worksheets/sheet1.xml', 64 * mega)]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expectLimit(bomb, 'entryBytes');
    // The same part under its limit reads.
    const small = rawZip([...workbookEntries(1), bombEntry('xl/worksheets/sheet1.xml', mega)]);
    expect((await readXlsxValues(small))[0]?.rows).toEqual([[1]]);
  }, 30_000);

  it('refuses a declared size over entryBytes before inflating anything', async () => {
    const entry = { ...bombEntry('xl/worksheets/sheet1.xml', 1024), size: inputLimits.entryBytes + 1 };
    await expectLimit(rawZip([...workbookEntries(1), entry]), 'entryBytes');
  });

  it('counts every part read against totalInflatedBytes', async () => {
    const parts = Math.ceil(inputLimits.totalInflatedBytes / (inputLimits.entryBytes - mega)) + 1;
    const sheets = Array.from({ length: parts }, (_, i) =>
      bombEntry(`xl/worksheets/sheet${i + 1}.xml`, inputLimits.entryBytes - mega),
    );
    await expectLimit(rawZip([...workbookEntries(parts), ...sheets]), 'totalInflatedBytes');
  }, 30_000);

  it('inflates parts nobody reads only for convert (everyPart), within the same limits', async () => {
    const bytes = oneSheetWorkbook('<sheetData/>', [bombEntry('xl/media/image1.png', 64 * mega)]);
    await expect(readXlsx(bytes)).resolves.toBeDefined();
    await expectLimit(bytes, 'entryBytes', true);
  }, 30_000);

  it('refuses entries that share compressed data (one stream listed under twenty sheets)', async () => {
    const first = bombEntry('xl/worksheets/sheet1.xml', 8 * mega);
    const copies = Array.from({ length: 19 }, (_, i) => ({
      ...first,
      name: `xl/worksheets/sheet${i + 2}.xml`,
      sameDataAs: first.name,
    }));
    await expectDamaged(rawZip([...workbookEntries(20), first, ...copies]));
  });

  it('refuses more than `entries` parts', async () => {
    const empty = (i: number): RawEntry => ({ name: `x/${i}`, data: new Uint8Array(0), method: 0, size: 0 });
    const parts = (count: number) => [
      ...workbookEntries(1),
      deflatedEntry('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>'),
      ...Array.from({ length: count - 3 }, (_, i) => empty(i)),
    ];
    await expect(readXlsxValues(rawZip(parts(inputLimits.entries)))).resolves.toHaveLength(1);
    await expectLimit(rawZip(parts(inputLimits.entries + 1)), 'entries');
  });

  it('refuses encrypted entries, unknown methods and truncation as damage', async () => {
    const good = oneSheetWorkbook('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
    await expect(readXlsxValues(good)).resolves.toHaveLength(1);
    const view = new DataView(good.buffer);
    const directory = view.getUint32(good.length - 6, true);
    const encrypted = good.slice();
    new DataView(encrypted.buffer).setUint16(directory + 8, 1, true);
    const unknownMethod = good.slice();
    for (let at = directory; at < good.length - 22; at += 46 + view.getUint16(at + 28, true)) {
      new DataView(unknownMethod.buffer).setUint16(at + 10, 12, true);
    }
    const cut = good.slice(0, good.length >> 1);
    for (const damaged of [encrypted, unknownMethod, cut]) await expectDamaged(damaged);
  });
});

describe('the worksheet reader', () => {
  it('refuses more than `sheets` worksheets', async () => {
    const sheets = (count: number) =>
      rawZip([
        ...workbookEntries(count),
        ...Array.from({ length: count }, (_, i) =>
          deflatedEntry(`xl/worksheets/sheet${i + 1}.xml`, '<worksheet><sheetData/></worksheet>'),
        ),
      ]);
    await expect(readXlsxValues(sheets(inputLimits.sheets))).resolves.toHaveLength(inputLimits.sheets);
    await expectLimit(sheets(inputLimits.sheets + 1), 'sheets');
  });

  it("refuses a row past Excel's last (row 4,000,000,000) at once", async () => {
    const { seconds } = await timed(() =>
      expectLimit(
        oneSheetWorkbook('<sheetData><row r="4000000000"><c r="A4000000000"><v>1</v></c></row></sheetData>'),
        'rows',
      ),
    );
    expect(seconds).toBeLessThan(1);
    await expectLimit(oneSheetWorkbook('<mergeCells><mergeCell ref="A1:A1048577"/></mergeCells>'), 'rows');
  });

  it('reads column XFD and refuses XFD + 1, in a cell or a merge', async () => {
    const xfd = await readXlsxValues(
      oneSheetWorkbook('<sheetData><row r="1"><c r="XFD1"><v>1</v></c></row></sheetData>'),
    );
    expect(xfd[0]?.rows[0]?.length).toBe(16_384);
    await expectLimit(
      oneSheetWorkbook('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>'),
      'columns',
    );
    await expectLimit(oneSheetWorkbook('<mergeCells><mergeCell ref="A1:XFE1"/></mergeCells>'), 'columns');
  });

  it('reads a single cell at A1048575 without walking the rows before it', async () => {
    const bytes = oneSheetWorkbook(
      '<sheetData><row r="1048575"><c r="A1048575"><v>7</v></c></row></sheetData>',
    );
    const { value, seconds } = await timed(() => readXlsxValues(bytes));
    expect(value[0]?.rows.length).toBe(1_048_575);
    expect(Object.keys(value[0]!.rows)).toEqual(['1048574']);
    expect(seconds).toBeLessThan(1);
  });

  it('accepts a legal K40:XFD1048576 merge cut to the used range, as convert reads it through exceljs', async () => {
    const sheet = `<sheetData>${rows(60, (r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="M${r}"><v>0</v></c></row>`)}</sheetData><mergeCells><mergeCell ref="K40:XFD1048576"/></mergeCells>`;
    const bytes = oneSheetWorkbook(sheet);
    const { value, seconds } = await timed(() => readXlsx(bytes));
    expect(seconds).toBeLessThan(1);
    const [grid] = value.sheets;
    expect(grid?.merges).toEqual([{ top: 39, left: 10, bottom: 59, right: 12 }]);
    expect(grid?.rows.length).toBe(60);
    expect(grid?.rows[39]?.[12]).toBeUndefined(); // covered: blank
    expect(value.cutMerges).toEqual(
      new Map([['xl/worksheets/sheet1.xml', new Map([['K40:XFD1048576', 'K40:M60']])]]),
    );
    // exceljs cannot build 17 billion cells: convert hands it the merge cut, and sees what check sees.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(withMergesCut(bytes, value.cutMerges) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map(worksheetToGrid)).toStrictEqual(value.sheets);
  });

  it('cuts merges alike in worksheetToGrid and the reader when exceljs can build them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Lớp');
    sheet.getCell('A1').value = 'BẢNG ĐIỂM';
    sheet.mergeCells('A1:Z3');
    sheet.getCell('B5').value = 'Họ và tên';
    sheet.getCell('D6').value = 8;
    sheet.mergeCells('F10:H12');
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const [grid] = await readXlsxValues(bytes);
    expect(grid?.merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 3 }]);
    expect(workbook.worksheets.map(worksheetToGrid)).toStrictEqual([grid]);
  });

  it('refuses a cell of 32,768 characters, as shared, inline or plain value; 32,767 reads', async () => {
    const at = (length: number) => 'x'.repeat(length);
    const inline = (text: string) =>
      oneSheetWorkbook(
        `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`,
      );
    const shared = (text: string) =>
      oneSheetWorkbook('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>', [
        deflatedEntry('xl/sharedStrings.xml', `<sst><si><t>${text}</t></si></sst>`),
      ]);
    const plain = (text: string) =>
      oneSheetWorkbook(`<sheetData><row r="1"><c r="A1" t="str"><v>${text}</v></c></row></sheetData>`);
    for (const build of [inline, shared, plain]) {
      expect((await readXlsxValues(build(at(32_767))))[0]?.rows[0]?.[0]).toHaveLength(32_767);
      await expectLimit(build(at(32_768)), 'cellCharacters');
    }
  });

  it('refuses more than `cells` filled cells, merged cells counted', async () => {
    const perRow = 100;
    const filledRows = Math.floor(inputLimits.cells / perRow);
    const cells = (r: number) =>
      rows(
        perRow,
        (c) =>
          `<c r="${String.fromCharCode(64 + Math.ceil(c / 26))}${String.fromCharCode(65 + ((c - 1) % 26))}${r}"><v>1</v></c>`,
      );
    const sheet = (extra: string) =>
      `<sheetData>${rows(filledRows, (r) => `<row r="${r}">${cells(r)}</row>`)}</sheetData>${extra}`;
    await expect(readXlsxValues(oneSheetWorkbook(sheet('')))).resolves.toHaveLength(1);
    // One more cell, covered by a merge inside the used range.
    await expectLimit(oneSheetWorkbook(sheet('<mergeCells><mergeCell ref="A1:A2"/></mergeCells>')), 'cells');
  }, 30_000);

  it('refuses more than `merges` merged ranges', async () => {
    const merges = (count: number) =>
      oneSheetWorkbook(
        `<mergeCells>${rows(count, (r) => `<mergeCell ref="A${r * 2}:B${r * 2}"/>`)}</mergeCells>`,
      );
    await expect(readXlsxValues(merges(inputLimits.merges))).resolves.toHaveLength(1);
    await expectLimit(merges(inputLimits.merges + 1), 'merges');
  });

  it('checks thousands of merges open on the same rows without comparing each pair', async () => {
    // One-column merges side by side over rows 2–3 (A2:A3 … XFD2:XFD3), all open on the same rows.
    const strips = rows(16_384, (col) => {
      const letters = cellRef(0, col - 1).slice(0, -1);
      return `<mergeCell ref="${letters}2:${letters}3"/>`;
    });
    const bytes = oneSheetWorkbook(
      `<sheetData><row r="9"><c r="XFD9"><v>1</v></c></row></sheetData><mergeCells>${strips}</mergeCells>`,
    );
    const { value, seconds } = await timed(() => readXlsxValues(bytes));
    expect(value[0]?.merges).toHaveLength(16_384);
    expect(seconds).toBeLessThan(1); // pair by pair: ~1.3 s
    const overlapping = oneSheetWorkbook(`<mergeCells>${strips}<mergeCell ref="XFD3:XFD4"/></mergeCells>`);
    await expect(readXlsxValues(overlapping)).rejects.toThrow('overlapping merged cells');
  });
});

describe('the style records', () => {
  it('refuses more than `styles`, and counts them for exceljs at an eighth of a cell each', async () => {
    const styles = (count: number) =>
      oneSheetWorkbook('<sheetData/>', [
        deflatedEntry(
          'xl/styles.xml',
          `<styleSheet><cellXfs>${'<xf/>'.repeat(count)}</cellXfs></styleSheet>`,
        ),
      ]);
    const within = await readXlsx(styles(inputLimits.styles));
    expect(within.exceljsCells).toBe(1 + inputLimits.styles / 8); // sheetId 1, the styles
    await expectLimit(styles(inputLimits.styles + 1), 'styles');
  });
});

describe('what convert hands to exceljs', () => {
  it('counts style-only cells and rows and the cells under data validations, which exceljs builds one by one', async () => {
    const base =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row><row r="2" s="1"/></sheetData>';
    const plain = await readXlsx(oneSheetWorkbook(base));
    expect(plain.exceljsCells).toBe(1 + 1 + 2 + 2); // sheetId 1, one row up to the last value, two <row>s, two <c>s
    const validated = await readXlsx(
      oneSheetWorkbook(`${base}<dataValidations><dataValidation sqref="C1:C1048576 E5"/></dataValidations>`),
    );
    expect(validated.exceljsCells).toBe(plain.exceljsCells + 1_048_576 + 1);
    expect(validated.exceljsCells).toBeGreaterThan(inputLimits.convertCells);
  });

  it('counts hyperlinks and, for convert, comments: exceljs builds a cell for each', async () => {
    const comments = deflatedEntry(
      'xl/comments1.xml',
      `<comments><commentList>${'<comment ref="A1"><text><t>x</t></text></comment>'.repeat(1000)}</commentList></comments>`,
    );
    const bytes = oneSheetWorkbook('<hyperlinks><hyperlink ref="B2" location="A1"/></hyperlinks>', [
      comments,
    ]);
    expect((await readXlsx(bytes)).exceljsCells).toBe(1 + 1); // sheetId 1, the hyperlink
    expect((await readXlsx(bytes, { everyPart: true })).exceljsCells).toBe(1 + 1001);
  });

  it('counts column spans (refused past XFD) and the largest sheetId, which exceljs walks', async () => {
    const wide = await readXlsx(oneSheetWorkbook('<cols><col min="1" max="16384" width="9"/></cols>'));
    expect(wide.exceljsCells).toBe(1 + 16_384 / 8); // sheetId 1, then a column object per 8
    await expectLimit(oneSheetWorkbook('<cols><col min="1" max="4000000000" width="9"/></cols>'), 'columns');
    const [workbook, ...rest] = workbookEntries(1);
    const farId = deflatedEntry(
      'xl/workbook.xml',
      new TextDecoder().decode(inflateSync(workbook!.data)).replace('sheetId="1"', 'sheetId="4000000000"'),
    );
    const sheet = deflatedEntry('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>');
    const reading = await readXlsx(rawZip([farId, ...rest, sheet]));
    expect(reading.sheets).toHaveLength(1);
    expect(reading.exceljsCells).toBe(4_000_000_000);
  });

  it('counts the cells a defined name lists, which exceljs lists one by one', async () => {
    const [workbook, ...rest] = workbookEntries(1);
    const named = deflatedEntry(
      'xl/workbook.xml',
      new TextDecoder()
        .decode(inflateSync(workbook!.data))
        .replace(
          '</sheets>',
          '</sheets><definedNames><definedName name="vung">\'S1\'!$A$1:$XFD$1048576</definedName></definedNames>',
        ),
    );
    const sheet = deflatedEntry('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>');
    const reading = await readXlsx(rawZip([named, ...rest, sheet]));
    expect(reading.exceljsCells).toBe(1 + 16_384 * 1_048_576);
  });
});

describe('test archives', () => {
  it('are what fflate writes, where sizes are honest', async () => {
    const text = '<worksheet><sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData></worksheet>';
    const honest = zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook xmlns:r="r"><sheets><sheet name="S1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(text),
    });
    expect(await readXlsxValues(honest)).toEqual(
      await readXlsxValues(
        oneSheetWorkbook('<sheetData><row r="1"><c r="A1"><v>5</v></c></row></sheetData>'),
      ),
    );
  });
});
