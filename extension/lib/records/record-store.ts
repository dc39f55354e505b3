import type { Message } from '@edulens/shared';
import type { RecordField } from '@edulens/shared/profiles';
import { type RecordForm, readRecordForm } from './form';
import type { RecordFormPage } from './pages';

// What EduLens knows of a list's records, by the address of each one's form: read in the
// background from the form documents (same origin, the page's own session), a few at a time, and
// replaced by the form on screen while it is being edited.

/** Form documents read at once: the portal is a school's, not ours to load. */
const PARALLEL_READS = 3;
/** Records one list may ask for (a school's largest class is far below). */
export const MAX_RECORDS = 500;
/** A form document larger than this is not a record form. */
const MAX_FORM_BYTES = 2 * 1024 * 1024;

export interface RecordSummary {
  name: string;
  missing: RecordField[];
}

export type RecordEntry = { ok: true; summary: RecordSummary } | { ok: false; reason: Message };

export interface RecordStore {
  get(url: string): RecordEntry | undefined;
  put(url: string, summary: RecordSummary): void;
  /** Reads the records not known yet (at most MAX_RECORDS in all); resolves when all are done. */
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
    if (html.length > MAX_FORM_BYTES) return { ok: false, reason: NOT_A_FORM };
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
        .slice(0, Math.max(0, MAX_RECORDS - entries.size - pending.size));
      for (const url of queue) pending.add(url);
      const worker = async () => {
        for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
          const entry = signal.aborted
            ? undefined
            : await readSummary(page, url, signal).catch(() => undefined);
          pending.delete(url);
          if (entry === undefined) continue;
          // The form on screen may have put a fresher summary meanwhile.
          if (!entries.has(url)) entries.set(url, entry);
          changed();
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
    },
    onChange(listener, signal) {
      events.addEventListener('change', listener, { signal });
    },
    listed: new Set(),
    pagesSeen: new Set(),
  };
}
