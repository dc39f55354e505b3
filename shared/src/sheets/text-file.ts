import { problem } from '../problem';
import { repairText } from '../text/index';
import type { SheetProblem } from './sheet-problems';

/** How a text file's bytes were read. */
export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'windows-1258' | 'windows-1252';

/** Bytes of a UTF-8 file that are not UTF-8, by line: each became U+FFFD in the text. */
export interface InvalidUtf8 {
  /** Invalid bytes in the whole file. */
  bytes: number;
  /** Lines holding any. */
  lines: number;
  /** The first lines holding any (1-based), enough to find them; `lines` counts them all. */
  first: { line: number; bytes: number }[];
}

export interface DecodedTextFile {
  text: string;
  encoding: TextEncoding;
  /** Set when a file read as UTF-8 holds bytes that are not UTF-8. */
  invalidUtf8?: InvalidUtf8;
}

/** Lines listed in `InvalidUtf8.first`: a report names these, then says how many more. */
const listedLines = 10;

interface Utf8Scan {
  /** Bytes that belong to valid sequences of two to four bytes. */
  multiByte: number;
  invalid: InvalidUtf8;
}

/**
 * Walks the bytes as UTF-8 (the WHATWG rules TextDecoder follows, so that each invalid run
 * counted here is one U+FFFD there), counting the bytes of valid multi-byte sequences and the
 * invalid bytes of each line.
 */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const invalid: InvalidUtf8 = { bytes: 0, lines: 0, first: [] };
  let multiByte = 0;
  let line = 1;
  let lineInvalid = 0;
  const endLine = () => {
    if (lineInvalid === 0) return;
    invalid.lines++;
    if (invalid.first.length < listedLines) invalid.first.push({ line, bytes: lineInvalid });
    lineInvalid = 0;
  };
  for (let i = 0; i < bytes.length;) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      if (lead === 0x0a) {
        endLine();
        line++;
      }
      i++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    }
    let taken = 1;
    while (taken <= need && i + taken < bytes.length) {
      const next = bytes[i + taken]!;
      if (next < lower || next > upper) break;
      lower = 0x80;
      upper = 0xbf;
      taken++;
    }
    if (need > 0 && taken > need) multiByte += taken;
    else {
      invalid.bytes += taken;
      lineInvalid += taken;
    }
    i += taken;
  }
  endLine();
  return { multiByte, invalid };
}

const nonAscii = /[\u0080-\uffff]/;

/** Non-ASCII fields, and characters of each, enough to tell legacy text from Windows-1258. */
const sampledFields = 1000;
const sampledCharacters = 256;

/**
 * Old CSVs typed in TCVN3/VNI fonts hold the legacy bytes as ANSI. Read as Windows-1258 some of
 * those bytes turn into combining tones and the names cannot be repaired any more; read as
 * Windows-1252 they can. So the bytes are taken as 1252 when most non-ASCII fields then read as
 * TCVN3/VNI (real Windows-1258 text does so for about one field in ten). Only the start of the
 * first fields is tried, whatever the file holds: repairing every character of a 32 MB file to
 * decide took seconds.
 */
function holdsLegacyText(latin: string): boolean {
  const fields: string[] = [];
  const pattern = /[^,;\t\r\n"]+/g;
  for (let match = pattern.exec(latin); match && fields.length < sampledFields; match = pattern.exec(latin)) {
    const field = match[0].slice(0, sampledCharacters);
    if (nonAscii.test(field)) fields.push(field);
  }
  const legacy = fields.filter((field) => repairText(field).from !== null).length;
  return legacy * 2 > fields.length;
}

function utf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom', scan: Utf8Scan): DecodedTextFile {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return scan.invalid.bytes === 0 ? { text, encoding } : { text, encoding, invalidUtf8: scan.invalid };
}

/**
 * The one decoder of CSV/TXT bytes, for `edulens check`, `edulens convert` and the extension's
 * bulk fill, so that a file reads the same everywhere. Vietnamese Excel users produce UTF-8 with
 * BOM ("CSV UTF-8"), plain UTF-8, UTF-16 ("Unicode Text") or the Windows-1258 ANSI code page;
 * TCVN3/VNI text saved as ANSI is kept as Windows-1252 characters so that it can be repaired.
 *
 * The rule: a BOM decides. Otherwise the file is UTF-8 when more of its non-ASCII bytes form
 * valid UTF-8 sequences than do not — a stray byte among Vietnamese UTF-8 text stays one U+FFFD,
 * reported by line in `invalidUtf8`, instead of turning every name into mojibake. A file is read
 * in an ANSI code page only when it is not UTF-8 as a whole: invalid bytes at least as many as
 * the bytes of valid sequences, as in any real Windows-1258 or TCVN3 file (their letters only
 * rarely happen to pair into a UTF-8 sequence) or in ASCII text with one high byte.
 *
 * Windows-1258 writes tone marks as combining characters, so that text is normalised to NFC;
 * UTF-8 is left as the file has it, so that decomposed (NFD) names in it are still reported.
 * Undefined for binary content (NUL bytes: an image, archive or other binary). Pure: uses only
 * TextDecoder, present in browsers and Node.
 */
export function decodeTextFile(bytes: Uint8Array): DecodedTextFile | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const rest = bytes.subarray(3);
    return utf8(rest, 'utf-8-bom', scanUtf8(rest));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  }
  if (bytes.includes(0)) return undefined;
  const scan = scanUtf8(bytes);
  if (scan.invalid.bytes === 0 || scan.multiByte > scan.invalid.bytes) return utf8(bytes, 'utf-8', scan);
  const latin = new TextDecoder('windows-1252').decode(bytes);
  if (holdsLegacyText(latin)) return { text: latin, encoding: 'windows-1252' };
  return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
}

/**
 * Warnings for a file that read as UTF-8 with invalid bytes, one per listed line ("dòng 12: 1
 * byte không hợp lệ theo UTF-8"), then one for the lines not listed.
 */
export function invalidUtf8Problems(sheet: string, invalid: InvalidUtf8): SheetProblem[] {
  const found: SheetProblem[] = invalid.first.map(({ line, bytes }) => ({
    sheet,
    cell: '',
    line,
    ...problem(
      'text.invalid-utf8',
      'warning',
      `dòng ${line}: ${bytes} byte không hợp lệ theo UTF-8, đã đọc thành "\ufffd"`,
      `line ${line}: ${bytes} ${bytes === 1 ? 'byte' : 'bytes'} not valid UTF-8, read as "\ufffd"`,
    ),
  }));
  const more = invalid.lines - invalid.first.length;
  if (more > 0) {
    found.push({
      sheet,
      cell: '',
      ...problem(
        'text.invalid-utf8',
        'warning',
        `và ${more} dòng khác có byte không hợp lệ theo UTF-8 (tổng ${invalid.bytes} byte)`,
        `and ${more} more ${more === 1 ? 'line' : 'lines'} with bytes not valid UTF-8 (${invalid.bytes} in all)`,
      ),
    });
  }
  return found;
}
