import type { Message } from '@edulens/shared';
import { inputLimits, limitReason } from '@edulens/shared/limits';
import type { RecordField } from '@edulens/shared/profiles';
import { type RecordForm, readRecordForm } from './form';
import { readInParallel } from './read-in-parallel';
import type { RecordFormPage } from './pages';

// What EduLens knows of a list's records, by the address of each one's form: read in the
// background from the form documents (same origin, the page's own session), a few at a time, and
// replaced by the form on screen while it is being edited.

const { listRecords, formBytes } = inputLimits;

export interface RecordSummary {
  name: string;
  missing: RecordField[];
}

export type RecordEntry = { ok: true; summary: RecordSummary } | { ok: false; reason: Message };

export interface RecordStore {
  get(url: string): RecordEntry | undefined;
  put(url: string, summary: RecordSummary): void;
  /** Reads the records not known yet (at most `inputLimits.listRecords` in all); resolves when all are done. */
  load(urls: readonly string[], signal: AbortSignal): Promise<void>;
  onChange(listener: () => void, signal: AbortSignal): void;
  /** Records seen in the list so far (every page visited), and the list's pages visited. */
  readonly listed: Set<string>;
  readonly pagesSeen: Set<number>;
}

const NOT_A_FORM: Message = {
  vi: 'Không đọc được hồ sơ (phiên đăng nhập có thể đã hết hạn).',
  en: 'Could not read the record (the session may have expired).',
};

/** The record form of the document at `url` (same origin, the page's session), or why it could not be read. */
export async function readFormDocument(
  page: RecordFormPage,
  url: string,
  signal: AbortSignal,
): Promise<{ ok: true; form: RecordForm } | { ok: false; reason: Message }> {
  try {
    const response = await fetch(url, { credentials: 'same-origin', signal });
    if (!response.ok) {
      return {
        ok: false,
        reason: { vi: `Cổng trả lời lỗi ${response.status}.`, en: `The portal answered ${response.status}.` },
      };
    }
    const html = await response.text();
    if (html.length > formBytes) return { ok: false, reason: limitReason('formBytes') };
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const form = readRecordForm(page, doc);
    return form ? { ok: true, form } : { ok: false, reason: NOT_A_FORM };
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, reason: { vi: 'Không kết nối được cổng.', en: 'Could not reach the portal.' } };
  }
}

async function readSummary(page: RecordFormPage, url: string, signal: AbortSignal): Promise<RecordEntry> {
  const read = await readFormDocument(page, url, signal);
  if (!read.ok) return read;
  return { ok: true, summary: { name: read.form.value('fullName'), missing: read.form.missing() } };
}

export function createRecordStore(page: RecordFormPage): RecordStore {
  const entries = new Map<string, RecordEntry>();
  const pending = new Set<string>();
  const events = new EventTarget();
  const changed = () => events.dispatchEvent(new Event('change'));
  return {
    get: (url) => entries.get(url),
    put(url, summary) {
      entries.set(url, { ok: true, summary });
      changed();
    },
    async load(urls, signal) {
      const queue = [...new Set(urls)]
        .filter((url) => !entries.has(url) && !pending.has(url))
        .slice(0, Math.max(0, listRecords - entries.size - pending.size));
      for (const url of queue) pending.add(url);
      try {
        await readInParallel(queue, signal, async (url) => {
          const entry = await readSummary(page, url, signal).catch(() => undefined);
          pending.delete(url);
          if (entry === undefined) return;
          // The form on screen may have put a fresher summary meanwhile.
          if (!entries.has(url)) entries.set(url, entry);
          changed();
        });
      } finally {
        // Those not read (the page went away) may be asked for again.
        for (const url of queue) pending.delete(url);
      }
    },
    onChange(listener, signal) {
      events.addEventListener('change', listener, { signal });
    },
    listed: new Set(),
    pagesSeen: new Set(),
  };
}
