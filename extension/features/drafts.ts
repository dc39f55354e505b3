import { canonicalPageKey as pageId } from '@edulens/shared/page';
import { defineFeature, type FeatureContext } from '../lib/feature';
import { t } from '../lib/i18n';
import { sendToBackground } from '../lib/messages';
import type { CellEdit, GridCell } from '../lib/portal/grid';
import { fieldLabel, offerStyles, type RestoreCandidate, renderNote, renderOffer } from './drafts/offer';
import { watchSaveOutcome } from './drafts/save-watch';
import { draftSession, type RestoreProgress } from './drafts/session';
import { sameValue } from './drafts/values';

// Drafts: every edit of a grade cell is mirrored at once to the background (IndexedDB, then the
// agent). When the page shows a book for which drafts differ from what the cells hold — after a
// reload, or a session time-out and a new login — it offers "Khôi phục N điểm chưa lưu" (every
// draft of the book, on screen or not) and writes them back through the page's own input path;
// drafts of rows on other pages are written when those rows render. A cell back at the value the
// portal holds (an undo, or typed back) is no longer a draft. Once the portal's "Lưu" reports
// success, the fields it saved stop being drafts.

/** A slow portal may take this long to answer "Lưu". */
const SAVE_OUTCOME_TIMEOUT_MS = 120_000;

export const draftsFeature = defineFeature({
  id: 'drafts',
  runsOn: ['grade-grid'],
  async mount(ctx) {
    const session = draftSession();
    const profile = ctx.profile.id;
    const page = ctx.pageKey;
    const id = pageId(page);
    const edits = session.editsOf(id);
    const baseline = session.baselineOf(id);
    const { grid, overlay, signal } = ctx;
    const topDocument = overlay.host.ownerDocument;
    /** Fields with an unsaved draft (stored before this mount, or edited here). */
    const unsaved = new Set<string>(edits.keys());
    // The side panel lists the book's drafts: tell it they changed.
    const report = () => ctx.report({});
    offerStyles(overlay);
    /** The offer and its notes, at the top of the dock (made when first needed). */
    const section = () => overlay.section('drafts', { region: 'dock', order: -10 });

    const markDraft = (field: string) => {
      const cell = grid.cell(field);
      if (cell) overlay.marks.set(cell.element, 'draft', t('drafts_unsavedMark'));
    };

    const showProgress = ({ waiting, restored, refused }: RestoreProgress) => {
      const note =
        waiting.size > 0
          ? t('drafts_restoredSoFar', [restored, waiting.size])
          : t('drafts_restored', restored);
      renderNote(section(), refused > 0 ? `${note} ${t('drafts_notRestored', refused)}` : note);
    };
    /** Restored drafts whose rows render now are written (unless the cell holds them already). */
    const restoreWaiting = (progress: RestoreProgress) => {
      const entries: { cell: GridCell; value: string }[] = [];
      let settled = 0;
      for (const [field, value] of progress.waiting) {
        const cell = grid.cell(field);
        if (!cell) continue;
        progress.waiting.delete(field);
        settled++;
        if (!sameValue(cell.read(), value)) entries.push({ cell, value });
      }
      const result = grid.writeMany(entries);
      progress.restored += result.written.length;
      progress.refused += result.refused.length;
      if (settled > 0) showProgress(progress);
    };

    /** Rows drawn (this mount, rows scrolled into view): what the portal holds, marks, restores. */
    const rowsDrawn = () => {
      for (const row of grid.rows()) {
        for (const cell of row.cells) {
          if (!cell.column.computed && !baseline.has(cell.id))
            baseline.set(cell.id, cell.saved() ?? cell.read());
        }
      }
      for (const field of unsaved) markDraft(field);
      const progress = session.restoring.get(id);
      if (progress) restoreWaiting(progress);
    };

    const edited = (list: readonly CellEdit[]) => {
      const now = Date.now();
      const mark = t('drafts_unsavedMark');
      for (const { cell, value, before } of list) {
        if (cell.column.computed) continue;
        if (before !== undefined && !baseline.has(cell.id)) baseline.set(cell.id, before);
        // What the portal holds: its own last-saved value where the page tells it (the profile's savedValue).
        const held = cell.saved() ?? baseline.get(cell.id);
        if (held !== undefined && sameValue(value, held)) {
          if (unsaved.has(cell.id) || edits.has(cell.id)) session.revert(id, profile, page, cell.id);
          continue;
        }
        session.record(id, profile, page, cell.id, value, now);
        unsaved.add(cell.id);
        overlay.marks.set(cell.element, 'draft', mark);
      }
      report();
    };
    grid.onEdit(edited, signal);
    // Typed while the grid was drawn and this mount not there yet: before the baseline is read,
    // which would take those values for the portal's.
    edited(grid.typedEarlier());

    const onCleared = (event: Event) => {
      const detail = (event as CustomEvent<{ pageId: string; fields: string[] }>).detail;
      if (detail.pageId !== id) return;
      for (const field of detail.fields) {
        unsaved.delete(field);
        const cell = grid.cell(field);
        if (cell) overlay.marks.clear(cell.element, 'draft');
      }
      report();
    };
    session.events.addEventListener('cleared', onCleared, { signal });
    // After onEdit: the drafts restored here are edits like any other.
    rowsDrawn();
    grid.onRowsChanged(rowsDrawn, signal);
    const restoring = session.restoring.get(id);
    if (restoring && restoring.waiting.size > 0) showProgress(restoring); // the restore goes on here

    grid.onBeforeSave(() => watchSave(ctx, topDocument), signal);

    const stored = await sendToBackground('drafts.forPage', { profile, page });
    if (signal.aborted) return;
    const drafts = stored.drafts.filter((draft) => !session.isSettled(id, draft.field, draft.value));
    for (const draft of drafts) {
      unsaved.add(draft.field);
      markDraft(draft.field);
    }
    report();

    // Every draft of the book counts: those of rows not in the DOM are written when they render.
    const candidates: RestoreCandidate[] = [];
    for (const { field, value } of drafts) {
      const cell = grid.cell(field);
      if (cell && (cell.locked || sameValue(cell.read(), value))) continue;
      candidates.push({ field, value, label: fieldLabel(grid, field, cell), ...(cell && { cell }) });
    }
    if (candidates.length === 0 || session.dismissed.has(id)) return;

    renderOffer(section(), candidates, {
      restore() {
        session.dismissed.add(id);
        const onScreen = candidates.flatMap(({ cell, value }) =>
          cell?.element.isConnected ? [{ cell, value }] : [],
        );
        const shown = new Set(onScreen.map(({ cell }) => cell.id));
        const result = grid.writeMany(onScreen);
        const progress: RestoreProgress = {
          waiting: new Map(
            candidates.filter(({ field }) => !shown.has(field)).map(({ field, value }) => [field, value]),
          ),
          restored: result.written.length,
          refused: result.refused.length,
        };
        session.restoring.set(id, progress);
        restoreWaiting(progress); // rows drawn while the offer was showing
        showProgress(progress);
      },
      later() {
        session.dismissed.add(id);
        section().replaceChildren();
      },
      discard() {
        const fields = candidates.map(({ field }) => field);
        session.dismissed.add(id);
        session.forget(id, fields, new Map(candidates.map(({ field, value }) => [field, value])));
        void sendToBackground('drafts.clear', { profile, page, fields }).then(
          ({ cleared }) => renderNote(section(), t('drafts_discarded', cleared)),
          () => section().replaceChildren(),
        );
      },
    });
  },
});

/**
 * A click on "Lưu": remember what the drafts held at that moment; when the portal reports success,
 * clear the fields nobody changed since (a value typed during a slow save stays a draft). The watch
 * outlives this mount on purpose: the portal re-draws the grid before it shows its message.
 */
function watchSave(ctx: FeatureContext, topDocument: Document): void {
  const session = draftSession();
  const profile = ctx.profile.id;
  const page = ctx.pageKey;
  const id = pageId(page);
  const edits = session.editsOf(id);
  const snapshot = new Map([...edits].map(([field, edit]) => [field, edit.value]));
  if (snapshot.size === 0) return;
  const docs = [...new Set([ctx.grid.document, topDocument])];
  void watchSaveOutcome(docs, ctx.page.save, SAVE_OUTCOME_TIMEOUT_MS).then((outcome) => {
    if (outcome !== 'success') return;
    const saved = new Map([...snapshot].filter(([field, value]) => edits.get(field)?.value === value));
    if (saved.size > 0) session.saved(id, profile, page, saved);
  });
}
