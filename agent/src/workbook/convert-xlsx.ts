import { text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import { drawsCapitals, isLegacyFont, unicodeFontFor } from './legacy-fonts';

export interface ConvertedCell {
  sheet: string;
  cell: string;
  before: string;
  after: string;
  encoding: text.LegacyEncoding;
  /** Set when the cell's legacy font was switched to a Unicode one. */
  font?: { from: string; to: string };
}

interface RunResult {
  text: string;
  from: text.LegacyEncoding | null;
  font: Partial<ExcelJS.Font> | undefined;
  fontSwitch?: { from: string; to: string };
}

/** One piece of text in one font: repaired, upper-cased for capitals-only fonts, font switched. */
function convertRun(value: string, font: Partial<ExcelJS.Font> | undefined): RunResult {
  const repaired = text.repairText(value);
  if (repaired.from === null) return { text: value, from: null, font };
  const fontName = font?.name;
  const converted = drawsCapitals(fontName) ? repaired.text.toLocaleUpperCase('vi') : repaired.text;
  if (!fontName || !isLegacyFont(fontName)) return { text: converted, from: repaired.from, font };
  const to = unicodeFontFor(fontName);
  return {
    text: converted,
    from: repaired.from,
    font: { ...font, name: to },
    fontSwitch: { from: fontName, to },
  };
}

function convertCell(cell: ExcelJS.Cell): Omit<ConvertedCell, 'sheet' | 'cell'> | undefined {
  const { value } = cell;
  if (typeof value === 'string') {
    const run = convertRun(value, cell.font);
    if (run.from === null) return undefined;
    cell.value = run.text;
    // Styles are shared between cells in exceljs: give this cell its own style object.
    if (run.fontSwitch) cell.style = { ...cell.style, font: run.font };
    return { before: value, after: run.text, encoding: run.from, font: run.fontSwitch };
  }
  if (value && typeof value === 'object' && 'richText' in value) {
    const runs = value.richText.map((piece) => convertRun(piece.text, piece.font ?? cell.font));
    const from = runs.find((run) => run.from !== null)?.from;
    if (!from) return undefined;
    cell.value = {
      richText: runs.map((run) => (run.font ? { text: run.text, font: run.font } : { text: run.text })),
    };
    return {
      before: value.richText.map((piece) => piece.text).join(''),
      after: runs.map((run) => run.text).join(''),
      encoding: from,
      font: runs.find((run) => run.fontSwitch)?.fontSwitch,
    };
  }
  return undefined;
}

/**
 * Turns every TCVN3/VNI text cell of the workbook into Unicode NFC in place. Only the value and,
 * for legacy fonts, the font name change: formulas, numbers, merges, widths and other styles stay.
 */
export function convertWorkbookText(workbook: ExcelJS.Workbook): ConvertedCell[] {
  const converted: ConvertedCell[] = [];
  for (const worksheet of workbook.worksheets) {
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const change = convertCell(cell);
        if (change) converted.push({ sheet: worksheet.name, cell: cell.address, ...change });
      });
    });
  }
  return converted;
}
