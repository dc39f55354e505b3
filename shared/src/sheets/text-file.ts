import { repairText } from '../text/index';

/** How a text file's bytes were read. */
export type TextEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'windows-1258' | 'windows-1252';

const nonAscii = /[\u0080-\uffff]/;

/**
 * Old CSVs typed in TCVN3/VNI fonts hold the legacy bytes as ANSI. Read as Windows-1258 some of
 * those bytes turn into combining tones and the names cannot be repaired any more; read as
 * Windows-1252 they can. So the bytes are taken as 1252 when most non-ASCII fields then read as
 * TCVN3/VNI (real Windows-1258 text does so for about one field in ten).
 */
function holdsLegacyText(latin: string): boolean {
  const fields = latin.split(/[,;\t\r\n"]+/).filter((field) => nonAscii.test(field));
  const legacy = fields.filter((field) => repairText(field).from !== null).length;
  return legacy * 2 > fields.length;
}

/**
 * The one decoder of CSV/TXT bytes, for `edulens check`, `edulens convert` and the extension's
 * bulk fill, so that a file reads the same everywhere. Vietnamese Excel users produce UTF-8 with
 * BOM ("CSV UTF-8"), plain UTF-8, UTF-16 ("Unicode Text") or the Windows-1258 ANSI code page;
 * TCVN3/VNI text saved as ANSI is kept as Windows-1252 characters so that it can be repaired.
 * Windows-1258 writes tone marks as combining characters, so that text is normalised to NFC;
 * UTF-8 is left as the file has it, so that decomposed (NFD) names in it are still reported.
 * Undefined for binary content (NUL bytes: an image, archive or other binary). Pure: uses only
 * TextDecoder, present in browsers and Node.
 */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)),
      encoding: 'utf-8-bom',
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  }
  if (bytes.includes(0)) return undefined;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const latin = new TextDecoder('windows-1252').decode(bytes);
    if (holdsLegacyText(latin)) return { text: latin, encoding: 'windows-1252' };
    return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
  }
}
