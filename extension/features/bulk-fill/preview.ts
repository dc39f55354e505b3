import type { FillSource } from '@edulens/shared/sheets';
import { pick, t } from '../../lib/i18n';
import { h } from '../../lib/overlay';
import type { GridCell, GridRow } from '../../lib/portal-grid';
import type { FillPlan, PlannedRow, Skip, Student } from './plan';

// The preview dialog: per row of the file, the student it matched (how, how sure), the values
// that will change (old → new) and the cells skipped with the reason. Nothing is written until
// the teacher confirms.

export type Plan = FillPlan<GridCell, GridRow>;
type Row = PlannedRow<GridCell, GridRow>;

export const DIALOG_CSS = `
.bf-dialog { position: fixed; top: 4vh; left: 50%; transform: translateX(-50%); width: min(820px, 94vw);
  max-height: 90vh; display: flex; flex-direction: column; z-index: 2147483647; }
.bf-dialog .body { overflow: auto; }
.bf-dialog table { border-collapse: collapse; width: 100%; font-size: 12px; }
.bf-dialog th, .bf-dialog td { border-bottom: 1px solid #e3e8ef; padding: 3px 5px; text-align: left; vertical-align: top; }
.bf-dialog th { background: #f7f9fc; position: sticky; top: 0; }
.bf-dialog tr.unknown, .bf-dialog tr.ambiguous, .bf-dialog tr.duplicate { background: #fff4e5; }
.bf-dialog tr.low td.how { color: #a05a00; font-weight: 600; }
.bf-dialog .chg { color: #1b6e3a; white-space: nowrap; }
.bf-dialog .skip { color: #7a4a00; }
.bf-dialog .skip.unchanged { color: #8a94a3; }
.bf-dialog .summary { margin: 0 0 6px; }
.bf-dialog .note { color: #5f6b7a; margin: 2px 0; }
.bf-dialog footer { display: flex; gap: 8px; align-items: center; padding: 8px 10px; border-top: 1px solid #dde5ee; background: #f7f9fc; }
.bf-dialog footer .grow { flex: 1; }
.bf-dialog progress { width: 160px; }
.bf-warn { color: #8a3d00; }
`;

/** Below this a match is shown as doubtful. */
const LOW_CONFIDENCE = 0.9;

function percent(confidence: number | undefined): string {
  return confidence === undefined ? '' : `${Math.round(confidence * 100)}%`;
}

function student(row: Student): string {
  return `${row.name} (${row.key})`;
}

function skipText(skip: Skip<GridCell>): string {
  switch (skip.reason) {
    case 'locked':
      return t('bulkFill_skipLocked', [skip.column, skip.value]);
    case 'unchanged':
      return t('bulkFill_skipUnchanged', [skip.column, skip.value]);
    case 'invalid':
      return t('bulkFill_skipInvalid', [skip.column, skip.message ? pick(skip.message) : skip.value]);
    case 'no-column':
      return t('bulkFill_skipNoColumn', [skip.column, skip.value]);
  }
}

function matchCell(row: Row): (Node | string)[] {
  switch (row.status) {
    case 'matched':
      return [row.target ? student(row.target) : ''];
    case 'pending':
      return [h('span', { class: 'muted' }, t('bulkFill_pendingRow'))];
    case 'unknown':
      return [
        h('span', { class: 'bf-warn' }, t('bulkFill_unknown')),
        ...(row.nearest ? [h('div', { class: 'note' }, t('bulkFill_nearest', student(row.nearest)))] : []),
      ];
    case 'ambiguous':
      return [
        h('span', { class: 'bf-warn' }, t('bulkFill_ambiguous', row.candidates.map(student).join('; '))),
      ];
    case 'duplicate':
      return [
        h('span', { class: 'bf-warn' }, t('bulkFill_duplicate', row.candidates.map(student).join('; '))),
      ];
  }
}

function howCell(row: Row): string {
  if (row.status !== 'matched' || !row.method) return '';
  const notes = row.notes.map((note) =>
    t(`bulkFill_note_${note.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`),
  );
  return [`${t(`bulkFill_method_${row.method}`)} · ${percent(row.confidence)}`, ...notes].join(' · ');
}

/** Problem rows first (not filled), then doubtful matches, the rest, and rows of other pages last. */
function rank(row: Row): number {
  if (row.status === 'pending') return 3;
  if (row.status !== 'matched') return 0;
  return (row.confidence ?? 1) < LOW_CONFIDENCE || row.notes.length > 0 ? 1 : 2;
}

function ordered(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

function rowElement(row: Row): HTMLTableRowElement {
  const low = row.status === 'matched' && ((row.confidence ?? 1) < LOW_CONFIDENCE || row.notes.length > 0);
  return h(
    'tr',
    {
      class: `${row.status}${low ? ' low' : ''}`,
      'data-testid': 'bulkfill-row',
      'data-status': row.status,
      'data-line': String(row.line),
      'data-key': row.target?.key ?? '',
      'data-method': row.method ?? '',
    },
    h('td', null, String(row.line)),
    h('td', null, row.name, row.code ? h('div', { class: 'note' }, row.code) : null),
    h('td', null, ...matchCell(row)),
    h('td', { class: 'how' }, howCell(row)),
    h(
      'td',
      null,
      ...row.changes.map((change) =>
        h(
          'div',
          { class: 'chg' },
          t('bulkFill_change', [change.cell.column.label, change.before || '∅', change.after]),
        ),
      ),
    ),
    h(
      'td',
      null,
      ...row.skips.map((skip) =>
        h('div', { class: `skip ${skip.reason}`, 'data-reason': skip.reason }, skipText(skip)),
      ),
    ),
  );
}

export interface PreviewHandlers {
  confirm(): void;
  cancel(): void;
}

export interface PreviewView {
  element: HTMLElement;
  /** Shows fill progress in the footer and disables the buttons. */
  progress(done: number, total: number): void;
}

/** Builds the preview dialog of a plan. */
export function renderPreview(
  plan: Plan,
  source: FillSource,
  origin: string,
  handlers: PreviewHandlers,
): PreviewView {
  const { counts } = plan;
  const facts = [
    t('bulkFill_sourceLine', [origin, source.sheet]),
    source.headerRows
      ? t('bulkFill_headerRows', [source.headerRows[0], source.headerRows[1]])
      : t('bulkFill_noHeader'),
    source.repairs.length > 0 ? t('bulkFill_repaired', source.repairs.length) : '',
    source.otherBlocks.length > 0
      ? t('bulkFill_subjectTaken', [source.subject, source.otherBlocks.join(', ')])
      : '',
    plan.unmappedColumns.length > 0 ? t('bulkFill_unmapped', plan.unmappedColumns.join(', ')) : '',
    counts.pending > 0 ? t('bulkFill_pendingSummary', counts.pending) : '',
  ].filter(Boolean);
  const summary = t('bulkFill_summary', [
    counts.changes,
    counts.matched,
    counts.skipped,
    counts.unknown,
    counts.ambiguous + counts.duplicate,
  ]);
  const bar = h('progress', { max: 1, value: 0, hidden: true, 'data-testid': 'bulkfill-progress' });
  const status = h('span', { class: 'muted', 'data-testid': 'bulkfill-progress-text' });
  const confirm = h(
    'button',
    {
      class: 'btn primary',
      'data-testid': 'bulkfill-confirm',
      disabled: counts.changes === 0 && counts.pending === 0,
      onclick: handlers.confirm,
    },
    counts.pending > 0
      ? t('bulkFill_confirmWaiting', [counts.changes, counts.pending])
      : t('bulkFill_confirm', counts.changes),
  );
  const cancel = h(
    'button',
    { class: 'btn', 'data-testid': 'bulkfill-cancel', onclick: handlers.cancel },
    t('bulkFill_cancel'),
  );
  const missing =
    plan.missing.length > 0
      ? h(
          'p',
          { class: 'note', 'data-testid': 'bulkfill-missing' },
          t('bulkFill_missing', [plan.missing.length, plan.missing.map((row) => row.name).join(', ')]),
        )
      : null;
  const element = h(
    'div',
    { class: 'panel bf-dialog', role: 'dialog', 'data-testid': 'bulkfill-preview' },
    h('header', null, h('span', { class: 'grow' }, t('bulkFill_previewTitle'))),
    h(
      'div',
      { class: 'body' },
      h('p', { class: 'summary', 'data-testid': 'bulkfill-summary' }, summary),
      ...facts.map((fact) => h('p', { class: 'note' }, fact)),
      missing,
      h(
        'table',
        null,
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ...[
              'bulkFill_colLine',
              'bulkFill_colFile',
              'bulkFill_colStudent',
              'bulkFill_colHow',
              'bulkFill_colChanges',
              'bulkFill_colSkipped',
            ].map((key) => h('th', null, t(key))),
          ),
        ),
        h('tbody', null, ...ordered(plan.rows).map(rowElement)),
      ),
    ),
    h('footer', null, bar, status, h('span', { class: 'grow' }), cancel, confirm),
  );
  return {
    element,
    progress(done, total) {
      bar.hidden = false;
      bar.max = Math.max(1, total);
      bar.value = done;
      status.textContent = t('bulkFill_progress', [done, total]);
      confirm.disabled = true;
      cancel.disabled = true;
    },
  };
}
