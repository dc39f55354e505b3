import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { text } from '@edulens/shared';
import { gradeHeader } from './grade-workbook';

/*
 * The bombs and pathological files of issue 10, built in code, deterministically and cheaply: a
 * stream that inflates to gigabytes is a short DEFLATE chunk (compressed once, ending on a full
 * flush so it stands alone) repeated, with its CRC worked out by combining CRCs rather than by
 * reading gigabytes. Each file is built once per process into a temporary folder
 * (`hostileFile(kind)`); `removeHostileFiles()` deletes the folder.
 */

// ---------------------------------------------------------------------------------------------
// CRC-32 of repeated data (zlib's crc32_combine)

function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(matrix, matrix[n]!);
}

/** CRC-32 of A then B, from crc(A), crc(B) and B's length (any length, beyond 4 GB too). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  if (lengthB <= 0) return crcB === 0 ? crcA : (crcA ^ crcB) >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row = (row << 1) >>> 0) odd[n] = row;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let crc = crcA >>> 0;
  let length = lengthB;
  do {
    gf2Square(even, odd);
    if (length % 2 === 1) crc = gf2Times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    gf2Square(odd, even);
    if (length % 2 === 1) crc = gf2Times(odd, crc);
    length = Math.floor(length / 2);
  } while (length !== 0);
  return (crc ^ crcB) >>> 0;
}

/** CRC-32 of `unit` repeated `count` times, by doubling. */
export function crc32Repeated(unitCrc: number, unitLength: number, count: number): number {
  let crc = 0;
  let powerCrc = unitCrc;
  let powerLength = unitLength;
  for (let left = count; left > 0; left = Math.floor(left / 2)) {
    if (left % 2 === 1) crc = crc32Combine(crc, powerCrc, powerLength);
    powerCrc = crc32Combine(powerCrc, powerCrc, powerLength);
    powerLength *= 2;
  }
  return crc;
}

// ---------------------------------------------------------------------------------------------
// DEFLATE streams built from pieces

/** A DEFLATE stream with the CRC and size of what it inflates to. */
export interface Deflated {
  data: Uint8Array;
  crc: number;
  size: number;
}

/** A piece of content: bytes once, or bytes repeated `count` times (compressed only once). */
export type Piece = string | Uint8Array | { repeat: string | Uint8Array; count: number };

const fullFlush = { level: 9, finishFlush: constants.Z_FULL_FLUSH };
/** A final fixed-Huffman block holding only its end code: closes a stream of full-flushed chunks. */
const finalEmptyBlock = Uint8Array.of(0x03, 0x00);

const bytesOf = (piece: string | Uint8Array) =>
  typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece);

/**
 * One DEFLATE stream of the pieces in order. Each piece ends on a full flush (byte-aligned, no
 * reference back past it), so a repeated piece is its compressed bytes repeated: a 1 MiB run
 * deflates once to ~1 KB and 4,000 copies make 4 GB of content from 4 MB of file.
 */
export function deflatePieces(pieces: readonly Piece[], level = 9): Deflated {
  const chunks: Uint8Array[] = [];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const repeated = typeof piece === 'object' && 'repeat' in piece;
    const unit = bytesOf(repeated ? piece.repeat : piece);
    const count = repeated ? piece.count : 1;
    const compressed = deflateRawSync(unit, { ...fullFlush, level });
    for (let i = 0; i < count; i++) chunks.push(compressed);
    crc = crc32Combine(crc, crc32Repeated(crc32(unit), unit.length, count), unit.length * count);
    size += unit.length * count;
  }
  chunks.push(finalEmptyBlock);
  return { data: Buffer.concat(chunks), crc, size };
}

// ---------------------------------------------------------------------------------------------
// A zip writer that can also lie: entries sharing one local header and its data

export interface ZipPart {
  name: string;
  /** Content to deflate, or a stream already deflated. */
  content: string | Uint8Array | Deflated;
  /** Store instead of deflate (content given as bytes or text). */
  stored?: boolean;
}

interface WrittenEntry {
  name: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function localHeader(entry: Omit<WrittenEntry, 'offset'>): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(entry.method, 8);
  header.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(entry.compressedSize, 18);
  header.writeUInt32LE(entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.name]);
}

function directoryEntry(entry: WrittenEntry): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(entry.method, 10);
  header.writeUInt32LE(0x00210000, 12);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(entry.compressedSize, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

function endOfDirectory(count: number, size: number, offset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return end;
}

function compressPart(part: ZipPart): { method: number; deflated: Deflated } {
  const { content } = part;
  if (typeof content === 'object' && 'crc' in content) return { method: 8, deflated: content };
  const bytes = bytesOf(content);
  if (part.stored) return { method: 0, deflated: { data: bytes, crc: crc32(bytes), size: bytes.length } };
  return { method: 8, deflated: { data: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length } };
}

/**
 * A zip archive of `parts`; each name in `sharing` is a directory entry with no data of its own,
 * pointing at the local header (and compressed data) of the part it maps to.
 */
export function buildZip(parts: readonly ZipPart[], sharing: Record<string, string> = {}): Buffer {
  const chunks: Buffer[] = [];
  const written: WrittenEntry[] = [];
  let offset = 0;
  for (const part of parts) {
    const { method, deflated } = compressPart(part);
    const entry = {
      name: Buffer.from(part.name, 'utf8'),
      method,
      crc: deflated.crc,
      compressedSize: deflated.data.length,
      size: deflated.size,
    };
    const header = localHeader(entry);
    written.push({ ...entry, offset });
    chunks.push(header, Buffer.from(deflated.data));
    offset += header.length + deflated.data.length;
  }
  const directory: Buffer[] = written.map(directoryEntry);
  for (const [name, target] of Object.entries(sharing)) {
    const shared = written.find((entry) => entry.name.toString('utf8') === target);
    if (!shared) throw new Error(`no part ${target} to share`);
    directory.push(directoryEntry({ ...shared, name: Buffer.from(name, 'utf8') }));
  }
  const directorySize = directory.reduce((sum, entry) => sum + entry.length, 0);
  return Buffer.concat([...chunks, ...directory, endOfDirectory(directory.length, directorySize, offset)]);
}

// ---------------------------------------------------------------------------------------------
// A minimal .xlsx, written by hand so every byte of it can be chosen

const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** "A", "Z", "AA", … "XFD" for a 1-based column. */
export function columnName(col: number): string {
  let name = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export type XmlCell = string | number | null | { shared: number };

/** `<c>` for one cell: text inline, numbers as values, `{ shared }` an index into sharedStrings. */
export function cellXml(col: number, row: number | string, value: XmlCell): string {
  // Without a row number the cell has no reference either: it follows the one before (legal).
  const ref = row === '' ? '' : ` r="${columnName(col)}${row}"`;
  if (value === null) return '';
  if (typeof value === 'number') return `<c${ref}><v>${value}</v></c>`;
  if (typeof value === 'object') return `<c${ref} t="s"><v>${value.shared}</v></c>`;
  return `<c${ref} t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

export function rowXml(row: number | string, values: readonly XmlCell[]): string {
  return `<row r="${row}">${values.map((value, i) => cellXml(i + 1, row, value)).join('')}</row>`;
}

export const sheetHead = `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}"><sheetData>`;

export function sheetTail(merges: readonly string[] = []): string {
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
    : '';
  return `</sheetData>${mergeXml}</worksheet>`;
}

const givenNames = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Nam', 'Phạm Thu Hà', 'Võ Minh Khôi'];

/** Student `i` (1-based): its name, and scores whose average is right. */
export function studentRow(i: number, name?: string): XmlCell[] {
  const tx = [8, 7 + (i % 3), 9];
  const gk = 8;
  const ck = 7 + (i % 2);
  const average = Math.round(((tx[0]! + tx[1]! + tx[2]! + 2 * gk + 3 * ck) / 8) * 10) / 10;
  return [
    i,
    `HS${String(i).padStart(6, '0')}`,
    name ?? givenNames[i % givenNames.length]!,
    ...tx,
    gk,
    ck,
    average,
  ];
}

/** A grade sheet's XML: title, header on row 3, `students` rows from row 4. */
export function gradeSheetXml(
  students: number,
  options: { merges?: string[]; name?: (i: number) => string | undefined } = {},
): string {
  const rows = [rowXml(1, ['TRƯỜNG THCS LÊ LỢI']), rowXml(3, [...gradeHeader])];
  for (let i = 1; i <= students; i++) rows.push(rowXml(3 + i, studentRow(i, options.name?.(i))));
  return `${sheetHead}${rows.join('')}${sheetTail(options.merges ?? ['A1:I1'])}`;
}

export interface Worksheet {
  name: string;
  /** Zip path under xl/, e.g. "worksheets/sheet1.xml". */
  path: string;
}

/** [Content_Types].xml, the relationships and workbook.xml for `sheets` (+ sharedStrings if asked). */
export function workbookParts(sheets: readonly Worksheet[], sharedStrings = false): ZipPart[] {
  const overrides = sheets
    .map(
      ({ path }) =>
        `<Override PartName="/xl/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const sharedOverride = sharedStrings
    ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    : '';
  const contentTypes =
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    `${overrides}${sharedOverride}</Types>`;
  const rootRels =
    `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const sheetRels = sheets
    .map(({ path }, i) => `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="${path}"/>`)
    .join('');
  const sharedRel = sharedStrings
    ? `<Relationship Id="rId${sheets.length + 1}" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/>`
    : '';
  const workbookRels =
    `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `${sheetRels}${sharedRel}</Relationships>`;
  const workbook =
    `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets>` +
    sheets
      .map(({ name }, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('') +
    '</sheets></workbook>';
  return [
    { name: '[Content_Types].xml', content: contentTypes },
    { name: '_rels/.rels', content: rootRels },
    { name: 'xl/workbook.xml', content: workbook },
    { name: 'xl/_rels/workbook.xml.rels', content: workbookRels },
  ];
}

/** A whole small .xlsx: one grade sheet of `students` (a valid base for mutations). */
export function gradeWorkbook(students = 12, options: Parameters<typeof gradeSheetXml>[1] = {}): Buffer {
  const sheets = [{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }];
  return buildZip([
    ...workbookParts(sheets),
    { name: 'xl/worksheets/sheet1.xml', content: gradeSheetXml(students, options) },
  ]);
}

/** One shared string table (`<sst>`) of the given texts. */
export function sharedStringsXml(texts: readonly string[]): string {
  return (
    `${xmlHead}<sst xmlns="${mainNs}" count="${texts.length}" uniqueCount="${texts.length}">` +
    texts.map((value) => `<si><t xml:space="preserve">${escapeXml(value)}</t></si>`).join('') +
    '</sst>'
  );
}

// ---------------------------------------------------------------------------------------------
// The hostile files

const MiB = 1024 * 1024;
const run = (size: number, char = 'A') => char.repeat(size);

/** A worksheet whose one cell is a text of `units` × 1 MiB — a bomb that is still well-formed XML. */
function bombSheet(units: number): Deflated {
  return deflatePieces([
    `${sheetHead}${rowXml(1, [...gradeHeader])}<row r="2"><c r="C2" t="inlineStr"><is><t>`,
    { repeat: run(MiB), count: units },
    `</t></is></c></row>${sheetTail()}`,
  ]);
}

function bombWorkbook(sheetData: Deflated, sharedStrings?: Deflated): Buffer {
  const sheets = [{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }];
  return buildZip([
    ...workbookParts(sheets, sharedStrings !== undefined),
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', content: sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', content: sheetData },
  ]);
}

/** Twenty worksheets in the directory, one local header and one compressed stream behind them all. */
function sharedStreamWorkbook(stream: Deflated): Buffer {
  const sheets = Array.from({ length: 20 }, (_, i) => ({
    name: `Lớp 6A${i + 1}`,
    path: `worksheets/sheet${i + 1}.xml`,
  }));
  const sharing: Record<string, string> = {};
  for (let i = 2; i <= 20; i++) sharing[`xl/worksheets/sheet${i}.xml`] = 'xl/worksheets/sheet1.xml';
  return buildZip([...workbookParts(sheets), { name: 'xl/worksheets/sheet1.xml', content: stream }], sharing);
}

/** Rows of a grade sheet from `from` to `to`, as one string (a batch of a big sheet). */
function gradeRows(from: number, to: number): string {
  const rows: string[] = [];
  for (let i = from; i <= to; i++) rows.push(rowXml(3 + i, studentRow(i)));
  return rows.join('');
}

/**
 * A grade sheet of `rows` rows in all: title and header, then the same student row over and over
 * without `r` numbers (legal: each row follows the one before), so the file stays small and the
 * reader has to count its way through them.
 */
function tallGradeSheet(rows: number): Deflated {
  const student = studentRow(7)
    .map((value, i) => cellXml(i + 1, '', value))
    .join('');
  return deflatePieces([
    `${sheetHead}${rowXml(1, ['TRƯỜNG THCS LÊ LỢI'])}<row r="2"/>${rowXml(3, [...gradeHeader])}`,
    { repeat: `<row>${student}</row>`.repeat(1000), count: Math.floor((rows - 3) / 1000) },
    { repeat: `<row>${student}</row>`, count: (rows - 3) % 1000 },
    sheetTail(),
  ]);
}

const csvHeader = `${gradeHeader.join(',')}\n`;

function csvRow(i: number): string {
  return `${studentRow(i).join(',')}\n`;
}

/** A CSV of real rows, written in 4 MB batches until it reaches `bytes`. */
function writeBigCsv(path: string, bytes: number): void {
  const fd = openSync(path, 'w');
  try {
    let written = writeSync(fd, csvHeader);
    let i = 1;
    while (written < bytes) {
      let batch = '';
      while (batch.length < 4 * MiB) batch += csvRow(i++);
      written += writeSync(fd, batch);
    }
  } finally {
    closeSync(fd);
  }
}

/** Names in a UTF-8 CSV, one of them followed by a byte that is not UTF-8. */
export const strayByteNames = ['Nguyễn Văn An', 'Nguyễn Thị Bích Ngọc', 'Lê Hoàng Nam', 'Nguyễn Hữu Đức'];

function strayByteCsv(): Buffer {
  const lines = strayByteNames.map((name, i) => studentRow(i + 1, name).join(','));
  const head = Buffer.from(`${csvHeader}${lines.slice(0, 2).join('\n')}\n`, 'utf8');
  // One stray 0xFF (a keyboard slip, a bad copy-paste) in a note after the second student.
  const tail = Buffer.from(`${lines.slice(2).join('\n')}\n`, 'utf8');
  return Buffer.concat([
    head.subarray(0, head.length - 1),
    Buffer.from(',ghi chú'),
    Buffer.of(0xff),
    Buffer.from('\n'),
    tail,
  ]);
}

export interface HostileSpec {
  /** File name (its extension decides how the CLI reads it). */
  file: string;
  /** What it is, for the test's name. */
  what: string;
  /** A legal file: must finish with a normal result rather than be refused. */
  legal?: boolean;
  /** The refusal must name a limit ("limit" in its English half). */
  namesLimit?: boolean;
  build: (path: string) => void;
}

const write = (content: () => Uint8Array) => (path: string) => writeFileSync(path, content());

const specs = {
  bomb400MB: {
    file: 'zip-bomb-400mb.xlsx',
    what: 'a ~400 KB zip bomb whose sheet inflates to 400 MB',
    namesLimit: true,
    build: write(() => bombWorkbook(bombSheet(400))),
  },
  bombGB: {
    file: 'zip-bomb-5gb.xlsx',
    what: 'a ~5 MB zip bomb inflating to 5 GB (3.5 GB sheet + 1.5 GB shared strings)',
    namesLimit: true,
    build: write(() =>
      bombWorkbook(
        bombSheet(3500),
        deflatePieces([
          `${xmlHead}<sst xmlns="${mainNs}" count="1" uniqueCount="1"><si><t>`,
          { repeat: run(MiB, ' '), count: 1500 },
          '</t></si></sst>',
        ]),
      ),
    ),
  },
  sharedStream: {
    file: 'shared-stream-20-sheets.xlsx',
    what: 'twenty sheet entries sharing one 400 MB compressed stream (8 GB in all)',
    build: write(() => sharedStreamWorkbook(bombSheet(400))),
  },
  sharedStreamSmall: {
    file: 'shared-stream-small.xlsx',
    what: 'twenty sheet entries sharing one small grade-sheet stream (refused for sharing, not size)',
    build: write(() => sharedStreamWorkbook(deflatePieces([gradeSheetXml(40)]))),
  },
  hugeRowNumber: {
    file: 'row-4000000000.xlsx',
    what: 'a 7 KB sheet with row number 4,000,000,000',
    namesLimit: true,
    build: write(() => {
      const xml =
        sheetHead +
        rowXml(3, [...gradeHeader]) +
        gradeRows(1, 40) +
        rowXml(4_000_000_000, studentRow(41)) +
        sheetTail();
      return buildZip([
        ...workbookParts([{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }]),
        { name: 'xl/worksheets/sheet1.xml', content: xml },
      ]);
    }),
  },
  mergeToXfd: {
    file: 'merge-K40-XFD1048576.xlsx',
    what: 'a valid grade sheet with the legal merge K40:XFD1048576',
    legal: true,
    build: write(() => gradeWorkbook(36, { merges: ['A1:I1', 'K40:XFD1048576'] })),
  },
  tcvn3Cell: {
    file: 'tcvn3-10mb-cell.xlsx',
    what: 'a small file with one 10 MB TCVN3 cell',
    namesLimit: true,
    build: write(() => {
      const phrase = text.encodeTcvn3('Nguyễn Thị Bích Ngọc trường Lê Lợi ');
      const units = Math.ceil((10 * MiB) / phrase.length);
      const shared = deflatePieces([
        `${xmlHead}<sst xmlns="${mainNs}" count="1" uniqueCount="1"><si><t>`,
        { repeat: phrase.repeat(1000), count: Math.ceil(units / 1000) },
        '</t></si></sst>',
      ]);
      const xml =
        sheetHead +
        rowXml(3, [...gradeHeader]) +
        gradeRows(1, 30) +
        rowXml(34, [31, 'HS000031', { shared: 0 }, 8, 8, 8, 8, 8, 8]) +
        sheetTail();
      return buildZip([
        ...workbookParts([{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }], true),
        { name: 'xl/sharedStrings.xml', content: shared },
        { name: 'xl/worksheets/sheet1.xml', content: xml },
      ]);
    }),
  },
  longName: {
    file: 'long-name-2000-students.xlsx',
    what: '2,000 students and one 1 MB name',
    namesLimit: true,
    build: write(() =>
      gradeWorkbook(2000, { name: (i) => (i === 1000 ? 'Nguyễn Văn An '.repeat(75_000) : undefined) }),
    ),
  },
  longLegalName: {
    file: 'long-legal-name-2000-students.xlsx',
    what: "2,000 students and one 32,000-character name (under Excel's 32,767: legal)",
    legal: true,
    build: write(() =>
      gradeWorkbook(2000, {
        name: (i) => (i === 1000 ? 'Nguyễn Văn An '.repeat(2300).slice(0, 32_000) : undefined),
      }),
    ),
  },
  millionRows: {
    file: 'million-rows.xlsx',
    what: '1,000,000 student rows (the same row repeated, no row numbers)',
    namesLimit: true,
    build: write(() => bombWorkbook(tallGradeSheet(1_000_000))),
  },
  csv300MB: {
    file: 'bang-diem-300mb.csv',
    what: 'a 300 MB CSV of real rows',
    namesLimit: true,
    build: (path) => writeBigCsv(path, 300 * MiB),
  },
  hugeSheetId: {
    file: 'sheetId-4000000000.xlsx',
    what: 'a 3 KB workbook whose sheet has sheetId 4,000,000,000 (found by the fuzz suite: convert ran for minutes)',
    build: write(() => {
      const parts = workbookParts([{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }]).map((part) =>
        part.name === 'xl/workbook.xml'
          ? { ...part, content: (part.content as string).replace('sheetId="1"', 'sheetId="4000000000"') }
          : part,
      );
      return buildZip([...parts, { name: 'xl/worksheets/sheet1.xml', content: gradeSheetXml(12) }]);
    }),
  },
  wholeColumnValidation: {
    file: 'validation-C1-C1048576.xlsx',
    what: 'a grade sheet with a data validation over C1:C1048576 (legal; a library may expand it cell by cell)',
    build: write(() => {
      const validation =
        '<dataValidations count="1"><dataValidation type="list" sqref="C1:C1048576">' +
        '<formula1>"Đ,CĐ"</formula1></dataValidation></dataValidations>';
      const xml = gradeSheetXml(12).replace('</worksheet>', `${validation}</worksheet>`);
      return buildZip([
        ...workbookParts([{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }]),
        { name: 'xl/worksheets/sheet1.xml', content: xml },
      ]);
    }),
  },
  hugeColumnSpan: {
    file: 'cols-max-4000000000.xlsx',
    what: 'a grade sheet whose <col> runs to column 4,000,000,000 (found by the fuzz suite: convert passed 1 GB)',
    build: write(() => {
      const cols = '<cols><col min="1" max="4000000000" width="9" customWidth="1"/></cols>';
      const xml = gradeSheetXml(12).replace('<sheetData>', `${cols}<sheetData>`);
      return buildZip([
        ...workbookParts([{ name: '6A - Toán', path: 'worksheets/sheet1.xml' }]),
        { name: 'xl/worksheets/sheet1.xml', content: xml },
      ]);
    }),
  },
  strayByteCsv: {
    file: 'stray-byte-utf8.csv',
    what: 'a UTF-8 CSV with one stray byte',
    legal: true,
    build: write(strayByteCsv),
  },
} satisfies Record<string, HostileSpec>;

export type HostileKind = keyof typeof specs;
export const hostileSpecs: Record<HostileKind, HostileSpec> = specs;

/** Files for the bench: a full-height sheet and a 100 MB CSV. */
export const benchSpecs = {
  fullHeightSheet: {
    file: 'rows-1048576.xlsx',
    what: 'a grade sheet of 1,048,576 rows',
    build: write(() => bombWorkbook(tallGradeSheet(1_048_576))),
  },
  csv100MB: {
    file: 'bang-diem-100mb.csv',
    what: 'a 100 MB CSV of real rows',
    build: (path: string) => writeBigCsv(path, 100 * MiB),
  },
} satisfies Record<string, Omit<HostileSpec, 'legal' | 'namesLimit'>>;

let folder: string | undefined;

/** The folder of this process's generated files. */
export function hostileFolder(): string {
  folder ??= mkdtempSync(join(tmpdir(), 'edulens-hostile-'));
  return folder;
}

/** Path of a generated file, building it on first use. */
export function generatedFile(spec: Pick<HostileSpec, 'file' | 'build'>): string {
  const path = join(hostileFolder(), spec.file);
  if (!existsSync(path)) spec.build(path);
  return path;
}

export function hostileFile(kind: HostileKind): string {
  return generatedFile(hostileSpecs[kind]);
}

export function removeHostileFiles(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}
