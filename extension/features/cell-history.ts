import { defineFeature } from '../lib/feature';
import { t } from '../lib/i18n';
import type { GridCell } from '../lib/portal/grid';
import { sameValue } from './drafts/values';

// "Who changed this score?": on hover of a cell, the person who saved it last and when (a portal
// keeps it in each input's title), and the saved value when the cell now shows another one.

function historyText(cell: GridCell): string | undefined {
  const last = cell.lastEdit();
  const saved = cell.saved();
  const lines: string[] = [];
  if (last) lines.push(t('history_lastSaved', [last.user, last.at]));
  else if (saved !== undefined) lines.push(t('history_neverSaved'));
  if (saved !== undefined && !sameValue(cell.read(), saved))
    lines.push(t('history_savedValue', saved || '∅'));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

export const cellHistory = defineFeature({
  id: 'cell-history',
  runsOn: ['grade-grid'],
  mount(ctx) {
    const { page, grid, overlay, signal } = ctx;
    if (!page.cell.lastEdit && !page.cell.savedValue) return;
    let shown: GridCell | undefined;
    const hide = () => {
      if (shown) overlay.marks.clear(shown.element, 'history');
      shown = undefined;
    };
    const onOver = (event: Event) => {
      const target = event.target as Element | null;
      const cell = target && target.nodeType === 1 ? grid.cellOf(target) : undefined;
      if (cell === shown) return;
      hide();
      if (!cell || cell.column.computed) return;
      const text = historyText(cell);
      if (!text) return;
      shown = cell;
      overlay.marks.set(cell.element, 'history', text);
    };
    grid.document.addEventListener('mouseover', onOver, { signal, passive: true });
    grid.table.addEventListener('mouseleave', hide, { signal, passive: true });
  },
});
