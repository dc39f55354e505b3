import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputLimits } from '../limits/index';
import type { InputLimitError } from '../limits/index';
import { type Delimiter, detectDelimiter, formatDelimited, parseDelimited } from './delimited';

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

  it('parses like the character-at-a-time reference parser it replaced', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'ễ', ',', ';', '"', '\r', '\n', ' ') }),
        fc.constantFrom<Delimiter>(',', ';'),
        (text, delimiter) => {
          expect(parseDelimited(text, delimiter)).toEqual(referenceParse(text, delimiter));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses text past the limits on cell length, columns, rows and cells', () => {
    const limit = (text: string) => {
      try {
        parseDelimited(text, ',');
        return undefined;
      } catch (error) {
        return (error as InputLimitError).limit;
      }
    };
    expect(limit('a'.repeat(inputLimits.cellCharacters))).toBeUndefined();
    expect(limit('a'.repeat(inputLimits.cellCharacters + 1))).toBe('cellCharacters');
    expect(limit(`"${'a""'.repeat(inputLimits.cellCharacters)}"`)).toBe('cellCharacters');
    expect(limit(','.repeat(inputLimits.columns))).toBe('columns');
    // Every field is a cell, empty ones too: blank lines and rows of bare delimiters count.
    const { cells, rows } = inputLimits;
    expect(limit('\n'.repeat(Math.min(cells, rows)))).toBeUndefined();
    expect(limit('\n'.repeat(Math.max(cells, rows) + 1))).toBe(cells <= rows ? 'cells' : 'rows');
    expect(limit(',,,,,,,\n'.repeat(Math.ceil(cells / 8) + 1))).toBe('cells');
    expect(
      limit(
        '1,'
          .repeat(inputLimits.columns - 1)
          .concat('\n')
          .repeat(200),
      ),
    ).toBe('cells');
  });
});

/** The parser before slicing and limits, kept as the oracle of the one that replaced it. */
function referenceParse(text: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
