import { getRulepack } from '@edulens/shared/rules';
import { fillSourceFromWorkbook, type GridSheet } from '@edulens/shared/sheets';
import { watchSaveOutcome } from '../drafts/save-watch';
import { wrongFile } from './wrong-file';
import { canonicalPageKey as pageId, type PageProblem } from '@edulens/shared/page';
import { initI18n, pick, t } from '../../lib/i18n';
import type { GridCell } from '../../lib/portal/grid';
import { chooseRulepack } from '../validate';
import type { BulkFillEngine, EngineDeps } from './engine-api';
import { fillSession } from './fill-session';
import {
  changedSinceFill,
  type FillEntry,
  fill,
  type Holds,
  rebind,
  undoFill,
  writeInChunks,
} from './filler';
import {
  keepUndoWaiting,
  type PagedFill,
  planWaiting,
  settleStep,
  settleUndo,
  startPagedFill,
  stopWaiting,
  toUndo,
  withoutCells,
} from './paged-fill';
import { DIALOG_CSS, dialogSlot, type Plan, renderPreview } from './preview';
import { renderRecheck, renderUndoWaiting } from './recheck';
import { renderResult, RESULT_CSS } from './result';
import { fileSheets, pastedSheets, type SheetsResult } from './sources';
import { type CheckValue, sameValue, valueChecker } from './values';

// The bulk-fill engine, loaded on first use: sheets → fill source (header, TCVN3/VNI repair, from
// shared/sheets) → rows matched to the page's students → preview → fill through the portal grid
// (native setter + events, never locked cells) in slices with a progress bar → validation
// re-runs → undo. On a paged or virtual grid the rows whose student is not on screen wait and are
// filled as their rows render; the fill lives in the document's session, so every mount (the
// portal re-draws its grid on paging and saving) picks it up. Before "Lưu", filled cells are
// checked again: if the page changed them since, the save waits for the teacher to re-apply or
// save as is.

type Fill = PagedFill<GridCell>;

/** A slow portal may take this long to answer "Lưu". */
const SAVE_OUTCOME_TIMEOUT_MS = 120_000;

export async function startEngine(deps: EngineDeps): Promise<BulkFillEngine> {
  const { ctx, section, status, result, recordPerf } = deps;
  const { grid, overlay, signal } = ctx;
  await initI18n();
  const rulepack = getRulepack(chooseRulepack(ctx));
  const context = grid.context();
  const check: CheckValue = valueChecker(rulepack, context.subject ?? '');
  const holds: Holds = ({ cell, after }) =>
    cell.column.checks !== undefined && sameValue(check, cell.column.checks, cell.read(), after);
  const session = fillSession();
  const book = pageId(ctx.pageKey);
  const current = () => session.of(book);
  const onScreen = (entries: readonly FillEntry[]) => rebind(entries, (id) => grid.cell(id));

  overlay.style(DIALOG_CSS);
  overlay.style(RESULT_CSS);

  const { show: showDialog, close: closeDialog, open: dialogOpen } = dialogSlot(section);
  signal.addEventListener('abort', closeDialog, { once: true });
  const say = (text: string) => {
    status.textContent = text;
  };

  // ---- the fill's state, shown under the panel
  const show = () => {
    const paged = current();
    if (signal.aborted || !paged) return;
    renderResult(result, paged, { undo: () => void undo(), stopWaiting: () => change(stopWaiting) });
  };
  /** A change of the fill, in turn with its steps. */
  const change = (next: (paged: Fill) => Fill) =>
    void session.run(() => {
      const paged = current();
      if (!paged) return;
      session.set(next(paged));
      show();
    });

  const markFilled = (entries: readonly FillEntry[]) => {
    // One translation for the whole fill; each cell only splices its two values in.
    const [head = '', middle = '', tail = ''] = t('bulkFill_filledMark', ['\u0000', '\u0000']).split(
      '\u0000',
    );
    for (const { cell, before, after } of entries) {
      if (cell.element.isConnected)
        overlay.marks.set(cell.element, 'filled', `${head}${before || '∅'}${middle}${after}${tail}`);
    }
  };

  /**
   * Values of the file the rulepack refused stay marked on their cells, the file's value in the hover
   * text, and listed with the page's problems until the cell is typed into.
   */
  const keepRefused = (plan: Plan) => {
    const problems: PageProblem[] = [];
    for (const row of plan.rows) {
      if (!row.ticked) continue;
      for (const skip of row.skips) {
        if (skip.reason !== 'invalid' || !skip.cell) continue;
        const message = {
          vi: `Tệp ghi "${skip.value}": ${skip.message?.vi ?? ''}`,
          en: `The file says "${skip.value}": ${skip.message?.en ?? ''}`,
        };
        overlay.marks.set(skip.cell.element, 'skipped', pick(message));
        problems.push({
          field: skip.cell.id,
          rowKey: skip.cell.row.key,
          studentName: skip.cell.row.name,
          column: skip.cell.column.label,
          value: skip.value,
          code: 'bulk-fill.refused',
          severity: 'error',
          message,
        });
      }
    }
    ctx.bus.emit('validate.fileProblems', { problems });
  };

  // ---- from data to preview
  const open = (sheets: SheetsResult, origin: string): boolean => {
    if (signal.aborted) return false;
    if (!sheets.ok) {
      say(sheets.message);
      return false;
    }
    const start = performance.now();
    const found = fillSourceFromWorkbook(sheets.sheets as GridSheet[], {
      ...(context.class && { class: context.class }),
      ...(context.subject && { subject: context.subject }),
      ...(context.term && { term: context.term }),
      ...(context.schoolYear && { schoolYear: context.schoolYear }),
    });
    if (!found.ok) {
      say(t('bulkFill_nothingFound', pick(found.reason)));
      return false;
    }
    const fresh = startPagedFill<GridCell>(book, found.source, grid.partial());
    const rows = grid.rows();
    const plan: Plan = planWaiting(fresh, rows, check);
    recordPerf('bulkFill.plan', performance.now() - start);
    say(sheets.notice ?? '');
    const view = renderPreview(plan, found.source, origin, wrongFile(found.source, plan, context), {
      cancel: closeDialog,
      confirm: (plan) => {
        view.progress(0, plan.changes.length); // disables the buttons at once
        void session.run(async () => {
          const begun = performance.now();
          // Validation re-runs as the cells are written: PortalGrid reports each slice to the
          // validate feature (cell checks, row averages) in one batch. The cells' marks (drafts,
          // validation, filled) reach the page once, after the last slice, still inside the timing.
          const release = overlay.marks.hold();
          try {
            const done = await fill(grid, plan.changes, { onProgress: view.progress, signal });
            recordPerf('bulkFill.write', performance.now() - begun);
            // This fill replaces the last one (and its undo). Kept even when the grid went away
            // while writing: the next mount goes on with it.
            session.set(settleStep(fresh, plan, rows, done));
            if (signal.aborted) return;
            markFilled(done.entries);
            keepRefused(plan);
          } finally {
            release();
          }
          recordPerf('bulkFill.fill', performance.now() - begun);
          closeDialog();
          show();
          followRows(); // rows may have been drawn while writing
        });
      },
    });
    showDialog(view.element);
    return true;
  };

  // ---- rows drawn (another page, scrolling, a save): fill the waiting rows that are on screen now
  let stepQueued = false;
  const followRows = () => {
    if (stepQueued) return;
    stepQueued = true;
    void session.run(async () => {
      stepQueued = false;
      const paged = current();
      if (signal.aborted || !paged) return;
      if (paged.undo) {
        if (paged.undo.waiting.length > 0) await undoStep(paged);
        return;
      }
      const rebound: Fill = {
        ...paged,
        record: { ...paged.record, entries: onScreen(paged.record.entries) },
      };
      markFilled(rebound.record.entries);
      if (rebound.waiting.length === 0) {
        session.set(rebound);
        return;
      }
      const rows = grid.rows();
      const plan = planWaiting(rebound, rows, check);
      const release = overlay.marks.hold();
      try {
        const done = await fill(grid, plan.changes, { signal });
        session.set(settleStep(rebound, plan, rows, done));
        if (signal.aborted) return;
        markFilled(done.entries);
      } finally {
        release();
      }
      show();
    });
  };
  grid.onRowsChanged(followRows, signal);

  // ---- undo: the cells on screen now, the others as their rows render
  const undoStep = async (paged: Fill) => {
    const start = performance.now();
    const release = overlay.marks.hold();
    let undone: Awaited<ReturnType<typeof undoFill>>;
    try {
      undone = await undoFill(grid, { entries: onScreen(toUndo(paged)) }, holds, { signal });
      for (const { cell } of [...undone.restored, ...undone.changed])
        overlay.marks.clear(cell.element, 'filled');
    } finally {
      release();
    }
    session.set(settleUndo(paged, undone));
    ctx.bus.emit('validate.request', {});
    recordPerf('bulkFill.undo', performance.now() - start);
    show();
  };
  const undo = () =>
    session.run(async () => {
      const paged = current();
      if (paged && !paged.undo && !signal.aborted) await undoStep(paged);
    });

  // ---- the teacher's own edits win: a cell typed after the fill is no longer ours to check or undo
  grid.onEdit((edits) => {
    const typed = new Set(edits.filter((edit) => edit.source === 'user').map((edit) => edit.cell.id));
    if (typed.size > 0 && current()) change((paged) => withoutCells(paged, typed));
  }, signal);

  // ---- after "Lưu": once the portal says it saved, the result stops asking to press it. The watch
  // outlives this mount: the portal redraws the grid before it shows its message.
  grid.onBeforeSave(() => {
    if (!current() || dialogOpen()) return;
    const docs = [...new Set([grid.document, overlay.host.ownerDocument])];
    void watchSaveOutcome(docs, ctx.page.save, SAVE_OUTCOME_TIMEOUT_MS).then((outcome) => {
      if (outcome !== 'success') return;
      void session.run(() => {
        const paged = session.of(book);
        if (paged && !paged.saved) session.set({ ...paged, saved: true });
        if (!signal.aborted) show();
      });
    });
  }, signal);

  // ---- before "Lưu": is the undo done, and are the filled values still there?
  grid.onBeforeSave((save) => {
    const paged = current();
    if (!paged || dialogOpen()) return;
    const undoWaiting = paged.undo?.waiting ?? [];
    if (undoWaiting.length > 0) {
      save.cancel();
      showDialog(
        renderUndoWaiting(undoWaiting, {
          cancel: closeDialog,
          saveAsIs: () => {
            closeDialog();
            change(keepUndoWaiting);
            grid.save();
          },
        }),
      );
      return;
    }
    const changed = changedSinceFill({ entries: onScreen(paged.record.entries) }, holds);
    if (changed.length === 0) return;
    save.cancel();
    for (const { cell } of changed) overlay.marks.set(cell.element, 'mismatch', t('bulkFill_changedMark'));
    const done = () => {
      for (const { cell } of changed) overlay.marks.clear(cell.element, 'mismatch');
      closeDialog();
    };
    const reapply = async () => {
      await writeInChunks(
        grid,
        changed.map(({ cell, after }) => ({ cell, value: after })),
        { signal },
      );
      done();
      ctx.bus.emit('validate.request', {});
      if (changedSinceFill({ entries: changed }, holds).length === 0) grid.save();
      else say(t('bulkFill_reapplyFailed'));
    };
    showDialog(
      renderRecheck(changed, {
        cancel: done,
        saveAsIs: () => {
          done();
          // The page's values stand for these cells: they are no longer the fill's.
          const ids = new Set(changed.map(({ cell }) => cell.id));
          change((latest) => withoutCells(latest, ids));
          grid.save();
        },
        reapply: () => void reapply(),
      }),
    );
  }, signal);

  // A fill of this book begun in an earlier mount goes on here.
  show();
  followRows();

  return {
    fromText(text) {
      if (text.trim() === '') {
        say(t('bulkFill_pasteEmpty'));
        return false;
      }
      return open(pastedSheets(text), t('bulkFill_pastedData'));
    },
    async fromFile(file) {
      say(t('bulkFill_reading', file.name));
      open(await fileSheets(file), file.name);
    },
  };
}
