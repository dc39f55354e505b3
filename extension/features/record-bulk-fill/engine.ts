import type { Message } from '@edulens/shared';
import { initI18n, pick } from '../../lib/i18n';
import type { RecordFormPage } from '../../lib/records/pages';
import { KEYS } from '../../lib/storage-keys';
import { readItem, writeItem } from '../../lib/storage-lite';
import { DIALOG_CSS, dialogSlot } from '../bulk-fill/preview';
import { fileSheets } from '../bulk-fill/sources';
import type { RecordEngineDeps, RecordFillEngine } from './engine-api';
import { renderFill } from './fill-view';
import { type FormValues, readFormValues } from './form-values';
import { type ListedStudents, readAllPages } from './list-students';
import {
  type ColumnMapping,
  headerSignature,
  mappingOf,
  rememberMapping,
  toSaved,
  withColumn,
} from './mapping';
import { buildRecordPlan, type ListStudent, type PlannedRecord } from './plan';
import { RECORD_FILL_CSS, renderPreview } from './preview';
import { type RecordSheet, recordWorkbook } from './record-sheet';
import { fillRecords } from './run';
import { createRecordSite } from './site';
import { FILL_TEXT } from './texts';

// The record bulk-fill engine, loaded on first use: a picked file → its records by header text
// (TCVN3/VNI repaired) → the column mapping (the teacher's corrections kept per kind of file) →
// every student of the portal's list (all pages, read through its pager) → matched rows → preview → record by record into
// the portal's form, "Lưu" each, checked, stopping at the first refusal with a resume from there.
// The fill's timing (time waiting for the portal apart from EduLens's own) is left on the fill
// dialog's data attributes for the benchmark.

export async function startRecordFillEngine(deps: RecordEngineDeps): Promise<RecordFillEngine> {
  const { ctx, section, status } = deps;
  const { page: listPage, profile, overlay, list } = ctx;
  await initI18n();
  const formPage = profile.pages.find(
    (page): page is RecordFormPage => page.kind === 'record-form' && page.record === listPage.record,
  );
  const doc = list.table.ownerDocument;
  overlay.style(DIALOG_CSS);
  overlay.style(RECORD_FILL_CSS);

  const { show, close } = dialogSlot(section);
  const say = (text: Message | string) => {
    status.textContent = typeof text === 'string' ? text : pick(text);
  };
  /** The fill under way: only the teacher's "Dừng" (or leaving the page) stops it. */
  let filling: AbortController | undefined;
  addEventListener('pagehide', () => filling?.abort(), { once: true });

  const fill = (records: PlannedRecord[], from: number, saved: number) => {
    if (!formPage) {
      say(FILL_TEXT.noForm);
      return;
    }
    const controller = new AbortController();
    filling = controller;
    const view = renderFill(records.length, {
      cancel: () => controller.abort(),
      resume: (changes) => {
        const index = view.element.dataset.stopIndex;
        if (index === undefined) return;
        const at = Number(index);
        const fixed = records.map((record, i) => (i === at ? { ...record, changes } : record));
        fill(fixed, at, Number(view.element.dataset.saved));
      },
      skip: () => {
        const index = view.element.dataset.stopIndex;
        if (index !== undefined) fill(records, Number(index) + 1, Number(view.element.dataset.saved));
      },
      close,
    });
    show(view.element);
    const site = createRecordSite({ listPage, formPage, doc });
    void fillRecords(records, site, {
      from,
      signal: controller.signal,
      onProgress: (done, _total, elapsedMs) =>
        // The time left comes from this run's pace; the count from the whole fill's.
        view.progress(from + done, records.length, (elapsedMs / done) * (from + done)),
    }).then((outcome) => {
      filling = undefined;
      const total = saved + outcome.done.length;
      Object.assign(view.element.dataset, {
        saved: String(total),
        records: String(outcome.done.length + outcome.unchanged),
        portalMs: String(Math.round(outcome.timing.portalMs)),
        totalMs: String(Math.round(outcome.timing.totalMs)),
      });
      if (outcome.stop) {
        view.element.dataset.stopIndex = String(outcome.stop.index);
        view.stopped(outcome.stop, records[outcome.stop.index]!, total, records.length);
      } else view.finished(total, outcome.unchanged);
    });
  };

  /** Ends the preview open now, so that its reads in the background do not draw it again. */
  let endPreview: (() => void) | undefined;
  const open = (
    source: RecordSheet,
    fileName: string,
    listed: ListedStudents,
    signature: string,
    start: ColumnMapping,
    notice: string,
  ) => {
    const { formUrlOfKey } = listed;
    let mapping = start;
    /** Until the preview is closed, another file is picked or the fill starts. */
    let previewing = true;
    endPreview?.();
    endPreview = () => {
      previewing = false;
    };
    /** What each record's form holds now, read once per record the plan would change. */
    const current = new Map<string, FormValues>();
    const asked = new Set<string>();
    const students = () =>
      listed.students.map((student): ListStudent => {
        const values = current.get(student.key);
        return values ? { ...student, shown: { ...student.shown, ...values } } : student;
      });
    /** The teacher's mapping, kept for files of this kind as soon as it is changed. */
    const remember = () => {
      const kept = toSaved(source.columns, mapping, Date.now());
      void readItem(KEYS.recordFillMappings)
        .then((all) => writeItem(KEYS.recordFillMappings, rememberMapping(all, signature, kept)))
        .catch((error: unknown) => console.error('[EduLens] record fill mapping', error));
    };
    const render = () => {
      const plan = buildRecordPlan(source, mapping, students());
      const unread = new Map(
        plan.records.flatMap(({ student }) => {
          const url = formUrlOfKey.get(student.key);
          return url && !asked.has(student.key) ? [[student.key, url] as const] : [];
        }),
      );
      if (formPage && unread.size > 0) {
        // The old values first: the preview then lists only what really changes.
        for (const key of unread.keys()) asked.add(key);
        say(FILL_TEXT.readingRecords(unread.size));
        void readFormValues(formPage, unread, new AbortController().signal).then((values) => {
          for (const [key, found] of values) current.set(key, found);
          say(notice);
          if (previewing) render();
        });
        return;
      }
      show(
        renderPreview(source, mapping, plan, fileName, {
          remap(col, role) {
            mapping = withColumn(mapping, col, role);
            remember();
            render();
          },
          close() {
            previewing = false;
            close();
          },
          start() {
            previewing = false;
            // In the order of the list's pages: the pager turns from one page to the next.
            const page = (record: PlannedRecord) => record.student.page ?? 0;
            fill(
              [...plan.records].sort((a, b) => page(a) - page(b)),
              0,
              0,
            );
          },
        }),
      );
    };
    render();
  };

  return {
    async fromFile(file) {
      if (filling) return;
      say(FILL_TEXT.reading(file.name));
      const sheets = await fileSheets(file);
      if (!sheets.ok) return say(sheets.message);
      const read = recordWorkbook(sheets.sheets);
      if (!read.ok) return say(FILL_TEXT.noRecords(read.reason));
      const signature = headerSignature(read.source.columns);
      const saved = await readItem(KEYS.recordFillMappings);
      const mapping = mappingOf(read.source.columns, saved[signature]);
      say(FILL_TEXT.readingList);
      let listed: ListedStudents;
      try {
        const lookup = new AbortController();
        listed = await readAllPages(listPage, list, lookup.signal);
      } catch (error) {
        console.error('[EduLens] record fill', error);
        return say(FILL_TEXT.listFailed);
      }
      const notice = [sheets.notice, listed.capped ? pick(FILL_TEXT.listCapped) : undefined]
        .filter((line) => line !== undefined && line !== '')
        .join(' ');
      open(read.source, file.name, listed, signature, mapping, notice);
    },
  };
}
