import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { worksheetToGrid } from '../sheets/worksheet-grid';
import { readXlsxValues } from './read-values';

/** The grids as `convert` reads them: exceljs loads the whole workbook. */
async function exceljsGrids(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map(worksheetToGrid);
}

async function writtenByExceljs(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * `check` and the extension's bulk fill must see exactly what `convert` sees: the same values, the
 * same holes, the same merges.
 */
async function expectSameGrids(bytes: Buffer) {
  const expected = await exceljsGrids(bytes);
  const grids = await readXlsxValues(bytes);
  expect(grids).toStrictEqual(expected);
  return grids;
}

async function expectRefused(bytes: Buffer) {
  await expect(exceljsGrids(bytes)).rejects.toThrow();
  await expect(readXlsxValues(bytes)).rejects.toThrow();
}

/** A zip written by hand (parts exceljs never writes): .rels parts stored, the rest deflated. */
function zip(files: Record<string, string>): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const method = name.endsWith('.rels') ? 0 : 8;
    const body = method === 0 ? data : deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, fileName, body);
    directory.push(central, fileName);
    offset += local.length + fileName.length + body.length;
  }
  const entries = Object.keys(files).length;
  const listing = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries, 8);
  end.writeUInt16LE(entries, 10);
  end.writeUInt32LE(listing.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, listing, end]);
}

const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const relationships = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const packageRels = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const worksheetType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

function workbookParts(sheets: Record<string, string>, parts: Record<string, string> = {}): Buffer {
  const names = Object.keys(sheets);
  return zip({
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${main} ${relationships}><sheets>${names
      .map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships ${packageRels}>${names
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${worksheetType}" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('')}</Relationships>`,
    ...Object.fromEntries(
      Object.values(sheets).map((data, i) => [
        `xl/worksheets/sheet${i + 1}.xml`,
        `<worksheet ${main} ${relationships}>${data}</worksheet>`,
      ]),
    ),
    ...parts,
  });
}

describe('readXlsxValues', () => {
  it('reads a two-row header merged as vnEdu exports it, merges and all', async () => {
    const bytes = await writtenByExceljs((workbook) => {
      const sheet = workbook.addWorksheet('6A - Toán');
      sheet.getCell('A1').value = 'BẢNG ĐIỂM MÔN TOÁN – LỚP 6A';
      sheet.mergeCells('A1:J1');
      sheet.getRow(3).values = [
        'STT',
        'Mã HS',
        'Họ và tên',
        'ĐĐGtx',
        null,
        null,
        null,
        'ĐĐGgk',
        'ĐĐGck',
        'ĐTBmhk',
      ];
      sheet.getRow(4).values = [null, null, null, 1, 2, 3, 4];
      for (const col of ['A', 'B', 'C', 'H', 'I', 'J']) sheet.mergeCells(`${col}3:${col}4`);
      sheet.mergeCells('D3:G3');
      sheet.getCell('E4').font = { bold: true };
      sheet.getRow(5).values = [1, 'HS0001', 'Nguyễn Văn An', 8, 7, 9, 10, 8, 9, 8.6];
      sheet.getRow(6).values = [2, 'HS0002', 'Trần Thị Bình', '8,5', null, 9, 8, '8,5', 8];
      sheet.getCell('F6').border = { top: { style: 'thin' } };
    });
    const [grid] = await expectSameGrids(bytes);
    // Cells covered by a merge are holes: the value sits in the top-left cell only.
    const headerRow = Object.assign([], {
      0: 'STT',
      1: 'Mã HS',
      2: 'Họ và tên',
      3: 'ĐĐGtx',
      7: 'ĐĐGgk',
      8: 'ĐĐGck',
      9: 'ĐTBmhk',
    });
    expect(grid?.rows[2]).toStrictEqual(headerRow);
    expect(grid?.rows[3]).toStrictEqual(Object.assign([], { 3: 1, 4: 2, 5: 3, 6: 4 }));
    expect(grid?.merges).toStrictEqual([
      { top: 0, left: 0, bottom: 0, right: 9 },
      { top: 2, left: 3, bottom: 2, right: 6 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 7, bottom: 3, right: 7 },
      { top: 2, left: 8, bottom: 3, right: 8 },
      { top: 2, left: 9, bottom: 3, right: 9 },
    ]);
  });

  it('reads every kind of value exceljs writes, in every sheet, in tab order', async () => {
    const bytes = await writtenByExceljs((workbook) => {
      const values = workbook.addWorksheet('Giá trị & ký tự');
      values.addRow(['chữ', '  cách  ', 'dòng\nmới', '<a href="x">&amp;</a>', '😀 ngoài BMP', '8,5']);
      values.addRow([0, -1.5, 8.299999999999999, 1e21, true, false]);
      values.addRow([
        new Date(Date.UTC(2025, 11, 20)),
        { error: '#N/A' },
        { richText: [{ text: 'Toán ' }, { text: 'TX', font: { bold: true } }] },
        { text: 'vnEdu', hyperlink: 'https://vnedu.vn' },
        { text: '', hyperlink: 'https://vnedu.vn/trong' },
      ]);
      values.addRow([
        { formula: 'A2+1', result: 1 },
        { formula: 'A2*0', result: 0 },
        { formula: 'A1&"!"', result: 'chữ!' },
        { formula: '1/0', result: { error: '#DIV/0!' } },
        { formula: 'TRUE()', result: true },
        { formula: 'NOW()', result: new Date(Date.UTC(2025, 0, 1, 7, 30)) },
        { formula: 'A2' },
      ]);
      values.getCell('A5').value = { formula: 'B2*2', result: -3 };
      values.getCell('B5').value = { sharedFormula: 'A5', result: 6 };
      values.getCell('C5').numFmt = 'dd/mm/yyyy';
      values.getCell('C5').value = 45000.25;
      values.getCell('D5').numFmt = '0.0"đ"';
      values.getCell('D5').value = 45000;
      values.getCell('E5').numFmt = '[Red]0.00';
      values.getCell('E5').value = 7;
      values.getCell('F9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
      values.getCell('B8').value = 'ô gộp';
      values.mergeCells('B8:C8');
      workbook.addWorksheet('Trống');
      const hidden = workbook.addWorksheet('Ẩn', { state: 'hidden' });
      hidden.getCell('B2').value = 'ẩn';
      const first = workbook.addWorksheet('Đầu tiên');
      first.getCell('A1').value = 'tab đầu';
      // Tab order apart from sheet ids (exceljs's typings leave orderNo out).
      (first as unknown as { orderNo: number }).orderNo = -1;
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.map((grid) => grid.name)).toEqual(['Đầu tiên', 'Giá trị & ký tự', 'Trống', 'Ẩn']);
  });

  it('keeps the 1904 date system', async () => {
    const bytes = await writtenByExceljs((workbook) => {
      workbook.properties.date1904 = true;
      workbook.addWorksheet('Ngày').getCell('A1').value = new Date(Date.UTC(2026, 4, 15));
    });
    const [grid] = await expectSameGrids(bytes);
    expect(grid?.rows[0]?.[0]).toStrictEqual(new Date(Date.UTC(2026, 4, 15)));
  });

  it('reads what other writers produce as exceljs does, quirks included', async () => {
    const sheet = `<!-- written by hand --><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="B1" t="inlineStr"><is><r><t>Toán</t></r><r><rPr><b/></rPr><t xml:space="preserve"> TX_x000D_</t></r></is></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c></row>
      <row r="2"><c r="A2" t="str"><v>a &amp;amp; b</v></c><c t="n"><v>8.5</v></c><c><v>7</v></c><c r="E2" s="1"><v>45000</v></c><c r="F2" s="2"><v>45000.5</v></c><c r="G2" s="3"><v>45000</v></c><c r="H2" s="4"><v>12</v></c></row>
      <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="e"><v>#DIV/0!</v></c><c r="C3"><f>1+1</f><v>2</v></c><c r="D3"><f>A1&amp;"x"</f><v>0</v></c><c r="E3" t="str"><f>"a"</f><v>text&#10;line</v></c><c r="F3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="G3"><f t="shared" ref="G3:G4" si="0">C3*2</f><v>4</v></c><c r="H3" s="1" t="b"><f>TRUE</f><v>1</v></c></row>
      <row r="4"><c r="G4"><f t="shared" si="0"/><v>6</v></c><c r="H4"><f t="shared" si="7"/><v>6</v></c><c r="A4" s="1"/><c r="B4"/><c r="C4"><v></v></c><c r="D4" t="inlineStr"><is><t>line one\r\nline two_x000D_</t></is></c><c r="E4" t="s"><v>3</v></c><c r="F4" t="s"><v>4</v></c></row>
      <row r="6"><c r="B6" s="1"/><c r="C6" s="1"/></row>
      <row r="7"><c r="A7"><v>1</v></c></row>
      <row r="7"><c r="B7"><v>2</v></c></row>
      <row r="9" spans="1:3"><c r="A9" t="inlineStr"><is><t><![CDATA[dropped]]></t></is></c><c r="B9" t="inlineStr"><is><t>kept</t></is></c><c r="$C$9"><v>3</v></c></row>
      <row r="10"><c r="A10"><v>5</v></c><c r="C10"><v>6</v></c></row>
      </sheetData>
      <mergeCells count="3"><mergeCell ref="C1:D1"/><mergeCell ref="B11:A10"/><mergeCell ref="E9"/></mergeCells>
      <hyperlinks><hyperlink ref="B6" r:id="rId1"/><hyperlink ref="C6" location="'Lớp'!A1"/></hyperlinks>`;
    const bytes = zip({
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook ${main} ${relationships}><workbookPr date1904="1"/><sheets>
        <sheet name="Lớp 6A &amp; 6B" sheetId="2" r:id="rId2"/><sheet name="Đầu" sheetId="1" r:id="rId1"/><sheet name="Biểu đồ" sheetId="3" r:id="rId3"/>
        </sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships ${packageRels}>
        <Relationship Id="rId1" Type="${worksheetType}" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="${worksheetType}" Target="/xl/worksheets/sheet2.xml"/>
        <Relationship Id="rId3" Type="chartsheet" Target="chartsheets/sheet1.xml"/>
        </Relationships>`,
      'xl/styles.xml': `<styleSheet ${main}><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="0.0&quot;d&quot;"/><numFmt numFmtId="14" formatCode="0.00"/></numFmts>
        <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="15"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs>
        <dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs></styleSheet>`,
      'xl/sharedStrings.xml': `<sst ${main}><si><t>Mã HS</t></si><si><r><t>ĐĐG</t></r><r><rPr><i/></rPr><t>tx</t></r></si><si><t xml:space="preserve"> padded _x000D_ </t><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si/><si><t>&lt;tag&gt; &amp; &#7888;&#x1F600;</t></si></sst>`,
      'xl/worksheets/sheet1.xml': `<worksheet ${main}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
      'xl/worksheets/sheet2.xml': `<?xml version="1.0"?>\n<worksheet ${main} ${relationships}>${sheet}</worksheet>`,
      'xl/worksheets/_rels/sheet2.xml.rels': `<Relationships ${packageRels}><Relationship Id="rId1" Type="hyperlink" Target="https://vnedu.vn" TargetMode="External"/></Relationships>`,
      'xl/worksheets/sheet3.xml': `<worksheet ${main}><sheetData><row r="1"><c r="A1"><v>9</v></c></row></sheetData></worksheet>`,
    });
    const grids = await expectSameGrids(bytes);
    expect(grids.map((grid) => grid.name)).toEqual(['Lớp 6A & 6B', 'Đầu']);
  });

  it('refuses what exceljs refuses', async () => {
    const overlapping = workbookParts({
      Lớp: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
    });
    const missingString = workbookParts(
      { Lớp: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' },
      {
        'xl/sharedStrings.xml': `<sst ${main}></sst>`,
      },
    );
    for (const bytes of [overlapping, missingString]) await expectRefused(bytes);
  });

  it('refuses a damaged or truncated zip', async () => {
    const bytes = await writtenByExceljs((workbook) => {
      workbook.addWorksheet('Lớp').getCell('A1').value = 'x';
    });
    const truncated = bytes.subarray(0, bytes.length >> 1);
    const scrambled = Buffer.from(bytes);
    const sheetData = scrambled.indexOf('xl/worksheets/sheet1.xml') + 30;
    scrambled.fill(0x55, sheetData, sheetData + 200);
    for (const damaged of [truncated, scrambled]) await expectRefused(damaged);
  });
});
