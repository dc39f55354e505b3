import { describe, expect, it } from 'vitest';
import { detectDelimiter, formatDelimited, parseDelimited } from './delimited';

describe('delimited text', () => {
  it('detects comma, semicolon (Vietnamese list separator) and tab (pasted from Excel)', () => {
    expect(detectDelimiter('\r\nSTT,Họ và tên,"TX 1; TX 2"\n1,An,8')).toBe(',');
    expect(detectDelimiter('STT;Họ và tên;TX1\n1;An;"8,5"')).toBe(';');
    expect(detectDelimiter('BẢNG ĐIỂM, LỚP 6A\nSTT;Mã HS;Họ và tên;TX1\n1;HS1;An;"8,5"')).toBe(';');
    expect(detectDelimiter('STT\tHọ và tên\tTX1')).toBe('\t');
  });

  it('parses quotes, doubled quotes, line breaks inside quotes and CRLF', () => {
    const text = 'STT,"Điểm\nTB","He said ""hi"""\r\n1,"8,5",x\r\n\r\n2,,';
    expect(parseDelimited(text)).toEqual([
      ['STT', 'Điểm\nTB', 'He said "hi"'],
      ['1', '8,5', 'x'],
      [''],
      ['2', '', ''],
    ]);
  });

  it('writes what it reads back', () => {
    const rows = [
      ['Họ và tên', 'Điểm'],
      ['Nguyễn "Bé" An', '8,5'],
      ['Trần\nBình', ''],
    ];
    const text = formatDelimited(rows);
    expect(text).toBe('Họ và tên,Điểm\r\n"Nguyễn ""Bé"" An","8,5"\r\n"Trần\nBình",\r\n');
    expect(parseDelimited(text)).toEqual(rows);
    expect(parseDelimited(formatDelimited(rows, ';'), ';')).toEqual(rows);
  });
});
