// The sub-path imports keep the rest of @edulens/shared (zod schemas, portal profiles) out of
// this command's start-up.
import * as rules from '@edulens/shared/rules';
import * as sheets from '@edulens/shared/sheets';
import type { Command } from 'commander';
import { checkJson } from '../workbook/check-json';
import { checkText } from '../workbook/check-text';
import { addInvalidUtf8Warnings } from '../workbook/read-csv';
import { readSpreadsheet } from '../workbook/read-spreadsheet';
import { CommandError, EXIT_UNUSABLE, guarded } from './guard';
import { reasons, UnreadableFileError } from '../workbook/unreadable-file';

interface CheckOptions {
  rulepack: string;
  periods?: string;
  json?: boolean;
}

function rulepackOption(id: string): rules.Rulepack {
  const known: readonly string[] = rules.rulepackIds;
  if (!known.includes(id)) {
    throw new CommandError(
      `Quy định "${id}" không có; chọn một trong: ${known.join(', ')}`,
      `Unknown rulepack "${id}"; choose one of: ${known.join(', ')}`,
    );
  }
  return rules.getRulepack(id as rules.RulepackId);
}

function periodsOption(periods: string | undefined): number | undefined {
  if (periods === undefined) return undefined;
  const value = Number(periods);
  if (!Number.isInteger(value) || value <= 0) {
    throw new CommandError(
      `--periods phải là số tiết/năm (số nguyên dương), không phải "${periods}"`,
      `--periods must be the periods per year (a positive whole number), not "${periods}"`,
    );
  }
  return value;
}

async function check(file: string, options: CheckOptions): Promise<number> {
  const rulepack = rulepackOption(options.rulepack);
  const periodsPerYear = periodsOption(options.periods);
  const spreadsheet = await readSpreadsheet(file);
  const analysis = sheets.analyseGradeWorkbook(spreadsheet.sheets, { rulepack, periodsPerYear });
  addInvalidUtf8Warnings(analysis, spreadsheet.kind === 'csv' ? spreadsheet.invalidUtf8 : undefined);
  if (analysis.summary.checkedSheets === 0) throw new UnreadableFileError(file, reasons.noGradeSheet);
  // One write of the whole report (megabytes of JSON for a school's workbook), not console.log.
  const report = options.json
    ? JSON.stringify(checkJson(file, analysis), null, 2)
    : checkText(file, analysis);
  process.stdout.write(`${report}\n`);
  return analysis.summary.errors > 0 ? 1 : 0;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .summary('kiểm tra tệp điểm .xlsx/.csv / check a grade file')
    .description(
      'Kiểm tra tệp điểm .xlsx/.csv: điểm từng ô, điểm trung bình môn học kỳ, cột ĐTB sai.\n' +
        'Check a .xlsx/.csv grade file: every score cell, semester averages, a wrong average column.\n' +
        'Mã thoát / exit code: 0 = không có lỗi / no errors, 1 = có lỗi / errors found, 2 = không đọc được tệp / unreadable file.',
    )
    .argument('<file>', 'tệp .xlsx hoặc .csv (UTF-8, UTF-8 BOM, Windows-1258) / .xlsx or .csv file')
    .option('--rulepack <id>', `quy định / rulepack: ${rules.rulepackIds.join(' | ')}`, 'tt22')
    .option(
      '--periods <n>',
      'số tiết/năm của môn, quyết định số điểm TX bắt buộc; mặc định: theo số cột TX trong tệp (tối đa mức cao nhất của quy định) / ' +
        'periods per year, which sets the required TX count; default: the number of TX columns in the file (capped at the rulepack maximum)',
    )
    .option('--json', 'in một đối tượng JSON / print one JSON object')
    .action(guarded(check, { failureExitCode: EXIT_UNUSABLE }));
}
