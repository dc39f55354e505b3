import { t } from '../../lib/i18n';
import { h } from '../../lib/overlay';
import type { FillEntry } from './filler';

// The dialogs that hold a "Lưu" after a fill: the page has changed filled cells since (a
// background refresh writing stored values back), or an undo still waits for cells on other
// pages (saving now would store the filled values there). The save waits for the teacher.

export interface RecheckHandlers {
  reapply(): void;
  saveAsIs(): void;
  cancel(): void;
}

const MAX_LISTED = 30;

function button(testid: string, label: string, onclick: () => void, primary = false): HTMLButtonElement {
  return h('button', { class: primary ? 'btn primary' : 'btn', 'data-testid': testid, onclick }, label);
}

function heldSave(
  testid: string,
  title: string,
  text: string,
  entries: readonly FillEntry[],
  item: (entry: FillEntry) => string,
  buttons: HTMLButtonElement[],
): HTMLElement {
  const items = entries
    .slice(0, MAX_LISTED)
    .map((entry) => h('li', { 'data-field': entry.cell.id }, item(entry)));
  if (entries.length > MAX_LISTED)
    items.push(h('li', null, t('bulkFill_andMore', entries.length - MAX_LISTED)));
  return h(
    'div',
    { class: 'panel bf-dialog', role: 'alertdialog', 'data-testid': testid },
    h('header', null, h('span', { class: 'grow bf-warn' }, title)),
    h('div', { class: 'body' }, h('p', { class: 'summary' }, text), h('ul', null, ...items)),
    h('footer', null, h('span', { class: 'grow' }), ...buttons),
  );
}

const student = (entry: FillEntry) => entry.cell.row.name || entry.cell.row.key;

export function renderRecheck(changed: readonly FillEntry[], handlers: RecheckHandlers): HTMLElement {
  return heldSave(
    'bulkfill-recheck',
    t('bulkFill_recheckTitle'),
    t('bulkFill_recheckText', changed.length),
    changed,
    (entry) =>
      t('bulkFill_recheckItem', [
        student(entry),
        entry.cell.column.label,
        entry.after,
        entry.cell.read() || '∅',
      ]),
    [
      button('bulkfill-recheck-cancel', t('bulkFill_cancel'), handlers.cancel),
      button('bulkfill-save-as-is', t('bulkFill_saveAsIs'), handlers.saveAsIs),
      button('bulkfill-reapply', t('bulkFill_reapply', changed.length), handlers.reapply, true),
    ],
  );
}

/** "Lưu" while an undo waits for rows on other pages. */
export function renderUndoWaiting(
  waiting: readonly FillEntry[],
  handlers: Pick<RecheckHandlers, 'saveAsIs' | 'cancel'>,
): HTMLElement {
  return heldSave(
    'bulkfill-undo-waiting',
    t('bulkFill_undoWaitingTitle'),
    t('bulkFill_undoWaitingText', waiting.length),
    waiting,
    (entry) =>
      t('bulkFill_undoWaitingItem', [
        student(entry),
        entry.cell.column.label,
        entry.after,
        entry.before || '∅',
      ]),
    [
      button('bulkfill-save-as-is', t('bulkFill_saveFilled', waiting.length), handlers.saveAsIs),
      button('bulkfill-recheck-cancel', t('bulkFill_undoGoOn'), handlers.cancel, true),
    ],
  );
}
