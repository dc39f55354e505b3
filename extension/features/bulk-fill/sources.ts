import { InputLimitError, inputLimits, limitReason } from '@edulens/shared/limits';
import {
  clipboardGrid,
  decodeTextFile,
  type GridSheet,
  invalidUtf8Problems,
  parseDelimited,
} from '@edulens/shared/sheets';
import { readXlsxValues } from '@edulens/shared/xlsx';
import { currentLang, t } from '../../lib/i18n';

// Where bulk-fill data comes from: text pasted from Excel, a picked .csv or .xlsx. All of it is
// read here, in the engine (a script loaded on first use, so the content script every portal page
// pays for carries no zip or XML reader), with the limits and the reader `edulens check` uses.

export type SheetsResult =
  /** `notice`: what the reader had to guess at (bytes that are not UTF-8), shown with the preview. */
  { ok: true; sheets: GridSheet[]; notice?: string } | { ok: false; message: string };

/** A refusal naming the limit, in the user's language. */
function overLimit(name: string, reason: { vi: string; en: string }): SheetsResult {
  const message =
    currentLang() === 'vi'
      ? `Không đọc được tệp "${name}": ${reason.vi}.`
      : `Cannot read "${name}": ${reason.en}.`;
  return { ok: false, message };
}

/** Parses text within the input limits; a limit reached becomes a refusal instead of an error. */
function withinLimits(name: string, parse: () => SheetsResult): SheetsResult {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InputLimitError) return overLimit(name, error.reason);
    throw error;
  }
}

export function pastedSheets(text: string): SheetsResult {
  const name = t('bulkFill_pastedData');
  return withinLimits(name, () => ({ ok: true, sheets: [clipboardGrid(text, name)] }));
}

function extension(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

export async function fileSheets(file: File): Promise<SheetsResult> {
  const ext = extension(file.name);
  if (file.size > inputLimits.fileBytes) return overLimit(file.name, limitReason('fileBytes'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    // The decoder `edulens check` and `convert` use, so that a file reads the same in each.
    const decoded = decodeTextFile(bytes);
    if (!decoded) return { ok: false, message: t('bulkFill_fileUnreadable', file.name) };
    const { invalidUtf8 } = decoded;
    const lang = currentLang();
    return withinLimits(file.name, () => ({
      ok: true,
      sheets: [{ name: file.name, rows: parseDelimited(decoded.text), merges: [] }],
      ...(invalidUtf8 && {
        notice: invalidUtf8Problems(file.name, invalidUtf8)
          .map(({ message }) => message[lang])
          .join('; '),
      }),
    }));
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    try {
      return { ok: true, sheets: await readXlsxValues(bytes) };
    } catch (error) {
      if (error instanceof InputLimitError) return overLimit(file.name, error.reason);
      return { ok: false, message: t('bulkFill_fileUnreadable', file.name) };
    }
  }
  return { ok: false, message: t('bulkFill_fileType', file.name) };
}
