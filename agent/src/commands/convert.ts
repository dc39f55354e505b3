import type { Command } from 'commander';
import { CommandError, EXIT_UNUSABLE, guarded } from './guard';
import { type ConvertResult, convertReportJson, convertReportText } from '../workbook/convert-report';
import { convertGridText } from '../workbook/convert-csv';
import type { WorkbookConversion } from '../workbook/convert-xlsx';
import { type EditableSpreadsheet, openSpreadsheet } from '../workbook/read-spreadsheet';
import { outputKind, refuseToOverwrite, writeSpreadsheet } from '../workbook/write-spreadsheet';
import { checkOutputPath } from '../output-file';

interface ConvertOptions {
  output?: string;
  json?: boolean;
}

/** Repairs the text in place and lists what changed; CSV has no fonts, so only values change. */
async function repairSpreadsheetText(spreadsheet: EditableSpreadsheet): Promise<WorkbookConversion> {
  if (spreadsheet.kind === 'xlsx') {
    const { convertWorkbookText } = await import('../workbook/convert-xlsx');
    return convertWorkbookText(spreadsheet.workbook);
  }
  const { sheet, converted } = convertGridText(spreadsheet.sheets[0]);
  spreadsheet.sheets[0] = sheet;
  return { converted, fontsSwitched: 0 };
}

async function convert(file: string, options: ConvertOptions): Promise<number> {
  const { output } = options;
  // Checked here rather than with requiredOption, so that the message is bilingual.
  if (!output)
    throw new CommandError('Thiếu tệp kết quả: dùng -o TỆP', 'Missing the output file: use -o FILE');
  await refuseToOverwrite(file, output);
  await checkOutputPath(output);
  outputKind(output);
  const spreadsheet = await openSpreadsheet(file);
  const { converted, fontsSwitched } = await repairSpreadsheetText(spreadsheet);
  await writeSpreadsheet(spreadsheet, output);
  const result: ConvertResult = {
    file,
    output,
    sourceEncoding: spreadsheet.kind === 'csv' ? spreadsheet.encoding : 'xlsx',
    invalidUtf8: spreadsheet.kind === 'csv' ? spreadsheet.invalidUtf8 : undefined,
    converted,
    fontsSwitched,
  };
  console.log(options.json ? JSON.stringify(convertReportJson(result), null, 2) : convertReportText(result));
  return 0;
}

export function registerConvert(program: Command): void {
  program
    .command('convert')
    .summary('chuyển TCVN3/VNI sang Unicode / convert legacy encodings to Unicode')
    .description(
      'Chuyển chữ gõ mã TCVN3 (.VnTime) hoặc VNI sang Unicode NFC, giữ nguyên định dạng, ô gộp, công thức và các trang tính khác;\n' +
        'ô dùng phông .VnTime/.VnArial/VNI-… được đổi sang Times New Roman/Arial (phông cũ hiển thị chữ Unicode thành ký tự lạ).\n' +
        'Convert TCVN3 (.VnTime) or VNI text to Unicode NFC, keeping styles, merges, formulas and other sheets;\n' +
        'cells in .VnTime/.VnArial/VNI-… fonts switch to Times New Roman/Arial (the legacy fonts draw Unicode as garbage).\n' +
        'CSV → CSV UTF-8 có BOM / with BOM. Mã thoát / exit code: 0 = xong / done, 2 = không đọc hoặc ghi được / cannot read or write.',
    )
    .argument('<file>', 'tệp .xlsx hoặc .csv / .xlsx or .csv file')
    .option('-o, --output <file>', 'tệp kết quả (không được trùng tệp gốc) / output file (not the input)')
    .option('--json', 'in báo cáo JSON / print a JSON report')
    .action(guarded(convert, { failureExitCode: EXIT_UNUSABLE }));
}
