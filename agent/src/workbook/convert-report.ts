import { basename } from 'node:path';
import type { ConvertedCell } from './convert-xlsx';
import { textTable } from './text-table';

export interface ConvertResult {
  file: string;
  output: string;
  /** How the input's bytes were decoded (CSV) — the output is always Unicode. */
  sourceEncoding: string;
  converted: ConvertedCell[];
}

const encodingName = { tcvn3: 'TCVN3', vni: 'VNI' } as const;

export function convertReportJson(result: ConvertResult) {
  const fontsSwitched = result.converted.filter((cell) => cell.font).length;
  return {
    file: basename(result.file),
    output: result.output,
    sourceEncoding: result.sourceEncoding,
    converted: result.converted,
    summary: { cells: result.converted.length, fontsSwitched },
  };
}

export function convertReportText(result: ConvertResult): string {
  const { converted } = result;
  const switched = converted.filter((cell) => cell.font);
  const table =
    converted.length === 0
      ? ['Không có ô nào mã TCVN3/VNI / No TCVN3/VNI cells found']
      : [
          textTable([
            ['Trang tính/Sheet', 'Ô/Cell', 'Mã/Encoding', 'Trước/Before', 'Sau/After', 'Phông/Font'],
            ...converted.map((cell) => [
              cell.sheet,
              cell.cell,
              encodingName[cell.encoding],
              cell.before,
              cell.after,
              cell.font ? `${cell.font.from} → ${cell.font.to}` : '',
            ]),
          ]),
        ];
  return [
    `Tệp / File: ${basename(result.file)} (${result.sourceEncoding}) → ${result.output}`,
    ...table,
    `Đã chuyển ${converted.length} ô sang Unicode NFC, đổi phông cũ ở ${switched.length} ô; đã ghi ${result.output}`,
    `Converted ${converted.length} ${converted.length === 1 ? 'cell' : 'cells'} to Unicode NFC, switched the legacy font of ${switched.length}; wrote ${result.output}`,
  ].join('\n');
}
