import { text } from '@edulens/shared';
import { unzipSync } from 'fflate';
import { gradeHeader } from '../helpers/grade-workbook';
import {
  buildZip,
  deflatePieces,
  gradeSheetXml,
  rowXml,
  sharedStringsXml,
  sheetHead,
  sheetTail,
  studentRow,
  workbookParts,
  type ZipPart,
} from '../helpers/hostile-files';
import { encodeWindows1258 } from '../helpers/windows-1258';

/*
 * Mutated .xlsx and .csv files for the fuzz suite, each from (seed, case number) alone, so one
 * case can be rebuilt without the others: truncated, bit-flipped, overwritten, entries swapped,
 * dropped or renamed, sizes in the directory lying, XML cut mid-tag, attributes with huge
 * numbers, deep nesting, entities, huge rows, columns and merges, too many sheets or parts, and
 * the bombs of issue 10 scaled down (a long run, entries sharing one stream).
 */

/** mulberry32: small, fast, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
}

export interface FuzzFile {
  ext: '.xlsx' | '.csv';
  /** The mutations applied, for the failure report. */
  recipe: string;
  bytes: Uint8Array;
}

type Parts = { name: string; bytes: Uint8Array }[];

// ---------------------------------------------------------------------------------------------
// Base files

const utf8 = (value: string) => Buffer.from(value, 'utf8');

function handBuiltParts(): Parts {
  const sheets = [
    { name: '6A - Toán', path: 'worksheets/sheet1.xml' },
    { name: '6B - Văn', path: 'worksheets/sheet2.xml' },
  ];
  const names = ['Nguyễn Văn An', text.encodeTcvn3('Trần Thị Bích Ngọc'), 'Lê Hoàng Nam', 'Phạm Thu Hà'];
  const sheet1 =
    sheetHead +
    rowXml(1, ['TRƯỜNG THCS LÊ LỢI']) +
    rowXml(3, [...gradeHeader]) +
    names
      .map((_, i) =>
        rowXml(
          4 + i,
          studentRow(i + 1, undefined).map((v, col) => (col === 2 ? { shared: i } : v)),
        ),
      )
      .join('') +
    sheetTail(['A1:I1', 'A2:C2']);
  return [
    ...workbookParts(sheets, true),
    { name: 'xl/sharedStrings.xml', content: sharedStringsXml(names) },
    { name: 'xl/worksheets/sheet1.xml', content: sheet1 },
    { name: 'xl/worksheets/sheet2.xml', content: gradeSheetXml(8) },
  ].map((part) => ({ name: part.name, bytes: utf8(part.content as string) }));
}

/** The bases: a hand-built workbook and the parts of an exceljs-written one (styles, themes and all). */
export interface FuzzBases {
  handBuilt: Parts;
  excel: Parts;
}

export function fuzzBases(excelWorkbook: Uint8Array): FuzzBases {
  const excel = Object.entries(unzipSync(excelWorkbook)).map(([name, bytes]) => ({ name, bytes }));
  return { handBuilt: handBuiltParts(), excel };
}

const csvNames = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Nam', 'Phạm Thu Hà', 'Đặng Quốc Bảo'];

function csvText(rows: number, separator = ','): string {
  const lines = [gradeHeader.join(separator)];
  for (let i = 1; i <= rows; i++) lines.push(studentRow(i, csvNames[i % csvNames.length]).join(separator));
  return `${lines.join('\r\n')}\r\n`;
}

function csvBase(dice: Dice): { bytes: Uint8Array; label: string } {
  const rows = dice.int(0, 40);
  const separator = dice.pick([',', ';', '\t']);
  const body = csvText(rows, separator);
  switch (dice.int(0, 4)) {
    case 0:
      return { bytes: utf8(body), label: `utf8 ${rows} rows` };
    case 1:
      return {
        bytes: Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), utf8(body)]),
        label: `utf8-bom ${rows} rows`,
      };
    case 2:
      return { bytes: encodeWindows1258(body), label: `windows-1258 ${rows} rows` };
    case 3:
      return { bytes: Buffer.from(text.encodeTcvn3(body), 'latin1'), label: `tcvn3 ${rows} rows` };
    default:
      return {
        bytes: Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(body, 'utf16le')]),
        label: `utf16le ${rows} rows`,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Byte-level mutations (any file)

function truncate(bytes: Uint8Array, dice: Dice): [Uint8Array, string] {
  const at = dice.int(0, Math.max(0, bytes.length - 1));
  return [bytes.slice(0, at), `truncated at ${at}/${bytes.length}`];
}

function flipBits(bytes: Uint8Array, dice: Dice): [Uint8Array, string] {
  const out = Uint8Array.from(bytes);
  const count = dice.int(1, 24);
  const at: number[] = [];
  for (let i = 0; i < count && out.length > 0; i++) {
    const byte = dice.int(0, out.length - 1);
    out[byte]! ^= 1 << dice.int(0, 7);
    at.push(byte);
  }
  return [out, `${count} bits flipped at ${at.slice(0, 6).join(',')}${at.length > 6 ? '…' : ''}`];
}

function overwrite(bytes: Uint8Array, dice: Dice): [Uint8Array, string] {
  const out = Uint8Array.from(bytes);
  const at = dice.int(0, Math.max(0, out.length - 1));
  const length = dice.int(1, 64);
  const fill = dice.pick(['random', '0x00', '0xff']);
  for (let i = at; i < Math.min(out.length, at + length); i++)
    out[i] = fill === 'random' ? dice.int(0, 255) : fill === '0x00' ? 0 : 0xff;
  return [out, `${length} bytes at ${at} overwritten (${fill})`];
}

function spliceBytes(bytes: Uint8Array, dice: Dice): [Uint8Array, string] {
  const from = dice.int(0, bytes.length);
  const to = Math.min(bytes.length, from + dice.int(1, 2048));
  if (dice.chance(0.5))
    return [Buffer.concat([bytes.subarray(0, from), bytes.subarray(to)]), `bytes ${from}–${to} cut out`];
  return [
    Buffer.concat([bytes.subarray(0, to), bytes.subarray(from, to), bytes.subarray(to)]),
    `bytes ${from}–${to} doubled`,
  ];
}

function byteMutation(bytes: Uint8Array, dice: Dice): [Uint8Array, string] {
  return dice.pick([truncate, flipBits, overwrite, spliceBytes])(bytes, dice);
}

// ---------------------------------------------------------------------------------------------
// XML mutations (one part of an .xlsx)

const hugeNumbers = [
  '4294967296',
  '4000000000',
  '99999999999999999999999',
  '1048577',
  '1048576',
  '-1',
  '0',
  '1e308',
  'NaN',
  '0x10',
  '',
  '9'.repeat(400),
];
const hugeRefs = [
  'XFD1048576',
  'XFE1',
  'A1048577',
  'ZZZZ1',
  'A0',
  'A4000000000',
  'XFD1',
  'A',
  '1',
  'AAAAAAAAAAAAAAA1',
];

function cutXml(xml: string, dice: Dice): [string, string] {
  const at = dice.int(0, xml.length);
  return [xml.slice(0, at), `cut at ${at}/${xml.length}`];
}

function hugeAttribute(xml: string, dice: Dice): [string, string] {
  const attributes = [
    ...xml.matchAll(/ (r|s|t|ref|count|uniqueCount|sheetId|spans|x|style|numFmtId)="([^"]*)"/g),
  ];
  if (attributes.length === 0) return [xml, 'no attribute to change'];
  const match = dice.pick(attributes);
  const value =
    match[1] === 'r' || match[1] === 'ref'
      ? dice.pick([...hugeRefs, ...hugeNumbers, `A1:${dice.pick(hugeRefs)}`])
      : dice.pick(hugeNumbers);
  const at = match.index;
  return [
    `${xml.slice(0, at)} ${match[1]}="${value}"${xml.slice(at + match[0].length)}`,
    `${match[1]}="${match[2]}" → "${value.slice(0, 40)}"`,
  ];
}

function deepNesting(xml: string, dice: Dice): [string, string] {
  const depth = dice.pick([100, 1000, 10_000, 100_000]);
  const tag = dice.pick(['t', 'r', 'x', 'is', 'c', 'row', 'si']);
  const at = Math.max(0, xml.lastIndexOf('<', dice.int(0, xml.length)));
  const nested = `<${tag}>`.repeat(depth) + dice.pick(['', 'x', `</${tag}>`.repeat(depth)]);
  return [`${xml.slice(0, at)}${nested}${xml.slice(at)}`, `${depth} nested <${tag}>`];
}

function hugeRow(xml: string, dice: Dice): [string, string] {
  const row = dice.pick(['1048576', '1048577', '4000000000', '2147483648', '99999999999', '0', '-5']);
  const col = dice.pick(['A', 'XFD', 'XFE', 'ZZZZZ', 'C']);
  const inserted = `<row r="${row}"><c r="${col}${row}" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="D${row}"><v>8</v></c></row>`;
  if (!xml.includes('</sheetData>')) return [xml + inserted, `row ${row} appended`];
  return [xml.replace('</sheetData>', `${inserted}</sheetData>`), `row ${row}, column ${col}`];
}

function hugeMerge(xml: string, dice: Dice): [string, string] {
  const ref = dice.pick([
    'K40:XFD1048576',
    'A1:XFD1048576',
    'B2:XFE5',
    'A1:A4000000000',
    'C3:ZZZZ99999999',
    'A1:',
    ':B2',
    'D4:A1',
    'A1:A1',
  ]);
  const count = dice.pick([1, 1, 1, 500, 5000]);
  const merges = `<mergeCell ref="${ref}"/>`.repeat(count);
  const result = xml.includes('</mergeCells>')
    ? xml.replace('</mergeCells>', `${merges}</mergeCells>`)
    : xml.replace('</sheetData>', `</sheetData><mergeCells count="${count}">${merges}</mergeCells>`);
  return [result, `${count} × merge ${ref}`];
}

function entities(xml: string, dice: Dice): [string, string] {
  const entity = dice.pick([
    '&#0;',
    '&#x110000;',
    '&#99999999999;',
    '&unknown;',
    '&amp;amp;',
    '&',
    '&#xD800;',
    '<![CDATA[Nguyễn]]>',
    '<!-- comment -->',
    '<?pi x?>',
  ]);
  if (dice.chance(0.3)) {
    // Billion laughs: a DTD with nested entities (a reader that expands them is a bomb).
    const dtd =
      '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`,
      ).join('') +
      ']>';
    const body = xml.replace(/^<\?xml[^>]*>\s*/, '');
    return [`${dtd}${body.replace(/<t>([^<]*)<\/t>/, '<t>&bbbbbbbbb;</t>')}`, 'billion-laughs DTD'];
  }
  const texts = [...xml.matchAll(/<t[^>]*>/g)];
  const at = texts.length ? dice.pick(texts).index + dice.pick(texts)[0].length : dice.int(0, xml.length);
  return [`${xml.slice(0, at)}${entity}${xml.slice(at)}`, `${entity} inserted`];
}

function longText(xml: string, dice: Dice): [string, string] {
  const length = dice.pick([32_767, 32_768, 100_000, 400_000]);
  const run = dice
    .pick(['A', 'Nguyễn ', text.encodeTcvn3('Nguyễn ')])
    .repeat(length)
    .slice(0, length);
  const at = xml.indexOf('</t>');
  if (at < 0) return [xml, 'no text to lengthen'];
  return [`${xml.slice(0, at)}${run}${xml.slice(at)}`, `text of ${length} characters`];
}

function garbage(xml: string, dice: Dice): [string, string] {
  const at = dice.int(0, xml.length);
  const junk = dice.pick([
    '<',
    '>',
    '"',
    "'",
    '</',
    '<c',
    '<row>',
    '</sheetData>',
    '\u0000',
    '\uFFFF',
    ' r="A1"',
  ]);
  return [`${xml.slice(0, at)}${junk}${xml.slice(at)}`, `${JSON.stringify(junk)} inserted at ${at}`];
}

function sharedIndex(xml: string, dice: Dice): [string, string] {
  const index = dice.pick(['4294967296', '-1', '999999', '1.5', 'x', '']);
  return [
    xml.replace('</sheetData>', `<row r="90"><c r="C90" t="s"><v>${index}</v></c></row></sheetData>`),
    `shared-string index ${index}`,
  ];
}

/** Parts of a sheet a library may expand address by address: validations, formats, links, columns. */
function sheetExtras(xml: string, dice: Dice): [string, string] {
  const range = dice.pick([
    'C1:C1048576',
    'A1:XFD1048576',
    'A1:XFD1',
    'B2:B3 D1:D1048576',
    'XFE1:XFE2',
    'A1',
  ]);
  const extra = dice.pick([
    `<dataValidations count="1"><dataValidation type="list" sqref="${range}"><formula1>"Đ,CĐ"</formula1></dataValidation></dataValidations>`,
    `<conditionalFormatting sqref="${range}"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>5</formula></cfRule></conditionalFormatting>`,
    `<hyperlinks><hyperlink ref="${range}" r:id="rId99"/></hyperlinks>`,
    `<cols><col min="1" max="${dice.pick(['16384', '16385', '4000000000'])}" width="9" customWidth="1"/></cols>`,
    `<dimension ref="${range}"/>`,
    `<autoFilter ref="${range}"/>`,
    `<printOptions/><rowBreaks count="1"><brk id="${dice.pick(['1048576', '4000000000'])}" max="16383"/></rowBreaks>`,
  ]);
  if (!xml.includes('</worksheet>')) return [xml + extra, 'sheet extra appended'];
  return [xml.replace('</worksheet>', `${extra}</worksheet>`), `${extra.slice(0, 60)}…`];
}

const xmlMutations = [
  sheetExtras,
  cutXml,
  hugeAttribute,
  deepNesting,
  hugeRow,
  hugeMerge,
  entities,
  longText,
  garbage,
  sharedIndex,
];

// ---------------------------------------------------------------------------------------------
// Archive-level mutations (the parts of an .xlsx)

function zip(parts: Parts): Uint8Array {
  return buildZip(parts.map(({ name, bytes }) => ({ name, content: bytes })));
}

function xmlPart(parts: Parts, dice: Dice): number {
  const preferred = parts
    .map((part, i) => ({ part, i }))
    .filter(({ part }) => /worksheets\/sheet|sharedStrings|workbook\.xml|styles/.test(part.name));
  return dice.pick(preferred.length ? preferred : parts.map((part, i) => ({ part, i }))).i;
}

function mutateXml(parts: Parts, dice: Dice): [Parts, string] {
  const index = xmlPart(parts, dice);
  const part = parts[index]!;
  let xml = Buffer.from(part.bytes).toString('utf8');
  const applied: string[] = [];
  for (let n = dice.int(1, 3); n > 0; n--) {
    const [next, what] = dice.pick(xmlMutations)(xml, dice);
    xml = next;
    applied.push(what);
  }
  const mutated = [...parts];
  mutated[index] = { name: part.name, bytes: utf8(xml) };
  return [mutated, `${part.name}: ${applied.join('; ')}`];
}

/** A styles part with more cell formats than Excel allows (64,000): a library builds each. */
function manyStyles(parts: Parts, dice: Dice): [Parts, string] {
  const count = dice.pick([1_000, 70_000, 250_000]);
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="1"><font><sz val="11"/><name val=".VnTime"/></font></fonts>' +
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders>' +
    `<cellXfs count="${count}">${'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'.repeat(count)}</cellXfs>` +
    '</styleSheet>';
  return [
    [...parts.filter((part) => part.name !== 'xl/styles.xml'), { name: 'xl/styles.xml', bytes: utf8(xml) }],
    `styles with ${count} cell formats`,
  ];
}

function swapEntries(parts: Parts, dice: Dice): [Parts, string] {
  const a = dice.int(0, parts.length - 1);
  const b = dice.int(0, parts.length - 1);
  const mutated = [...parts];
  mutated[a] = { name: parts[a]!.name, bytes: parts[b]!.bytes };
  mutated[b] = { name: parts[b]!.name, bytes: parts[a]!.bytes };
  return [mutated, `contents of ${parts[a]!.name} and ${parts[b]!.name} swapped`];
}

function dropOrRename(parts: Parts, dice: Dice): [Parts, string] {
  const index = dice.int(0, parts.length - 1);
  const name = parts[index]!.name;
  if (dice.chance(0.5)) return [parts.filter((_, i) => i !== index), `${name} dropped`];
  const renamed = dice.pick([
    '/xl/workbook.xml',
    'XL/WORKBOOK.XML',
    `${name}/`,
    '../../etc/passwd',
    '',
    name + name,
  ]);
  const mutated = [...parts];
  mutated[index] = { name: renamed, bytes: parts[index]!.bytes };
  return [mutated, `${name} renamed ${JSON.stringify(renamed)}`];
}

function duplicateEntry(parts: Parts, dice: Dice): [Parts, string] {
  const part = dice.pick(parts);
  return [[...parts, { name: part.name, bytes: dice.pick(parts).bytes }], `${part.name} listed twice`];
}

/** Directory fields that lie: sizes, CRC, method, offsets. */
function lyingDirectory(bytes: Uint8Array, dice: Dice): [Uint8Array, string] {
  const out = Buffer.from(bytes);
  const entries: number[] = [];
  for (
    let at = out.indexOf(Buffer.of(0x50, 0x4b, 0x01, 0x02));
    at >= 0;
    at = out.indexOf(Buffer.of(0x50, 0x4b, 0x01, 0x02), at + 4)
  )
    entries.push(at);
  if (entries.length === 0) return [out, 'no directory entry'];
  const entry = dice.pick(entries);
  const field = dice.pick([
    { name: 'uncompressed size', offset: 24, size: 4 },
    { name: 'compressed size', offset: 20, size: 4 },
    { name: 'crc', offset: 16, size: 4 },
    { name: 'method', offset: 10, size: 2 },
    { name: 'local header offset', offset: 42, size: 4 },
    { name: 'name length', offset: 28, size: 2 },
    { name: 'extra length', offset: 30, size: 2 },
  ]);
  const value =
    field.size === 2 ? dice.pick([0, 1, 12, 99, 0xffff]) : dice.pick([0, 1, 100, 0x7fffffff, 0xffffffff]);
  if (field.size === 2) out.writeUInt16LE(value, entry + field.offset);
  else out.writeUInt32LE(value, entry + field.offset);
  return [out, `directory ${field.name} → ${value}`];
}

// ---------------------------------------------------------------------------------------------
// Scaled-down bombs and counts past the limits

const MiB = 1024 * 1024;

function scaledBomb(dice: Dice): [Uint8Array, string] {
  const mib = dice.pick([1, 4, 16, 50, 64]);
  const sheets = [{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }];
  const stream = deflatePieces([
    `${sheetHead}${rowXml(3, [...gradeHeader])}<row r="4"><c r="C4" t="inlineStr"><is><t>`,
    { repeat: dice.pick(['A', ' ', 'Nguyễn ']).repeat(MiB / 8), count: mib * 8 },
    `</t></is></c></row>${sheetTail()}`,
  ]);
  const bytes = buildZip([...workbookParts(sheets), { name: 'xl/worksheets/sheet1.xml', content: stream }]);
  if (dice.chance(0.4)) {
    const [lying, what] = lyingDirectory(bytes, dice);
    return [lying, `bomb of ${mib} MiB in one cell, ${what}`];
  }
  return [bytes, `bomb of ${mib} MiB in one cell`];
}

function sharedStreams(dice: Dice): [Uint8Array, string] {
  const count = dice.int(2, 30);
  const sheets = Array.from({ length: count }, (_, i) => ({
    name: `Lớp ${i + 1}`,
    path: `worksheets/sheet${i + 1}.xml`,
  }));
  const sharing: Record<string, string> = {};
  for (let i = 2; i <= count; i++) sharing[`xl/worksheets/sheet${i}.xml`] = 'xl/worksheets/sheet1.xml';
  const stream = deflatePieces([gradeSheetXml(dice.int(1, 60))]);
  return [
    buildZip([...workbookParts(sheets), { name: 'xl/worksheets/sheet1.xml', content: stream }], sharing),
    `${count} entries share one stream`,
  ];
}

function manySheetsOrParts(dice: Dice): [Uint8Array, string] {
  if (dice.chance(0.5)) {
    const count = dice.pick([255, 256, 257, 400]);
    const sheets = Array.from({ length: count }, (_, i) => ({
      name: `S${i + 1}`,
      path: `worksheets/sheet${i + 1}.xml`,
    }));
    const parts: ZipPart[] = [
      ...workbookParts(sheets),
      ...sheets.map(({ path }) => ({
        name: `xl/${path}`,
        content: `${sheetHead}${rowXml(1, ['x'])}${sheetTail()}`,
      })),
    ];
    return [buildZip(parts), `${count} sheets`];
  }
  const count = dice.pick([9_999, 10_001, 12_000]);
  const parts: ZipPart[] = [
    ...workbookParts([{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }]),
    { name: 'xl/worksheets/sheet1.xml', content: gradeSheetXml(3) },
  ];
  for (let i = parts.length; i < count; i++)
    parts.push({ name: `xl/media/p${i}.bin`, content: '', stored: true });
  return [buildZip(parts), `${count} parts`];
}

// ---------------------------------------------------------------------------------------------
// CSV mutations

function csvMutation(bytes: Uint8Array, dice: Dice): [Uint8Array, string] {
  switch (dice.int(0, 8)) {
    case 0:
    case 1:
      return byteMutation(bytes, dice);
    case 2: {
      const at = dice.int(0, bytes.length);
      const stray = Buffer.from(Array.from({ length: dice.int(1, 3) }, () => dice.int(0x80, 0xff)));
      return [
        Buffer.concat([bytes.subarray(0, at), stray, bytes.subarray(at)]),
        `stray bytes ${stray.toString('hex')} at ${at}`,
      ];
    }
    case 3: {
      const at = dice.int(0, bytes.length);
      return [
        Buffer.concat([bytes.subarray(0, at), Buffer.alloc(dice.int(1, 200)), bytes.subarray(at)]),
        `NULs at ${at}`,
      ];
    }
    case 4: {
      const length = dice.pick([32_768, 40_000, 200_000]);
      return [
        Buffer.concat([bytes, utf8(`99,HS99,${'Nguyễn '.repeat(length / 7)},8,8,8,8,8,8\r\n`)]),
        `a name of ${length} characters`,
      ];
    }
    case 5: {
      const columns = dice.pick([16_384, 16_385, 40_000]);
      return [Buffer.concat([bytes, utf8(`${'8,'.repeat(columns)}\r\n`)]), `a row of ${columns} columns`];
    }
    case 6: {
      const quoted = dice.pick(['"', '"Nguyễn', '"a""b', `"${'x\n'.repeat(50_000)}`]);
      const at = dice.int(0, bytes.length);
      return [
        Buffer.concat([bytes.subarray(0, at), utf8(quoted), bytes.subarray(at)]),
        `quote ${JSON.stringify(quoted.slice(0, 12))} at ${at}`,
      ];
    }
    case 7: {
      const rows = dice.pick([1_000, 4_000]);
      return [
        Buffer.concat([bytes, utf8(csvText(rows).split('\r\n').slice(1).join('\n'))]),
        `${rows} more rows`,
      ];
    }
    default: {
      const separator = dice.pick(['\r', '\n\n\n', '\u2028', ';;;;']);
      return [
        utf8(Buffer.from(bytes).toString('latin1').replace(/\r\n/g, separator)),
        `line ends → ${JSON.stringify(separator)}`,
      ];
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** Case `index` of the run with `seed`: the same file every time. */
export function fuzzFile(bases: FuzzBases, seed: number, index: number): FuzzFile {
  const dice = new Dice(seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0));
  const kind = dice.random();
  if (kind < 0.3) {
    const { bytes, label } = csvBase(dice);
    let out = bytes;
    const applied = [label];
    for (let n = dice.int(1, 2); n > 0; n--) {
      const [next, what] = csvMutation(out, dice);
      out = next;
      applied.push(what);
    }
    return { ext: '.csv', recipe: applied.join('; '), bytes: out };
  }
  if (kind < 0.33) {
    const [bytes, what] = scaledBomb(dice);
    return { ext: '.xlsx', recipe: what, bytes };
  }
  if (kind < 0.36) {
    const [bytes, what] = sharedStreams(dice);
    return { ext: '.xlsx', recipe: what, bytes };
  }
  if (kind < 0.375) {
    const [bytes, what] = manySheetsOrParts(dice);
    return { ext: '.xlsx', recipe: what, bytes };
  }
  const useExcel = dice.chance(0.35);
  let parts = useExcel ? bases.excel : bases.handBuilt;
  const applied = [useExcel ? 'exceljs workbook' : 'hand-built workbook'];
  const archive = dice.random();
  if (archive < 0.55) {
    const [next, what] = mutateXml(parts, dice);
    parts = next;
    applied.push(what);
  } else if (archive < 0.65) {
    const [next, what] = swapEntries(parts, dice);
    parts = next;
    applied.push(what);
  } else if (archive < 0.72) {
    const [next, what] = dropOrRename(parts, dice);
    parts = next;
    applied.push(what);
  } else if (archive < 0.74) {
    const [next, what] = duplicateEntry(parts, dice);
    parts = next;
    applied.push(what);
  } else if (archive < 0.76) {
    const [next, what] = manyStyles(parts, dice);
    parts = next;
    applied.push(what);
  }
  let bytes = zip(parts);
  if (archive >= 0.76 || dice.chance(0.15)) {
    const [next, what] = archive >= 0.9 ? lyingDirectory(bytes, dice) : byteMutation(bytes, dice);
    bytes = next;
    applied.push(what);
  }
  return { ext: '.xlsx', recipe: applied.join('; '), bytes };
}
