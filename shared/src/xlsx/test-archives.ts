import { Deflate, deflateSync, strToU8 } from 'fflate';

// Hostile and pathological .xlsx files built in code, for the limit tests (and for measuring the
// CLI on them). Test support only: nothing in the reader imports this.

export interface RawEntry {
  name: string;
  /** The compressed (or stored) data as written. */
  data: Uint8Array;
  method: 0 | 8;
  /** The inflated size the directory declares. */
  size: number;
  /** Points this directory entry at the local header of an earlier entry instead of its own. */
  sameDataAs?: string;
}

/** A zip written field by field, so that sizes can lie and entries can share data. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const shared = entry.sameDataAs === undefined ? undefined : offsets.get(entry.sameDataAs);
    const header = (signature: number, length: number) => {
      const bytes = new Uint8Array(length);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, signature, true);
      return { bytes, view };
    };
    const at = shared ?? offset;
    if (shared === undefined) {
      const local = header(0x04034b50, 30);
      local.view.setUint16(4, 20, true);
      local.view.setUint16(6, 0x800, true);
      local.view.setUint16(8, entry.method, true);
      local.view.setUint32(18, entry.data.length, true);
      local.view.setUint32(22, entry.size, true);
      local.view.setUint16(26, name.length, true);
      chunks.push(local.bytes, name, entry.data);
      offsets.set(entry.name, offset);
      offset += 30 + name.length + entry.data.length;
    }
    const central = header(0x02014b50, 46);
    central.view.setUint16(8, 0x800, true);
    central.view.setUint16(10, entry.method, true);
    central.view.setUint32(20, entry.data.length, true);
    central.view.setUint32(24, entry.size, true);
    central.view.setUint16(28, name.length, true);
    central.view.setUint32(42, at, true);
    directory.push(central.bytes, name);
  }
  const listing = concat(directory);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries.length, true);
  view.setUint16(10, entries.length, true);
  view.setUint32(12, listing.length, true);
  view.setUint32(16, offset, true);
  return concat([...chunks, listing, end]);
}

function concat(pieces: Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return whole;
}

/** A text part deflated, its true size declared. */
export function deflatedEntry(name: string, text: string): RawEntry {
  const data = strToU8(text);
  return { name, data: deflateSync(data, { level: 9 }), method: 8, size: data.length };
}

const main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const relationships = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const worksheetType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** workbook.xml and its relationships for `count` sheets, sheetN.xml for each. */
export function workbookEntries(count: number): RawEntry[] {
  const indexes = Array.from({ length: count }, (_, i) => i + 1);
  return [
    deflatedEntry(
      'xl/workbook.xml',
      `<workbook ${main} ${relationships}><sheets>${indexes
        .map((i) => `<sheet name="S${i}" sheetId="${i}" r:id="rId${i}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${indexes
        .map((i) => `<Relationship Id="rId${i}" Type="${worksheetType}" Target="worksheets/sheet${i}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  ];
}

/** A one-sheet workbook whose sheet holds `sheetXml` (what goes inside <worksheet>). */
export function oneSheetWorkbook(sheetXml: string, extra: RawEntry[] = []): Uint8Array {
  return rawZip([
    ...workbookEntries(1),
    deflatedEntry('xl/worksheets/sheet1.xml', `<worksheet ${main}>${sheetXml}</worksheet>`),
    ...extra,
  ]);
}

/**
 * A sheet part that inflates to about `bytes` of XML (a valid sheet, then a comment of spaces)
 * while its directory entry declares `declared` bytes: a zip bomb of a few hundred KB, deflated a
 * megabyte at a time so that building it costs no memory.
 */
export function bombEntry(name: string, bytes: number, declared = 1024): RawEntry {
  const pieces: Uint8Array[] = [];
  const deflater = new Deflate({ level: 9 }, (piece) => pieces.push(piece));
  deflater.push(
    strToU8(`<worksheet ${main}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><!--`),
  );
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  for (let left = bytes; left > 0; left -= spaces.length)
    deflater.push(spaces.subarray(0, Math.min(left, spaces.length)));
  deflater.push(strToU8('--></worksheet>'), true);
  return { name, data: concat(pieces), method: 8, size: declared };
}
