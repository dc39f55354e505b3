import { InputLimitError, inputLimits } from '../limits/index';

/**
 * CSV/TSV text ⇄ rows. Vietnamese Excel saves CSV with ";" when the system list separator is ";"
 * (decimal comma), and pasting from Excel gives tabs, so the delimiter is detected from the
 * first non-empty line rather than assumed.
 */
export type Delimiter = ',' | ';' | '\t';

const candidates: Delimiter[] = [',', ';', '\t'];

/** Lines looked at: enough to get past title rows ("TRƯỜNG…", "BẢNG ĐIỂM…") to the table. */
const sampleLines = 20;

/** The candidate that splits some early line (quotes aside) into the most fields. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.split(/\r?\n/, sampleLines).map((line) => line.replace(/"[^"]*"/g, ''));
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const delimiter of candidates) {
    const count = Math.max(0, ...lines.map((line) => line.split(delimiter).length - 1));
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

// Every field is a cell the grid holds, so empty ones count: a million rows of ",,,,,,," held
// eight million cells (2 GB in check) while not one of them was filled.
const emptyFieldsCount = {
  vi: 'ô trống giữa các dấu phân cách của tệp văn bản cũng được tính',
  en: "a text file's empty fields between delimiters count too",
};

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * RFC 4180 parsing: quoted fields may hold delimiters, doubled quotes and line breaks. Runs are
 * sliced rather than built a character at a time, and `inputLimits` (rows, columns, cells,
 * characters in a cell) hold as it goes: past one it throws `InputLimitError`, so a hostile file
 * costs no more than the limit.
 */
export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const separator = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let cells = 0;
  let empty = 0;
  const checkLength = () => {
    if (field.length > inputLimits.cellCharacters) throw new InputLimitError('cellCharacters');
  };
  const endField = () => {
    if (field === '') empty++;
    if (++cells > inputLimits.cells)
      throw new InputLimitError('cells', empty > 0 ? emptyFieldsCount : undefined);
    if (row.push(field) > inputLimits.columns) throw new InputLimitError('columns');
    field = '';
  };
  const endRow = () => {
    endField();
    if (rows.push(row) > inputLimits.rows) throw new InputLimitError('rows');
    row = [];
  };
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      // A quoted run, to its closing quote (the rest of the text when there is none).
      let start = i + 1;
      for (;;) {
        const close = text.indexOf('"', start);
        const end = close === -1 ? text.length : close;
        field += text.slice(start, end);
        checkLength();
        if (close !== -1 && text.charCodeAt(close + 1) === QUOTE) {
          field += '"';
          start = close + 2;
        } else {
          i = close === -1 ? text.length : close + 1;
          break;
        }
      }
    } else if (ch === separator) {
      endField();
      i++;
    } else if (ch === LF || ch === CR) {
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      endRow();
    } else {
      let end = i + 1;
      for (; end < text.length; end++) {
        const next = text.charCodeAt(end);
        if (next === QUOTE || next === separator || next === LF || next === CR) break;
      }
      field += text.slice(i, end);
      checkLength();
      i = end;
    }
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function quoteField(field: string, delimiter: Delimiter): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Rows → CSV text, every row ended by CRLF, as Excel writes it. */
export function formatDelimited(rows: readonly (readonly string[])[], delimiter: Delimiter = ','): string {
  return rows
    .map((row) => `${row.map((field) => quoteField(field, delimiter)).join(delimiter)}\r\n`)
    .join('');
}
