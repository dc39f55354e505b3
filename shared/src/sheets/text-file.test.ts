import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../text/index';
import { decodeTextFile } from './text-file';

const line = 'Họ và tên,Điểm\r\nNguyễn Thị Thuỷ,"8,5"\r\n';
const latin1 = (s: string): Uint8Array => Uint8Array.from([...s], (c) => c.charCodeAt(0));

describe('decodeTextFile', () => {
  it('reads UTF-8 with and without BOM and UTF-16 "Unicode Text", dropping the BOM', () => {
    const utf8 = new TextEncoder().encode(line);
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({
      text: line,
      encoding: 'utf-8-bom',
    });
    expect(decodeTextFile(utf8)).toEqual({ text: line, encoding: 'utf-8' });
    const utf16 = [...line].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]);
    expect(decodeTextFile(Uint8Array.from([0xff, 0xfe, ...utf16]))).toEqual({
      text: line,
      encoding: 'utf-16le',
    });
  });

  it('reads Windows-1258 and brings its combining tones to NFC', () => {
    // "Hà Nội" in Windows-1258: à has its own byte, ộ is ô (0xF4) + the combining dot below (0xF2).
    const bytes = Uint8Array.from([0x48, 0xe0, 0x20, 0x4e, 0xf4, 0xf2, 0x69]);
    expect(decodeTextFile(bytes)).toEqual({ text: 'Hà Nội', encoding: 'windows-1258' });
  });

  it('keeps TCVN3 bytes saved as ANSI as Windows-1252 characters, so that the names can be repaired', () => {
    const legacy = `Ho va ten\r\n${encodeTcvn3('Nguyễn Thị Thuỷ')}\r\n${encodeTcvn3('Trần Văn Đức')}\r\n`;
    expect(decodeTextFile(latin1(legacy))).toEqual({ text: legacy, encoding: 'windows-1252' });
  });

  it('refuses binary content', () => {
    expect(
      decodeTextFile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
    ).toBeUndefined();
  });

  it('reads back any Unicode text saved as UTF-8, with or without BOM', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\0') && !s.startsWith('\ufeff')),
        (s) => {
          const utf8 = new TextEncoder().encode(s);
          expect(decodeTextFile(utf8)?.text ?? '').toBe(s);
          expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))?.text).toBe(s);
        },
      ),
    );
  });
});
