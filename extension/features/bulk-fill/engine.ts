import { getRulepack, tt22 } from '@edulens/shared/rules';
import { fillSourceFromWorkbook, type GridSheet } from '@edulens/shared/sheets';
import { initI18n, pick, t } from '../../lib/i18n';
import { h } from '../../lib/overlay';
import type { GridCell } from '../../lib/portal-grid';
import { chooseRulepack } from '../validate';
import type { BulkFillEngine, EngineDeps } from './engine-api';
import {
  changedSinceFill,
  type FillEntry,
  fill,
  type FillRecord,
  type Holds,
  undoFill,
  writeInChunks,
} from './filler';
import { buildPlan } from './plan';
import { DIALOG_CSS, type Plan, renderPreview } from './preview';
import { renderRecheck } from './recheck';
import { fileSheets, pastedSheets, type SheetsResult } from './sources';
import { type CheckValue, isScoreKind, sameValue, valueChecker } from './values';

// The bulk-fill engine, loaded on first use: sheets → fill source (header, TCVN3/VNI repair, from
// shared/sheets) → rows matched to the page's students → preview → fill through the portal grid
// (native setter + events, never locked cells) in slices with a progress bar → validation
// re-runs → undo. Before "Lưu", filled cells are checked again: if the page changed them since,
// the save waits for the teacher to re-apply or save as is.

export async function startEngine(deps: EngineDeps): Promise<BulkFillEngine> {
  const { ctx, section, status, result, recordPerf } = deps;
  const { grid, overlay, signal } = ctx;
  await initI18n();
  const rulepack = getRulepack(chooseRulepack(ctx));
  const context = grid.context();
  const commentSubject = rulepack.id !== 'tt27' && tt22.isCommentSubject(context.subject ?? '');
  const check: CheckValue = valueChecker(rulepack, commentSubject);
  const holds: Holds = ({ cell, after }) =>
    isScoreKind(cell.column.kind) && sameValue(check, cell.column.kind, cell.read(), after);

  let record: FillRecord | undefined;
  let dialog: HTMLElement | undefined;
  overlay.style(DIALOG_CSS);

  const closeDialog = () => {
    dialog?.remove();
    dialog = undefined;
  };
  const showDialog = (element: HTMLElement) => {
    closeDialog();
    dialog = element;
    section.append(element);
  };
  signal.addEventListener('abort', closeDialog, { once: true });
  const say = (text: string) => {
    status.textContent = text;
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
    });
    if (!found.ok) {
      say(t('bulkFill_nothingFound', pick(found.reason)));
      return false;
    }
    const plan: Plan = buildPlan(found.source, grid.rows(), check);
    recordPerf('bulkFill.plan', performance.now() - start);
    say('');
    const view = renderPreview(plan, found.source, origin, {
      cancel: closeDialog,
      confirm: () => void confirm(plan, view.progress),
    });
    showDialog(view.element);
    return true;
  };

  // ---- fill, undo
  const markFilled = (entries: readonly FillEntry[]) => {
    // One translation for the whole fill; each cell only splices its two values in.
    const [head = '', middle = '', tail = ''] = t('bulkFill_filledMark', ['\u0000', '\u0000']).split(
      '\u0000',
    );
    for (const { cell, before, after } of entries) {
      overlay.marks.set(cell.element, 'filled', `${head}${before || '∅'}${middle}${after}${tail}`);
    }
  };

  const showResult = (text: string, undoable: boolean) => {
    result.replaceChildren(h('div', { 'data-testid': 'bulkfill-result-text' }, text));
    if (undoable) {
      result.append(
        h(
          'button',
          { class: 'btn', 'data-testid': 'bulkfill-undo', onclick: () => void undo() },
          t('bulkFill_undo'),
        ),
      );
    }
  };

  const confirm = async (plan: Plan, progress: (done: number, total: number) => void) => {
    const start = performance.now();
    progress(0, plan.changes.length);
    // Validation re-runs as the cells are written: PortalGrid reports each slice to the validate
    // feature (cell checks, row averages) in one batch.
    const done = await fill(grid, plan.changes, { onProgress: progress, signal });
    recordPerf('bulkFill.write', performance.now() - start);
    markFilled(done.entries);
    recordPerf('bulkFill.fill', performance.now() - start);
    if (signal.aborted) return;
    record = done;
    closeDialog();
    const { counts } = plan;
    showResult(
      t('bulkFill_done', [
        done.entries.length,
        counts.skipped + done.refused.length,
        counts.unknown,
        counts.ambiguous + counts.duplicate,
      ]),
      done.entries.length > 0,
    );
  };

  const undo = async () => {
    const last = record;
    if (!last) return;
    record = undefined;
    const start = performance.now();
    const { restored, changed } = await undoFill(grid, last, holds, { signal });
    for (const { cell } of last.entries) overlay.marks.clear(cell.element, 'filled');
    ctx.bus.emit('validate.request', {});
    recordPerf('bulkFill.undo', performance.now() - start);
    showResult(
      changed.length > 0
        ? t('bulkFill_undoneSome', [restored.length, changed.length])
        : t('bulkFill_undone', restored.length),
      false,
    );
  };

  // ---- the teacher's own edits win: a cell typed after the fill is no longer ours to check or undo
  grid.onEdit((edits) => {
    if (!record) return;
    const typed = new Set<GridCell>(edits.filter((edit) => edit.source === 'user').map((edit) => edit.cell));
    if (typed.size === 0) return;
    record = { ...record, entries: record.entries.filter((entry) => !typed.has(entry.cell)) };
  }, signal);

  // ---- before "Lưu": are the filled values still there?
  grid.onBeforeSave((save) => {
    if (!record || dialog) return;
    const changed = changedSinceFill(record, holds);
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
      if (changedSinceFill({ entries: changed, refused: [] }, holds).length === 0) grid.save();
      else say(t('bulkFill_reapplyFailed'));
    };
    showDialog(
      renderRecheck(changed, {
        cancel: done,
        saveAsIs: () => {
          done();
          record = undefined;
          grid.save();
        },
        reapply: () => void reapply(),
      }),
    );
  }, signal);

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
