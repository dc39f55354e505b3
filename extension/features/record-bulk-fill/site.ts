import { findListGrid, type ListGrid } from '../../lib/portal/grid';
import { detectorHolds, findTarget, pageScopes, shown } from '../../lib/portal/locate';
import { type RecordForm, readRecordForm } from '../../lib/records/form';
import { recordRows } from '../../lib/records/list';
import { goToPage, PAGE_WAIT_MS } from '../../lib/records/pager';
import type { RecordFormPage, RecordListPage } from '../../lib/records/pages';
import { watchSaveVerdict } from '../drafts/save-watch';
import type { RecordField } from './fields';
import type { ListStudent } from './plan';
import type { OpenForm, RecordSite, SaveAnswer } from './run';
import { waitFor } from './wait';

// The page side of a record fill, everything as the profile describes it: the list's row of a
// student (the pager turned to its page, forward or back), its "Sửa", the form that opens in the
// window's frame, the portal's "Lưu" and its answer (the message in the page, the pop-up closed).
// Only this file and the list's reading touch the portal's page; run.ts decides what to write.

/** The portal may take this long to answer "Lưu". */
export const SAVE_TIMEOUT_MS = 60_000;
/** How long a pop-up may take to show after the portal's message. */
const ALERT_GRACE_MS = 1_000;

export interface SiteParts {
  listPage: RecordListPage;
  formPage: RecordFormPage;
  /** The document the list is drawn in. */
  doc: Document;
}

export function createRecordSite({ listPage, formPage, doc }: SiteParts): RecordSite {
  const list = (): ListGrid | undefined => findListGrid(listPage, doc);
  /** The form document now in the window's frame, with its form read, if one is there. */
  const formNow = (): RecordForm | undefined => {
    for (const scope of pageScopes(formPage, doc) ?? []) {
      const root = scope.root;
      // The frame's document comes from another window: no instanceof across realms.
      const owner =
        (root as Node).nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root as Node).ownerDocument;
      if (owner?.readyState !== 'complete' || !detectorHolds(formPage.when, root)) continue;
      const form = readRecordForm(formPage, root);
      if (form) return form;
    }
    return undefined;
  };

  /** The student's "Sửa": on the page shown, else on the student's page, the pager turned there. */
  const findRow = async (student: ListStudent, signal: AbortSignal) => {
    const grid = list();
    if (!grid) return undefined;
    const opener = () => recordRows(listPage, grid).find(({ row }) => row.key === student.key)?.opener;
    const here = opener();
    if (here || student.page === undefined) return here;
    return (await goToPage(grid, student.page, signal)) ? opener() : undefined;
  };

  return {
    async open(student, signal) {
      const opener = await findRow(student, signal);
      if (!opener) throw new Error(`no row for ${student.key}`);
      const previous = formNow()?.doc;
      opener.click();
      const form = await waitFor(
        () => {
          const found = formNow();
          return found && found.doc !== previous ? found : undefined;
        },
        { what: 'the record form', timeoutMs: PAGE_WAIT_MS, signal },
      );
      return openForm(form, formNow, formPage, doc);
    },
  };
}

function openForm(
  opened: RecordForm,
  formNow: () => RecordForm | undefined,
  formPage: RecordFormPage,
  listDoc: Document,
): OpenForm {
  /** The form as it is now: the portal may draw it again after "Lưu". */
  const current = () => formNow() ?? opened;
  const unsaved = new Map<RecordField, string>();
  let saved = false;
  return {
    studentCode: opened.value('studentCode'),
    locked: opened.locked(),
    read(field) {
      const form = current();
      return form.field(field) ? form.value(field) : undefined;
    },
    async write(field, value) {
      const form = current();
      if (!unsaved.has(field)) unsaved.set(field, form.value(field));
      return form.write(field, value);
    },
    async save(): Promise<SaveAnswer> {
      const form = current();
      const button = findTarget(formPage.save.button, form.doc);
      if (!button) return { ok: false, message: '' };
      const watch = watchSaveVerdict([form.doc], formPage.save, SAVE_TIMEOUT_MS);
      button.click();
      // Not cancellable: once "Lưu" is pressed, the portal's answer says what became of the record;
      // no answer in time is a doubt, and the fill stops there like at a refusal.
      const verdict = await watch;
      const answer: SaveAnswer = { ok: verdict.outcome === 'success', message: verdict.message };
      await closeAlert(formPage, [current().doc, listDoc]);
      saved = answer.ok;
      if (saved) unsaved.clear();
      return answer;
    },
    async close() {
      // Not saved: the form is put back as the portal last stored it, so nothing is left typed.
      if (saved) return;
      const form = current();
      for (const [field, before] of unsaved) form.write(field, before);
      unsaved.clear();
    },
  };
}

/** Closes the portal's pop-up after a save, if it shows one. */
async function closeAlert(formPage: RecordFormPage, docs: Document[]): Promise<void> {
  const alert = formPage.save.alert;
  if (!alert) return;
  const find = () => {
    for (const doc of docs)
      for (const dialog of doc.querySelectorAll(alert.dialog)) if (shown(dialog)) return dialog;
    return undefined;
  };
  const dialog = await waitFor(find, {
    what: 'the pop-up',
    timeoutMs: ALERT_GRACE_MS,
    signal: new AbortController().signal,
  }).catch(() => undefined);
  if (!dialog) return;
  findTarget({ selector: alert.ok }, dialog)?.click();
  await waitFor(() => (find() ? undefined : true), {
    what: 'the pop-up to close',
    timeoutMs: ALERT_GRACE_MS,
    signal: new AbortController().signal,
  }).catch(() => undefined);
}
