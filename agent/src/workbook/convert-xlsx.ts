import { sheets, text } from '@edulens/shared';
import ExcelJS from 'exceljs';
import { drawsCapitals, isLegacyFont, legacyFontEncoding, unicodeFontFor } from './legacy-fonts';

export interface ConvertedCell {
  sheet: string;
  cell: string;
  before: string;
  after: string;
  /** The legacy encoding decoded, or "nfd" for decomposed Unicode brought to NFC. */
  encoding: text.LegacyEncoding | 'nfd';
  /**
   * Set when the text alone did not decide: its legacy font did (it also reads as Unicode), or
   * the cells around it did (it reads both ways and has no legacy font).
   */
  decidedBy?: 'font' | 'context';
  /** Set when the cell's legacy font was switched to a Unicode one. */
  font?: { from: string; to: string };
}

export interface WorkbookConversion {
  converted: ConvertedCell[];
  /** Cells whose legacy font was switched, numbers, dates and unchanged text included. */
  fontsSwitched: number;
}

type FontLike = Partial<ExcelJS.Font> | undefined;

/** One piece of text in one font: a plain string cell, or one run of a rich-text cell. */
interface Run {
  text: string;
  font: FontLike;
}

interface CellText {
  cell: ExcelJS.Cell;
  sheet: string;
  runs: Run[];
  rich: boolean;
}

const pieceFont = (font: FontLike): text.LegacyEncoding | undefined => legacyFontEncoding(font?.name);

/** The Unicode font of the same design and size, bold, italic…, or undefined for a Unicode font. */
function switchedFont(font: FontLike): { font: Partial<ExcelJS.Font>; from: string; to: string } | undefined {
  const from = font?.name;
  if (!from || !isLegacyFont(from)) return undefined;
  const to = unicodeFontFor(from);
  return { font: { ...font, name: to }, from, to };
}

function textOf(cell: ExcelJS.Cell): Run[] | undefined {
  const { value } = cell;
  if (typeof value === 'string') return [{ text: value, font: cell.font }];
  if (value && typeof value === 'object' && 'richText' in value) {
    return value.richText.map((piece) => ({ text: piece.text, font: piece.font ?? cell.font }));
  }
  return undefined;
}

/** Every cell of the workbook with a value or a style, master cells of merges only for text. */
function everyCell(workbook: ExcelJS.Workbook, visit: (cell: ExcelJS.Cell, sheet: string) => void): void {
  for (const worksheet of workbook.worksheets) {
    worksheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => visit(cell, worksheet.name));
    });
  }
}

/**
 * Turns the TCVN3/VNI text of the workbook into Unicode NFC in place, deciding by font first,
 * then by the text, then by the column, sheet and workbook around a cell that reads both ways;
 * brings decomposed (NFD) text to NFC; and gives every cell in a legacy font the Unicode font of
 * the same design, numbers and dates included (a legacy font draws Unicode as garbage and is
 * missing on most computers). Formulas, numbers, merges, widths and other styles stay.
 */
export function convertWorkbookText(workbook: ExcelJS.Workbook): WorkbookConversion {
  const cells: CellText[] = [];
  const styled: ExcelJS.Cell[] = [];
  everyCell(workbook, (cell, sheet) => {
    if (isLegacyFont(cell.font?.name)) styled.push(cell);
    if (cell.type === ExcelJS.ValueType.Merge) return;
    const runs = textOf(cell);
    if (runs) cells.push({ cell, sheet, runs, rich: typeof cell.value !== 'string' });
  });

  const pieces: text.TextPiece[] = cells.flatMap(({ cell, sheet, runs }) =>
    runs.map((run) => {
      const font = pieceFont(run.font);
      return { text: run.text, sheet, column: `${sheet}\u0000${cell.col}`, ...(font ? { font } : {}) };
    }),
  );
  // A column title as it stands ("Mã HS") is never decoded by the cells around it (see repairSheet).
  const decisions = text
    .decideLegacyText(pieces)
    .map((decision, i) =>
      decision.by === 'context' && sheets.classifyHeader(pieces[i]!.text) !== null
        ? { text: pieces[i]!.text, from: null, by: 'text' as const }
        : decision,
    );

  const converted: ConvertedCell[] = [];
  const switchedCells = new Set<ExcelJS.Cell>();
  let next = 0;
  for (const { cell, sheet, runs, rich } of cells) {
    let encoding: ConvertedCell['encoding'] | undefined;
    let decidedBy: ConvertedCell['decidedBy'];
    let fontSwitch: ConvertedCell['font'];
    const after = runs.map((run) => {
      const decision = decisions[next++]!;
      const newFont = switchedFont(run.font);
      let value = decision.text;
      if (decision.from !== null) {
        encoding ??= decision.from;
        if (decision.by !== 'text') decidedBy ??= decision.by;
      } else if (value.normalize('NFC') !== value) {
        value = value.normalize('NFC');
        encoding ??= 'nfd';
      }
      // ".VnTimeH" fonts draw every letter as a capital: the Unicode text must be upper-case.
      if (newFont && drawsCapitals(run.font?.name)) {
        const upper = value.toLocaleUpperCase('vi');
        if (upper !== value && encoding === undefined) {
          encoding = pieceFont(run.font);
          decidedBy ??= 'font';
        }
        value = upper;
      }
      if (newFont) fontSwitch ??= { from: newFont.from, to: newFont.to };
      return { text: value, font: newFont ? newFont.font : run.font };
    });
    const before = runs.map((run) => run.text).join('');
    if (rich) {
      const richText = after.map((run) =>
        run.font ? { text: run.text, font: run.font } : { text: run.text },
      );
      if (encoding !== undefined || fontSwitch) cell.value = { richText };
    } else if (encoding !== undefined) {
      cell.value = after[0]!.text;
    }
    if (fontSwitch) switchedCells.add(cell);
    if (encoding === undefined) continue;
    converted.push({
      sheet,
      cell: cell.address,
      before,
      after: after.map((run) => run.text).join(''),
      encoding,
      ...(decidedBy ? { decidedBy } : {}),
      ...(fontSwitch ? { font: fontSwitch } : {}),
    });
  }

  for (const cell of styled) {
    const newFont = switchedFont(cell.font);
    if (!newFont) continue;
    // Styles are shared between cells in exceljs: give this cell its own style object.
    cell.style = { ...cell.style, font: newFont.font };
    switchedCells.add(cell);
  }
  return { converted, fontsSwitched: switchedCells.size };
}
