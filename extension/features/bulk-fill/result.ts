import { t } from '../../lib/i18n';
import { h } from '../../lib/overlay';
import type { GridCell } from '../../lib/portal/grid';
import type { PagedFill } from './paged-fill';
import type { Student } from './plan';

// What the teacher reads under the bulk-fill panel once a fill has started: how many students
// are filled, how many wait on other pages (and who), rows filled by name that a student seen later
// fits too, the undo and how far it got.

export interface ResultActions {
  undo(): void;
  stopWaiting(): void;
}

const NAMES_SHOWN = 8;

const student = ({ key, name }: Student) => `${name} (${key})`;

export const RESULT_CSS = `
.bulk-fill-panel .result p { margin: 4px 0; }
.bulk-fill-panel .result ul { margin: 4px 0; padding-left: 18px; color: #8a3d00; }
.bulk-fill-panel .result .btn { margin: 4px 6px 0 0; }
`;

function statusText(fill: PagedFill<GridCell>): string {
  const { tally, undo, waiting } = fill;
  if (undo) {
    if (undo.waiting.length > 0) return t('bulkFill_undoWaiting', [undo.restored, undo.waiting.length]);
    if (undo.kept > 0) return t('bulkFill_undoneKept', [undo.restored, undo.kept]);
    if (undo.changed > 0) return t('bulkFill_undoneSome', [undo.restored, undo.changed]);
    return t('bulkFill_undone', undo.restored);
  }
  const after = fill.saved ? t('bulkFill_savedInPortal') : t('bulkFill_rememberSave');
  if (waiting.length > 0) {
    return `${t('bulkFill_donePartly', [
      tally.matched,
      fill.source.rows.length,
      tally.cells,
      waiting.length,
      tally.skipped,
      tally.unsure,
    ])} ${after}`;
  }
  const done = t('bulkFill_done', [tally.cells, tally.skipped, tally.unknown, tally.unsure]);
  return tally.stopped > 0 ? `${done} ${t('bulkFill_stopped', tally.stopped)} ${after}` : `${done} ${after}`;
}

export function renderResult(area: HTMLElement, fill: PagedFill<GridCell>, actions: ResultActions): void {
  const { waiting } = fill; // none once undone
  area.replaceChildren(
    h(
      'div',
      {
        'data-testid': 'bulkfill-result-text',
        'data-matched': String(fill.tally.matched),
        'data-waiting': String(waiting.length),
      },
      statusText(fill),
    ),
  );
  if (!fill.undo && fill.doubts.length > 0) {
    area.append(
      h(
        'ul',
        { 'data-testid': 'bulkfill-doubts' },
        ...fill.doubts.map((doubt) =>
          h(
            'li',
            null,
            t('bulkFill_doubt', [
              doubt.row.row + 1,
              doubt.row.name,
              student(doubt.target),
              student(doubt.other),
            ]),
          ),
        ),
      ),
    );
  }
  if (waiting.length > 0) {
    const names = waiting.slice(0, NAMES_SHOWN).map((row) => row.name || row.code);
    if (waiting.length > NAMES_SHOWN) names.push(t('bulkFill_andOthers', waiting.length - NAMES_SHOWN));
    area.append(
      h(
        'p',
        { class: 'muted', 'data-testid': 'bulkfill-waiting' },
        t('bulkFill_waitingList', names.join(', ')),
      ),
      h(
        'button',
        { class: 'btn', 'data-testid': 'bulkfill-stop-waiting', onclick: actions.stopWaiting },
        t('bulkFill_stopWaiting'),
      ),
    );
  }
  if (!fill.undo && fill.record.entries.length > 0) {
    area.append(
      h(
        'button',
        { class: 'btn', 'data-testid': 'bulkfill-undo', onclick: actions.undo },
        t('bulkFill_undo'),
      ),
    );
  }
}
