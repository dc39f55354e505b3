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

/** RFC 4180 parsing: quoted fields may hold delimiters, doubled quotes and line breaks. */
export function parseDelimited(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
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

function quoteField(field: string, delimiter: Delimiter): string {
  return /["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** Rows → CSV text, every row ended by CRLF, as Excel writes it. */
export function formatDelimited(rows: readonly (readonly string[])[], delimiter: Delimiter = ','): string {
  return rows
    .map((row) => `${row.map((field) => quoteField(field, delimiter)).join(delimiter)}\r\n`)
    .join('');
}
