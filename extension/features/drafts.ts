import { pageId } from '../lib/drafts/page-id';
import { defineFeature, type FeatureContext } from '../lib/feature';
import { t } from '../lib/i18n';
import { sendToBackground } from '../lib/messages';
import { offerStyles, type RestoreCandidate, renderNote, renderOffer } from './drafts/offer';
import { watchSaveOutcome } from './drafts/save-watch';
import { draftSession } from './drafts/session';
import { sameValue } from './drafts/values';

// Drafts: every edit of a grade cell is mirrored at once to the background (IndexedDB, then the
// agent). When the page shows a book for which drafts differ from what the cells hold — after a
// reload, or a session time-out and a new login — it offers "Khôi phục N điểm chưa lưu" and
// writes them back through the page's own input path. Once the portal's "Lưu" reports success,
// the fields it saved stop being drafts.

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
    const { grid, overlay, signal } = ctx;
    const topDocument = overlay.host.ownerDocument;
    /** Fields with an unsaved draft (stored before this mount, or edited here). */
    const unsaved = new Set<string>(edits.keys());
    const report = () => ctx.report({ drafts: unsaved.size });

    const markDraft = (field: string) => {
      const cell = grid.cell(field);
      if (cell) overlay.marks.set(cell.element, 'draft', t('drafts_unsavedMark'));
    };
    for (const field of edits.keys()) markDraft(field);

    grid.onEdit((list) => {
      const now = Date.now();
      for (const { cell, value } of list) {
        if (cell.column.computed) continue;
        session.record(id, profile, page, cell.id, value, now);
        unsaved.add(cell.id);
        overlay.marks.set(cell.element, 'draft', t('drafts_unsavedMark'));
      }
      report();
    }, signal);

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

    grid.onBeforeSave(() => watchSave(ctx, topDocument), signal);

    const stored = await sendToBackground('drafts.forPage', { profile, page });
    if (signal.aborted) return;
    const drafts = stored.drafts.filter((draft) => !session.isSettled(id, draft.field, draft.value));
    for (const draft of drafts) {
      unsaved.add(draft.field);
      markDraft(draft.field);
    }
    report();

    const candidates: RestoreCandidate[] = [];
    for (const draft of drafts) {
      const cell = grid.cell(draft.field);
      if (cell && !cell.locked && !sameValue(cell.read(), draft.value))
        candidates.push({ cell, value: draft.value });
    }
    if (candidates.length === 0 || session.dismissed.has(id)) return;

    offerStyles(overlay);
    const section = overlay.section('drafts', { region: 'dock', order: -10 });
    renderOffer(section, candidates, {
      restore() {
        const result = grid.writeMany(candidates);
        const note = t('drafts_restored', result.written.length);
        const refused = result.refused.length > 0 ? ` ${t('drafts_notRestored', result.refused.length)}` : '';
        renderNote(section, note + refused);
      },
      later() {
        session.dismissed.add(id);
        section.replaceChildren();
      },
      discard() {
        const fields = candidates.map(({ cell }) => cell.id);
        session.dismissed.add(id);
        session.forget(id, fields, new Map(candidates.map(({ cell, value }) => [cell.id, value])));
        void sendToBackground('drafts.clear', { profile, page, fields }).then(
          ({ cleared }) => renderNote(section, t('drafts_discarded', cleared)),
          () => section.replaceChildren(),
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
  void watchSaveOutcome(docs, ctx.page.save, SAVE_OUTCOME_TIMEOUT_MS).then(async (outcome) => {
    if (outcome !== 'success') return;
    const fields = [...snapshot]
      .filter(([field, value]) => edits.get(field)?.value === value)
      .map(([field]) => field);
    if (fields.length === 0) return;
    await session.mirror(id, profile, page).idle(); // the saves reach the background before the clear
    session.forget(id, fields);
    await sendToBackground('drafts.clear', { profile, page, fields }).catch((error: unknown) => {
      console.warn('[EduLens] drafts.clear:', error instanceof Error ? error.message : error);
    });
  });
}
