import { type Delimiter, parseDelimited } from './delimited';
import type { GridSheet } from './grid';

/**
 * Text copied from Excel (or Google Sheets, LibreOffice) → the pure grid. Excel puts the selected
 * cells on the clipboard as tab-separated lines ending in CRLF, the last one too, and quotes a
 * cell only when it holds a tab, a line break or a quote. Cells stay text: "8,5" is read later by
 * the rulepack, which knows the decimal comma.
 */
export function clipboardGrid(text: string, name = 'clipboard'): GridSheet {
  const clean = text.replace(/^\uFEFF/, '');
  const rows = parseDelimited(clean, clipboardDelimiter(clean)).map((cells) =>
    cells.map((cell) => cell.replace(/\u00A0/g, ' ')),
  );
  // Excel's trailing line break, and blank lines a selection may end with.
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop();
  return { name, rows, merges: [] };
}

/**
 * Tabs when there are any (every spreadsheet copies with tabs). Without a tab the selection was
 * one column — a comma there is a decimal comma ("8,5"), never a separator — unless it is a
 * semicolon-separated CSV text pasted from a file.
 */
function clipboardDelimiter(text: string): Delimiter {
  if (text.includes('\t')) return '\t';
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  return firstLine.replace(/"[^"]*"/g, '').includes(';') ? ';' : '\t';
}
