import { defineFeature } from '../lib/feature';
import { t } from '../lib/i18n';
import { foldable } from '../lib/fold';
import { h } from '../lib/overlay';
import type { GridCell } from '../lib/portal/grid';

// Comments have a length limit (the input's `maxlength`, e.g. 500) that the portal enforces by cutting the
// text. While a comment cell has the focus its count shows ("57/500"); a "Lưu" with a comment over
// its limit (pasted, or filled by a script) is held back, with the cells listed, before the portal
// cuts them.

const isComment = (cell: GridCell | undefined): cell is GridCell =>
  cell !== undefined && cell.column.checks === 'comment' && cell.maxLength() !== undefined;

export const commentLength = defineFeature({
  id: 'comment-length',
  runsOn: ['grade-grid'],
  mount(ctx) {
    const { grid, overlay, signal } = ctx;
    const comments = grid.columns.some((column) => column.checks === 'comment');
    if (!comments) return;

    const show = (cell: GridCell) => {
      const max = cell.maxLength()!;
      const length = cell.read().normalize('NFC').length;
      overlay.marks.set(cell.element, 'count', t('comment_countHint', [length, max]), `${length}/${max}`);
    };
    const cellAt = (event: Event) => {
      const target = event.target as Element | null;
      return target && target.nodeType === 1 ? grid.cellOf(target) : undefined;
    };
    const onFocus = (event: Event) => {
      const cell = cellAt(event);
      if (isComment(cell)) show(cell);
    };
    const onBlur = (event: Event) => {
      const cell = cellAt(event);
      if (isComment(cell)) overlay.marks.clear(cell.element, 'count');
    };
    grid.document.addEventListener('focusin', onFocus, { signal });
    grid.document.addEventListener('focusout', onBlur, { signal });
    grid.onEdit((edits) => {
      for (const { cell } of edits)
        if (isComment(cell) && cell.element.contains(grid.document.activeElement)) show(cell);
    }, signal);

    const notice = h('div', { class: 'panel comment-over', 'data-testid': 'comment-over', hidden: true });
    overlay.section('comment-length', { order: 5 }).append(notice);
    overlay.style(`
.comment-over{border-color:#d93025}
.comment-over ol.body{margin:0;padding:6px 10px 6px 30px;color:#9b1c10}
`);
    grid.onBeforeSave((save) => {
      const over = grid
        .rows()
        .flatMap((row) => row.cells)
        .filter((cell) => isComment(cell) && cell.read().normalize('NFC').length > cell.maxLength()!);
      notice.hidden = over.length === 0;
      notice.replaceChildren();
      if (over.length === 0) return;
      save.cancel();
      notice.append(
        h('header', null, t('comment_overTitle', over.length)),
        h(
          'ol',
          { class: 'body' },
          ...over.map((cell) =>
            h(
              'li',
              null,
              h(
                'button',
                { class: 'link', onclick: () => cell.focus() },
                t('comment_overRow', [
                  cell.row.name || cell.row.key,
                  cell.read().normalize('NFC').length,
                  cell.maxLength()!,
                ]),
              ),
            ),
          ),
        ),
      );
      foldable(notice);
    }, signal);
  },
});
