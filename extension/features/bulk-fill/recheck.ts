import { t } from '../../lib/i18n';
import { h } from '../../lib/overlay';
import type { FillEntry } from './filler';

// The dialog shown when "Lưu" is pressed after a fill and the page has changed filled cells
// since (a background refresh writing stored values back): the save waits for the teacher.

export interface RecheckHandlers {
  reapply(): void;
  saveAsIs(): void;
  cancel(): void;
}

const MAX_LISTED = 30;

export function renderRecheck(changed: readonly FillEntry[], handlers: RecheckHandlers): HTMLElement {
  const items = changed
    .slice(0, MAX_LISTED)
    .map((entry) =>
      h(
        'li',
        { 'data-field': entry.cell.id },
        t('bulkFill_recheckItem', [
          entry.cell.row.name || entry.cell.row.key,
          entry.cell.column.label,
          entry.after,
          entry.cell.read() || '∅',
        ]),
      ),
    );
  if (changed.length > MAX_LISTED)
    items.push(h('li', null, t('bulkFill_andMore', changed.length - MAX_LISTED)));
  return h(
    'div',
    { class: 'panel bf-dialog', role: 'alertdialog', 'data-testid': 'bulkfill-recheck' },
    h('header', null, h('span', { class: 'grow bf-warn' }, t('bulkFill_recheckTitle'))),
    h(
      'div',
      { class: 'body' },
      h('p', { class: 'summary' }, t('bulkFill_recheckText', changed.length)),
      h('ul', null, ...items),
    ),
    h(
      'footer',
      null,
      h('span', { class: 'grow' }),
      h(
        'button',
        { class: 'btn', 'data-testid': 'bulkfill-recheck-cancel', onclick: handlers.cancel },
        t('bulkFill_cancel'),
      ),
      h(
        'button',
        { class: 'btn', 'data-testid': 'bulkfill-save-as-is', onclick: handlers.saveAsIs },
        t('bulkFill_saveAsIs'),
      ),
      h(
        'button',
        { class: 'btn primary', 'data-testid': 'bulkfill-reapply', onclick: handlers.reapply },
        t('bulkFill_reapply', changed.length),
      ),
    ),
  );
}
