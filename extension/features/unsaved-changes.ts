import { defineFeature } from '../lib/feature';
import { t } from '../lib/i18n';
import { h } from '../lib/overlay';
import type { GridCell } from '../lib/portal/grid';
import { sameValue } from './drafts/values';

// Where the page tells what it last saved (the profile's `savedValue` attribute), a badge counts the
// cells that differ from it — "3 ô chưa lưu" — and jumps to the first; leaving the page with any
// such cell asks first, since the portal forgets typed values on navigation.

const RECOUNT_MS = 120;

/** A cell whose value is not what the portal last saved. */
function unsaved(cell: GridCell): boolean {
  if (cell.column.computed) return false;
  const saved = cell.saved();
  return saved !== undefined && !sameValue(cell.read(), saved);
}

export const unsavedChanges = defineFeature({
  id: 'unsaved-changes',
  runsOn: ['grade-grid'],
  mount(ctx) {
    const savedAttr = ctx.page.cell.savedValue?.attr;
    if (!savedAttr) return;
    const { grid, overlay, signal } = ctx;
    let cells: GridCell[] = [];
    const badge = h('button', {
      class: 'unsaved-badge',
      'data-testid': 'unsaved-badge',
      title: t('unsaved_hint'),
      hidden: true,
      onclick: () => cells.find((cell) => cell.element.isConnected)?.focus(),
    });
    overlay.section('unsaved-changes', { region: 'top', order: 1 }).append(badge);
    overlay.style(`
.unsaved-badge{font:600 12px system-ui,Arial,sans-serif;padding:3px 12px;border-radius:12px;border:1px solid #c9a227;background:#fff8db;color:#6b4e00;cursor:pointer;box-shadow:0 2px 6px rgba(0,0,0,.15)}
`);

    const recount = () => {
      timer = undefined;
      if (signal.aborted) return;
      cells = grid.rows().flatMap((row) => row.cells.filter(unsaved));
      badge.hidden = cells.length === 0;
      badge.textContent = t('unsaved_count', cells.length);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      timer ??= setTimeout(recount, RECOUNT_MS);
    };
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    recount();
    grid.onEdit(schedule, signal);
    grid.onRowsChanged(schedule, signal);
    // A save moves the saved-value attribute to what was saved, maybe without redrawing the grid.
    const Observer = grid.document.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer(schedule);
    observer.observe(grid.table, { subtree: true, attributes: true, attributeFilter: [savedAttr] });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });

    const warn = (event: BeforeUnloadEvent) => {
      if (timer !== undefined) recount();
      if (cells.length === 0) return;
      event.preventDefault();
      event.returnValue = t('unsaved_leave', cells.length);
    };
    const windows = new Set<Window>([window]);
    if (grid.document.defaultView) windows.add(grid.document.defaultView);
    for (const target of windows) target.addEventListener('beforeunload', warn, { signal });
  },
});
