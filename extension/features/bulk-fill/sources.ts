import { clipboardGrid, decodeTextFile, type GridSheet, parseDelimited } from '@edulens/shared/sheets';
import { currentLang, t } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messages';

// Where bulk-fill data comes from: text pasted from Excel (parsed right here), a .csv read here,
// or an .xlsx read by the background (the reader stays out of the content script).

export type SheetsResult = { ok: true; sheets: GridSheet[] } | { ok: false; message: string };

export function pastedSheets(text: string): SheetsResult {
  return { ok: true, sheets: [clipboardGrid(text, t('bulkFill_pastedData'))] };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary);
}

const MAX_BYTES = 20 * 1024 * 1024;

function extension(name: string): string {
  return /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
}

/** The background's refusal, naming the limit, in the user's language. */
function overLimit(name: string, reason: { vi: string; en: string }): string {
  return currentLang() === 'vi'
    ? `Không đọc được tệp "${name}": ${reason.vi}.`
    : `Cannot read "${name}": ${reason.en}.`;
}

export async function fileSheets(file: File): Promise<SheetsResult> {
  const ext = extension(file.name);
  if (file.size > MAX_BYTES) return { ok: false, message: t('bulkFill_fileTooLarge', file.name) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    // The decoder `edulens check` and `convert` use, so that a file reads the same in each.
    const decoded = decodeTextFile(bytes);
    if (!decoded) return { ok: false, message: t('bulkFill_fileUnreadable', file.name) };
    return { ok: true, sheets: [{ name: file.name, rows: parseDelimited(decoded.text), merges: [] }] };
  }
  if (ext === 'xlsx' || ext === 'xlsm') {
    try {
      const answer = await sendToBackground('bulkFill.readWorkbook', {
        name: file.name,
        base64: toBase64(bytes),
      });
      if (answer.ok) return { ok: true, sheets: answer.sheets };
      if (answer.reason === 'limit') return { ok: false, message: overLimit(file.name, answer.message) };
    } catch {
      // The background did not answer: same message as an unreadable file.
    }
    return { ok: false, message: t('bulkFill_fileUnreadable', file.name) };
  }
  return { ok: false, message: t('bulkFill_fileType', file.name) };
}
