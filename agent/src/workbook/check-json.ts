import { basename } from 'node:path';
import type * as sheets from '@edulens/shared/sheets';
import { cutMark, cutQuotes, quoted, quotedChange } from './text-table';

const asNumber = (tenths: number | null): number | null => (tenths === null ? null : tenths / 10);

/** The one object `edulens check --json` prints: problems with cell refs, per-student averages, a summary. */
export function checkJson(file: string, analysis: sheets.WorkbookAnalysis) {
  const checked = analysis.sheets.filter((sheet) => sheet.status === 'checked');
  return {
    file: basename(file),
    rulepack: analysis.rulepack,
    sheets: analysis.sheets.map((sheet) =>
      sheet.status === 'checked'
        ? { name: sheet.sheet, status: sheet.status, headerRows: sheet.headerRows, blocks: sheet.blocks }
        : { name: sheet.sheet, status: sheet.status, reason: sheet.reason.vi, reasonEn: sheet.reason.en },
    ),
    problems: checked.flatMap((sheet) =>
      sheet.problems.map(({ sheet: name, cell, line, severity, code, message }) => {
        const vi = cutQuotes(message.vi);
        const en = cutQuotes(message.en);
        return {
          sheet: name,
          cell,
          ...(line === undefined ? {} : { line }),
          severity,
          code,
          message: vi,
          messageEn: en,
          ...cutMark(vi !== message.vi || en !== message.en),
        };
      }),
    ),
    rows: checked.flatMap((sheet) =>
      sheet.rows.map((row) => {
        const name = quoted(row.name);
        const code = quoted(row.code);
        return {
          ...row,
          code,
          name,
          average: asNumber(row.average),
          fileAverage: asNumber(row.fileAverage),
          ...cutMark(name !== row.name || code !== row.code),
        };
      }),
    ),
    repairs: checked.flatMap((sheet) =>
      sheet.repairs.map(({ cell, before, after, from }) => ({
        sheet: sheet.sheet,
        cell,
        ...quotedChange(before, after),
        from,
      })),
    ),
    summary: analysis.summary,
  };
}
