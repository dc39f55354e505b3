import { text } from '@edulens/shared';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './csv-decoding';

const line = 'Họ và tên,Điểm\r\nNguyễn Thị Thuỷ,"8,5"\r\n';

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 "Unicode Text"', () => {
    expect(decodeText(Buffer.from(`\ufeff${line}`))).toEqual({ text: line, encoding: 'utf-8-bom' });
    expect(decodeText(Buffer.from(line))).toEqual({ text: line, encoding: 'utf-8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(line, 'utf-16le')]);
    expect(decodeText(utf16)).toEqual({ text: line, encoding: 'utf-16le' });
  });

  it('reads Windows-1258, whose combining tones become NFC', () => {
    const cp1258 = line
      .normalize('NFD')
      .replace(/[A-Za-z][\u0302\u0306\u031b]/g, (pair) => pair.normalize('NFC'));
    expect(decodeText(iconv.encode(cp1258, 'windows1258'))).toEqual({ text: line, encoding: 'windows-1258' });
  });

  it('keeps TCVN3 bytes as Windows-1252 characters, so that the names can be repaired', () => {
    const legacy = `Ho va ten\r\n${text.encodeTcvn3('Nguyễn Thị Thuỷ')}\r\n${text.encodeTcvn3('Trần Văn Đức')}\r\n`;
    const decoded = decodeText(Buffer.from(legacy, 'latin1'));
    expect(decoded).toEqual({ text: legacy, encoding: 'windows-1252' });
  });

  it('refuses binary content', () => {
    expect(decodeText(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toBeUndefined();
  });
});
