import { text } from '@edulens/shared';
import iconv from 'iconv-lite';

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
  const legacy = fields.filter((field) => text.repairText(field).from !== null).length;
  return legacy * 2 > fields.length;
}

/**
 * Decodes a CSV/TXT file the way Vietnamese Excel users produce them: UTF-8 with BOM ("CSV UTF-8"),
 * plain UTF-8, UTF-16 ("Unicode Text") or the Windows-1258 ANSI code page. Windows-1258 writes
 * tone marks as combining characters, so that text is normalised to NFC; UTF-8 is left as the
 * file has it, so that decomposed (NFD) names in it are still reported.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  // NUL bytes do not occur in text files: this is an image, archive or other binary.
  if (bytes.includes(0)) return undefined;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const latin = iconv.decode(Buffer.from(bytes), 'windows1252');
    if (holdsLegacyText(latin)) return { text: latin, encoding: 'windows-1252' };
    return {
      text: iconv.decode(Buffer.from(bytes), 'windows1258').normalize('NFC'),
      encoding: 'windows-1258',
    };
  }
}
