import type { Message } from '@edulens/shared';
import { codeKey } from '@edulens/shared/matching';
import { RECORD_FIELD_NAMES } from '@edulens/shared/profiles';
import type { RecordField } from './fields';
import type { ListStudent, PlannedRecord } from './plan';
import { sameFieldValue } from './values';

// Filling record by record: open the student's form, check it is that student's and not locked,
// write the fields that differ, "Lưu", wait for the portal's answer, read the form back, close,
// next. The portal is reached only through `RecordSite` (the page adapter), so this loop is the
// same over a real page and over the property tests' model of one.
//
// Invariants (tests/extension/record-fill-run.test.ts proves them over generated hostile sites):
// 1. Only the matched student is written: a form that shows another student is closed untouched.
// 2. Only planned fields are written: a field the mapping does not map is never touched.
// 3. A locked form is never written.
// 4. The fill stops at the first refusal (or any doubt about the save), with the portal's message;
//    nothing after that record is opened.
// 5. Nothing is left half-written: a record is either saved and read back equal, or its form is
//    closed without "Lưu" (the portal keeps what it had) — the stop says which.

export interface SaveAnswer {
  ok: boolean;
  /** The portal's own words ("Thầy/cô đã cập nhật…", or why it refused). */
  message: string;
}

/** One student's form, open. */
export interface OpenForm {
  /** The student code the form shows (compared with the matched student's). */
  readonly studentCode: string;
  readonly locked: boolean;
  /** The field's value in the form; undefined when the form has no such field. */
  read(field: RecordField): string | undefined;
  /**
   * Writes as a person would (native setter and events; a combo by its item's text); false when
   * the form did not take the value (a combo without that item, a field turned read-only).
   */
  write(field: RecordField, value: string): Promise<boolean>;
  /** Presses the portal's "Lưu" and waits for its answer (closing its pop-up). */
  save(): Promise<SaveAnswer>;
  /** Leaves the form: values written and not saved are put back as they were. */
  close(): Promise<void>;
}

export interface RecordSite {
  /** Finds the student's row (paging the list as needed) and opens its form. */
  open(student: ListStudent, signal: AbortSignal): Promise<OpenForm>;
}

export interface DoneRecord {
  student: ListStudent;
  /** What was written, with the form's value before. */
  written: { field: RecordField; before: string; after: string }[];
}

export type StopKind =
  'refused' | 'field-refused' | 'not-verified' | 'locked' | 'wrong-student' | 'not-found' | 'cancelled';

export interface FillStop {
  kind: StopKind;
  /** Index into the plan's records of the record the fill stopped at. */
  index: number;
  student: ListStudent;
  /** True when the portal saved the record (its values then differ from the file's: not-verified). */
  saved: boolean;
  /** The portal's own message, when it gave one. */
  portalMessage?: string;
  /** Fields the form read back differently after the save, or the field it did not take. */
  mismatched?: RecordField[];
}

export interface FillTiming {
  /** Waiting for the portal: opening the form (paging, iframe load), the save's round trip, closing. */
  portalMs: number;
  totalMs: number;
}

export interface FillOutcome {
  done: DoneRecord[];
  /** Records from `from` on whose values already equalled the file's (nothing written). */
  unchanged: number;
  stop?: FillStop;
  timing: FillTiming;
}

export interface FillOptions {
  /** The index of the first record to fill (a resume starts at the stop). */
  from?: number;
  signal: AbortSignal;
  onProgress?(done: number, total: number, elapsedMs: number): void;
  now?(): number;
}

/** Fills the records from `options.from` on, stopping at the first refusal or doubt. */
export async function fillRecords(
  records: readonly PlannedRecord[],
  site: RecordSite,
  options: FillOptions,
): Promise<FillOutcome> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  let portalMs = 0;
  const waitPortal = async <T>(work: () => Promise<T>): Promise<T> => {
    const begun = now();
    try {
      return await work();
    } finally {
      portalMs += now() - begun;
    }
  };
  const done: DoneRecord[] = [];
  let unchanged = 0;
  const finish = (stop?: FillStop): FillOutcome => ({
    done,
    unchanged,
    ...(stop && { stop }),
    timing: { portalMs, totalMs: now() - started },
  });
  const first = Math.max(0, options.from ?? 0);

  for (let index = first; index < records.length; index++) {
    const { student, changes } = records[index]!;
    const stopHere = (kind: StopKind, extra: Partial<FillStop> = {}) =>
      finish({ kind, index, student, saved: false, ...extra });
    if (options.signal.aborted) return stopHere('cancelled');

    let form: OpenForm;
    try {
      form = await waitPortal(() => site.open(student, options.signal));
    } catch {
      return stopHere(options.signal.aborted ? 'cancelled' : 'not-found');
    }
    const leave = () => waitPortal(() => form.close());

    // (1) the matched student's form, and (3) not locked — before anything is written.
    const code = codeKey(form.studentCode);
    if (code === '' || code !== codeKey(student.code)) {
      await leave();
      return stopHere('wrong-student');
    }
    if (form.locked) {
      await leave();
      return stopHere('locked');
    }

    // (2) only the planned fields, only where the form differs.
    const written: DoneRecord['written'] = [];
    for (const { field, after } of changes) {
      const before = form.read(field);
      if (before === undefined || sameFieldValue(field, before, after)) continue;
      if (options.signal.aborted) break;
      written.push({ field, before, after });
      if (!(await form.write(field, after))) {
        await leave();
        return stopHere('field-refused', { mismatched: [field] });
      }
    }
    if (options.signal.aborted) {
      // Not saved: closing the form drops what was typed into it (5).
      await leave();
      return stopHere('cancelled');
    }
    if (written.length === 0) {
      await leave();
      unchanged++;
      options.onProgress?.(index + 1 - first, records.length - first, now() - started);
      continue;
    }

    const answer = await waitPortal(() => form.save());
    if (!answer.ok) {
      await leave();
      return stopHere('refused', { portalMessage: answer.message });
    }
    // (4, 5) accepted only when the portal said so and the form shows what was written.
    const mismatched = written
      .filter(({ field, after }) => {
        const shown = form.read(field);
        return shown === undefined || !sameFieldValue(field, shown, after);
      })
      .map(({ field }) => field);
    await leave();
    if (mismatched.length > 0)
      return stopHere('not-verified', { saved: true, portalMessage: answer.message, mismatched });
    done.push({ student, written });
    options.onProgress?.(index + 1 - first, records.length - first, now() - started);
  }
  return finish();
}

/** What a stop means for the record it stopped at, in words. */
export function stopMessage(stop: FillStop): Message {
  const who = stop.student.name;
  const quoted = stop.portalMessage ? ` "${stop.portalMessage}"` : '';
  const fields = (lang: 'vi' | 'en') =>
    (stop.mismatched ?? []).map((field) => RECORD_FIELD_NAMES[field][lang]).join(', ');
  switch (stop.kind) {
    case 'refused':
      return {
        vi: `Cổng thông tin từ chối lưu hồ sơ của ${who}:${quoted}. Hồ sơ này giữ nguyên như trước.`,
        en: `The portal refused to save ${who}'s record:${quoted}. The record was left as it was.`,
      };
    case 'not-verified':
      return {
        vi: `Hồ sơ của ${who} đã được lưu nhưng cổng thông tin hiện giá trị khác với tệp (${fields('vi')}). Hãy kiểm tra hồ sơ này.`,
        en: `${who}'s record was saved but the portal shows values other than the file's (${fields('en')}). Please check this record.`,
      };
    case 'field-refused':
      return {
        vi: `Ô ${fields('vi')} trong hồ sơ của ${who} không nhận giá trị của tệp: chưa lưu, hồ sơ này giữ nguyên như trước.`,
        en: `The ${fields('en')} field of ${who}'s record did not take the file's value: not saved, the record was left as it was.`,
      };
    case 'locked':
      return {
        vi: `Hồ sơ của ${who} đang bị khóa: không ghi gì. Hồ sơ này giữ nguyên như trước.`,
        en: `${who}'s record is locked: nothing was written. The record was left as it was.`,
      };
    case 'wrong-student':
      return {
        vi: `Cửa sổ mở ra không phải hồ sơ của ${who}: đã đóng mà không ghi gì.`,
        en: `The form that opened is not ${who}'s record: closed without writing anything.`,
      };
    case 'not-found':
      return {
        vi: `Không mở được hồ sơ của ${who} ở trang này hay các trang sau của danh sách: hồ sơ này giữ nguyên như trước. Hãy về trang đầu của danh sách rồi bấm "Tiếp tục".`,
        en: `Could not open ${who}'s record on this page or the next ones of the list: the record was left as it was. Go back to the list's first page, then press "Resume".`,
      };
    case 'cancelled':
      return {
        vi: `Đã dừng trước khi lưu hồ sơ của ${who}: hồ sơ này giữ nguyên như trước.`,
        en: `Stopped before saving ${who}'s record: the record was left as it was.`,
      };
  }
}
