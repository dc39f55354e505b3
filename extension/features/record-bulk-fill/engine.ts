import type { Message } from '@edulens/shared';
import { initI18n, pick } from '../../lib/i18n';
import type { RecordFormPage } from '../../lib/records/pages';
import { KEYS } from '../../lib/storage-keys';
import { readItem, writeItem } from '../../lib/storage-lite';
import { DIALOG_CSS } from '../bulk-fill/preview';
import { fileSheets } from '../bulk-fill/sources';
import type { RecordEngineDeps, RecordFillEngine } from './engine-api';
import { renderFill } from './fill-view';
import { inListCopy, readAllPages } from './list-students';
import {
  type ColumnMapping,
  headerSignature,
  isCorrected,
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
// every student of the portal's list (all pages) → matched rows → preview → record by record into
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

  let dialog: HTMLElement | undefined;
  const close = () => {
    dialog?.remove();
    dialog = undefined;
  };
  const show = (element: HTMLElement) => {
    close();
    dialog = element;
    section.append(element);
  };
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

  const open = (
    source: RecordSheet,
    fileName: string,
    listed: { students: ListStudent[]; pageOfKey: ReadonlyMap<string, number> },
    signature: string,
    start: ColumnMapping,
  ) => {
    const { students, pageOfKey } = listed;
    let mapping = start;
    const render = () => {
      const plan = buildRecordPlan(source, mapping, students);
      show(
        renderPreview(source, mapping, plan, fileName, {
          remap(col, role) {
            mapping = withColumn(mapping, col, role);
            render();
          },
          close,
          start() {
            const remember = isCorrected(source.columns, mapping)
              ? readItem(KEYS.recordFillMappings).then((all) =>
                  writeItem(
                    KEYS.recordFillMappings,
                    rememberMapping(all, signature, toSaved(source.columns, mapping, Date.now())),
                  ),
                )
              : Promise.resolve();
            // The pager only goes forward: the records in the order of the list's pages.
            const page = (record: PlannedRecord) => pageOfKey.get(record.student.key) ?? 0;
            const ordered = [...plan.records].sort((a, b) => page(a) - page(b));
            void remember.catch(() => undefined).then(() => fill(ordered, 0, 0));
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
      let listed: Awaited<ReturnType<typeof readAllPages>>;
      try {
        const lookup = new AbortController();
        listed = await inListCopy(listPage, doc, lookup.signal, (copy) => readAllPages(copy, lookup.signal));
      } catch (error) {
        console.error('[EduLens] record fill', error);
        return say(FILL_TEXT.listFailed);
      }
      say(sheets.notice ?? '');
      open(read.source, file.name, listed, signature, mapping);
    },
  };
}
