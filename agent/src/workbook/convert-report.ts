import { basename } from 'node:path';
import { type InvalidUtf8, invalidUtf8Problems } from '@edulens/shared/sheets';
import type { ConvertedCell } from './convert-xlsx';
import { quotedChange, textTable } from './text-table';

export interface ConvertResult {
  file: string;
  output: string;
  /** How the input's bytes were decoded (CSV) — the output is always Unicode. */
  sourceEncoding: string;
  converted: ConvertedCell[];
  /** Cells whose legacy font was switched, converted or not (numbers and dates included). */
  fontsSwitched?: number;
  /** Bytes of a UTF-8 CSV that were not UTF-8: written as U+FFFD, so the report names their lines. */
  invalidUtf8?: InvalidUtf8 | undefined;
}

/** The invalid-UTF-8 warnings of the input, as check words them. */
function warnings(result: ConvertResult) {
  return result.invalidUtf8 ? invalidUtf8Problems(basename(result.file), result.invalidUtf8) : [];
}

const encodingName = { tcvn3: 'TCVN3', vni: 'VNI', nfd: 'NFD' } as const;
// Cells the text alone did not decide say what did.
const decidedByName = { font: 'theo phông/by font', context: 'theo ngữ cảnh/by context' } as const;

export function convertReportJson(result: ConvertResult) {
  const fontsSwitched = result.fontsSwitched ?? result.converted.filter((cell) => cell.font).length;
  return {
    file: basename(result.file),
    output: result.output,
    sourceEncoding: result.sourceEncoding,
    warnings: warnings(result).map(({ line, message }) => ({
      ...(line === undefined ? {} : { line }),
      message: message.vi,
      messageEn: message.en,
    })),
    converted: result.converted.map((cell) => ({
      ...cell,
      ...quotedChange(cell.before, cell.after),
    })),
    summary: {
      cells: result.converted.length,
      fontsSwitched,
      decidedByFont: result.converted.filter((cell) => cell.decidedBy === 'font').length,
      decidedByContext: result.converted.filter((cell) => cell.decidedBy === 'context').length,
      normalizedNfd: result.converted.filter((cell) => cell.encoding === 'nfd').length,
    },
  };
}

export function convertReportText(result: ConvertResult): string {
  const { converted } = result;
  const switched = result.fontsSwitched ?? converted.filter((cell) => cell.font).length;
  const table =
    converted.length === 0
      ? ['Không có ô nào mã TCVN3/VNI / No TCVN3/VNI cells found']
      : [
          textTable([
            [
              'Trang tính/Sheet',
              'Ô/Cell',
              'Mã/Encoding',
              'Quyết định/Decided',
              'Trước/Before',
              'Sau/After',
              'Phông/Font',
            ],
            ...converted.map((cell) => [
              cell.sheet,
              cell.cell,
              encodingName[cell.encoding],
              cell.decidedBy ? decidedByName[cell.decidedBy] : '',
              cell.before,
              cell.after,
              cell.font ? `${cell.font.from} → ${cell.font.to}` : '',
            ]),
          ]),
        ];
  return [
    `Tệp / File: ${basename(result.file)} (${result.sourceEncoding}) → ${result.output}`,
    ...warnings(result).flatMap(({ message }) => [`CẢNH BÁO: ${message.vi}`, `WARNING: ${message.en}`]),
    ...table,
    `Đã chuyển ${converted.length} ô sang Unicode NFC, đổi phông cũ ở ${switched} ô; đã ghi ${result.output}`,
    `Converted ${converted.length} ${converted.length === 1 ? 'cell' : 'cells'} to Unicode NFC, switched the legacy font of ${switched}; wrote ${result.output}`,
  ].join('\n');
}
