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

  describe('deciding UTF-8 against an ANSI code page', () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const joined = (...parts: (string | number[])[]) =>
      Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

    it('keeps a UTF-8 file with stray bytes UTF-8, each a U+FFFD, and lists their lines', () => {
      const bytes = joined('Họ và tên,Điểm\nNguyễn Văn An,8\n', [0xec], 'Trần Thị B,', [0x81, 0x82], '7\n');
      expect(decodeTextFile(bytes)).toEqual({
        text: 'Họ và tên,Điểm\nNguyễn Văn An,8\n\ufffdTrần Thị B,\ufffd\ufffd7\n',
        encoding: 'utf-8',
        invalidUtf8: { bytes: 3, lines: 1, first: [{ line: 3, bytes: 3 }] },
      });
    });

    it('counts a truncated sequence as TextDecoder replaces it: one U+FFFD for its bytes', () => {
      // "ễ" is E1 BB 85: its first two bytes alone are one invalid run, on line 2.
      const decoded = decodeTextFile(joined('Nguyễn Văn An\nNguy', [0xe1, 0xbb], 'n\n'));
      expect(decoded?.text).toBe('Nguyễn Văn An\nNguy\ufffdn\n');
      expect(decoded?.invalidUtf8).toEqual({ bytes: 2, lines: 1, first: [{ line: 2, bytes: 2 }] });
    });

    it('lists the first ten lines and counts the rest', () => {
      const lines = Array.from({ length: 12 }, () => joined('Trần Thị Bình', [0xff], '\n'));
      const decoded = decodeTextFile(Uint8Array.from(lines.flatMap((line) => [...line])));
      expect(decoded?.encoding).toBe('utf-8');
      expect(decoded?.invalidUtf8?.lines).toBe(12);
      expect(decoded?.invalidUtf8?.first.map(({ line }) => line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('reports invalid bytes after a BOM too', () => {
      const decoded = decodeTextFile(joined([0xef, 0xbb, 0xbf], 'Nguyễn', [0xc0], '\n'));
      expect(decoded).toEqual({
        text: 'Nguyễn\ufffd\n',
        encoding: 'utf-8-bom',
        invalidUtf8: { bytes: 1, lines: 1, first: [{ line: 1, bytes: 1 }] },
      });
    });

    it('reads pure ASCII as UTF-8 with nothing invalid', () => {
      expect(decodeTextFile(utf8('STT,Ho va ten\n1,An\n'))).toEqual({
        text: 'STT,Ho va ten\n1,An\n',
        encoding: 'utf-8',
      });
    });

    it('reads ASCII with one high byte and no UTF-8 sequence as Windows-1258', () => {
      expect(decodeTextFile(joined('Ho va ten\nH', [0xe0], ' Noi\n'))).toEqual({
        text: 'Ho va ten\nHà Noi\n',
        encoding: 'windows-1258',
      });
    });

    it('reads real Windows-1258 as 1258 even where two of its letters pair into a UTF-8 sequence', () => {
      // "Ă" (C3) then "©" (A9) is also UTF-8 "é"; the file's other high bytes are not UTF-8.
      const bytes = joined(
        'H',
        [0xe0],
        ' N',
        [0xf4, 0xf2],
        'i,',
        [0xc3, 0xa9],
        '\nTr',
        [0xe2],
        'n V',
        [0xe3],
        'n\n',
      );
      expect(decodeTextFile(bytes)).toEqual({
        text: 'Hà Nội,Ă©\nTrân Văn\n',
        encoding: 'windows-1258',
      });
    });
  });
});
