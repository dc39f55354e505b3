import type { FillSource } from '@edulens/shared/sheets';
import { pick, t } from '../../lib/i18n';
import type { Message } from '@edulens/shared';
import { h } from '../../lib/overlay';
import type { GridCell, GridRow } from '../../lib/portal/grid';
import { type FillPlan, type PlannedRow, type Skip, type Student, withTicks } from './plan';

// The preview dialog: per row of the file, the student it matched (how, how sure, and why it is
// doubtful), a tick for whether it is filled (doubtful rows start unticked), the values that will
// change (old → new, an overwrite of a stored value shown apart) and the cells skipped with the
// reason; unchanged cells are one line per row. Nothing is written until the teacher confirms, and
// overwriting stored values needs its own confirmation.

export type Plan = FillPlan<GridCell, GridRow>;
type Row = PlannedRow<GridCell, GridRow>;

/** The one dialog a fill shows at a time in its panel section: showing one closes the one before. */
export interface DialogSlot {
  show: (element: HTMLElement) => void;
  close: () => void;
  /** Whether a dialog is showing. */
  open: () => boolean;
}

export function dialogSlot(section: HTMLElement): DialogSlot {
  let dialog: HTMLElement | undefined;
  const close = () => {
    dialog?.remove();
    dialog = undefined;
  };
  return {
    show(element) {
      close();
      dialog = element;
      section.append(element);
    },
    close,
    open: () => dialog !== undefined,
  };
}

/** A preview's table: a header row of `headings`, then `rows`. */
export function previewTable(headings: readonly string[], rows: readonly HTMLElement[]): HTMLElement {
  return h(
    'table',
    null,
    h('thead', null, h('tr', null, ...headings.map((heading) => h('th', null, heading)))),
    h('tbody', null, ...rows),
  );
}

export const DIALOG_CSS = `
.bf-dialog { position: fixed; top: 4vh; left: 50%; transform: translateX(-50%); width: min(820px, 94vw);
  max-height: 90vh; display: flex; flex-direction: column; z-index: 2147483647; }
.bf-dialog .body { overflow: auto; }
.bf-dialog table { border-collapse: collapse; width: 100%; font-size: 12px; }
.bf-dialog th, .bf-dialog td { border-bottom: 1px solid #e3e8ef; padding: 3px 5px; text-align: left; vertical-align: top; }
.bf-dialog th { background: #f7f9fc; position: sticky; top: 0; }
.bf-dialog tr.unknown, .bf-dialog tr.not-in-class, .bf-dialog tr.ambiguous, .bf-dialog tr.duplicate { background: #fff4e5; }
.bf-dialog tr.doubtful { background: #fffbe6; }
.bf-dialog .chg.overwrite { color: #9b1c10; }
.bf-dialog .bf-mismatch { border: 2px solid #d93025; background: #fdecea; color: #7a1206; padding: 6px 10px; border-radius: 6px; margin-bottom: 8px; }
.bf-dialog .bf-mismatch ul { margin: 4px 0; padding-left: 20px; }
.bf-dialog .bf-mismatch label { display: flex; gap: 6px; align-items: flex-start; font-weight: 600; }
.bf-dialog .allow { display: flex; gap: 6px; align-items: center; color: #9b1c10; font-weight: 600; }
.bf-dialog .allow[hidden] { display: none; }
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
    case 'not-in-class':
      return [
        h('span', { class: 'bf-warn' }, t('bulkFill_notInClass', row.code)),
        ...(row.nearest
          ? [h('div', { class: 'note' }, t('bulkFill_sameNameOther', student(row.nearest)))]
          : []),
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
  const notes = row.doubts.map((doubt) =>
    t(`bulkFill_doubt_${doubt.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`),
  );
  return [`${t(`bulkFill_method_${row.method}`)} · ${percent(row.confidence)}`, ...notes].join(' · ');
}

/** Problem rows first (not filled), then doubtful matches, the rest, and rows of other pages last. */
function rank(row: Row): number {
  if (row.status === 'pending') return 3;
  if (row.status !== 'matched') return 0;
  return (row.confidence ?? 1) < LOW_CONFIDENCE || row.doubts.length > 0 ? 1 : 2;
}

function ordered(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}

/** A comment is shown by its start; the whole text is on hover. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

function rowElement(row: Row, onTick: (line: number, ticked: boolean) => void): HTMLTableRowElement {
  const doubtful = row.status === 'matched' && row.doubts.length > 0;
  const low = row.status === 'matched' && ((row.confidence ?? 1) < LOW_CONFIDENCE || doubtful);
  const unchanged = row.skips.filter((skip) => skip.reason === 'unchanged').length;
  const tick =
    row.status === 'matched'
      ? h('input', {
          type: 'checkbox',
          'data-testid': 'bulkfill-tick',
          checked: row.ticked,
          title: t('bulkFill_tickHint'),
          onchange: (event: Event) => onTick(row.line, (event.target as HTMLInputElement).checked),
        })
      : null;
  return h(
    'tr',
    {
      class: `${row.status}${low ? ' low' : ''}${doubtful ? ' doubtful' : ''}`,
      'data-testid': 'bulkfill-row',
      'data-status': row.status,
      'data-line': String(row.line),
      'data-key': row.target?.key ?? '',
      'data-method': row.method ?? '',
      'data-doubts': row.doubts.join(' '),
    },
    h('td', null, tick),
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
          {
            class: `chg${change.before === '' ? '' : ' overwrite'}`,
            title: change.after,
            'data-overwrite': change.before === '' ? null : '1',
          },
          t(change.before === '' ? 'bulkFill_change' : 'bulkFill_overwrite', [
            change.cell.column.label,
            shown(change.before) || '∅',
            shown(change.after),
          ]),
        ),
      ),
    ),
    h(
      'td',
      null,
      ...row.skips
        .filter((skip) => skip.reason !== 'unchanged')
        .map((skip) =>
          h('div', { class: `skip ${skip.reason}`, 'data-reason': skip.reason }, skipText(skip)),
        ),
      unchanged > 0
        ? h(
            'div',
            { class: 'skip unchanged', 'data-reason': 'unchanged' },
            t('bulkFill_unchangedCount', unchanged),
          )
        : null,
    ),
  );
}

export interface PreviewHandlers {
  /** With the plan as the teacher left it (the rows ticked). */
  confirm(plan: Plan): void;
  cancel(): void;
}

export interface PreviewView {
  element: HTMLElement;
  /** Shows fill progress in the footer and disables the buttons. */
  progress(done: number, total: number): void;
}

/** Builds the preview dialog of a plan. */
export function renderPreview(
  initial: Plan,
  source: FillSource,
  origin: string,
  /** What says this file is meant for another book; each needs the teacher's explicit go-ahead. */
  mismatches: readonly Message[],
  handlers: PreviewHandlers,
): PreviewView {
  let plan = initial;
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
  const summary = h('p', { class: 'summary', 'data-testid': 'bulkfill-summary' });
  const bar = h('progress', { max: 1, value: 0, hidden: true, 'data-testid': 'bulkfill-progress' });
  const status = h('span', { class: 'muted', 'data-testid': 'bulkfill-progress-text' });
  const allowOverwrite = h('input', { type: 'checkbox', 'data-testid': 'bulkfill-allow-overwrite' });
  const allowLabel = h('span', null);
  const allow = h('label', { class: 'allow', hidden: true }, allowOverwrite, allowLabel);
  const acceptMismatch = h('input', { type: 'checkbox', 'data-testid': 'bulkfill-accept-mismatch' });
  const warning =
    mismatches.length > 0
      ? h(
          'div',
          { class: 'bf-mismatch', role: 'alert', 'data-testid': 'bulkfill-mismatch' },
          h('strong', null, t('bulkFill_wrongFileTitle')),
          h('ul', null, ...mismatches.map((mismatch) => h('li', null, pick(mismatch)))),
          h(
            'label',
            null,
            acceptMismatch,
            t('bulkFill_wrongFileAccept', mismatches.map((mismatch) => pick(mismatch)).join('; ')),
          ),
        )
      : null;
  const confirm = h('button', {
    class: 'btn primary',
    'data-testid': 'bulkfill-confirm',
    onclick: () => handlers.confirm(plan),
  });
  const update = () => {
    const c = plan.counts;
    summary.textContent = t('bulkFill_summary', [
      c.changes,
      c.matched,
      c.skipped,
      c.unknown + c.notInClass,
      c.ambiguous + c.duplicate,
    ]);
    if (c.doubtful > 0) summary.textContent += ` ${t('bulkFill_doubtfulSummary', c.doubtful)}`;
    allow.hidden = c.overwrites === 0;
    allowLabel.textContent = t('bulkFill_allowOverwrite', c.overwrites);
    confirm.disabled =
      (c.changes === 0 && c.pending === 0) ||
      (c.overwrites > 0 && !allowOverwrite.checked) ||
      (mismatches.length > 0 && !acceptMismatch.checked);
    confirm.textContent =
      c.pending > 0 ? t('bulkFill_confirmWaiting', [c.changes, c.pending]) : t('bulkFill_confirm', c.changes);
  };
  allowOverwrite.addEventListener('change', update);
  acceptMismatch.addEventListener('change', update);
  const ticked = new Set(plan.rows.filter((row) => row.ticked).map((row) => row.line));
  const onTick = (line: number, on: boolean) => {
    if (on) ticked.add(line);
    else ticked.delete(line);
    plan = withTicks(plan, ticked);
    update();
  };
  update();
  const cancel = h(
    'button',
    { class: 'btn', 'data-testid': 'bulkfill-cancel', onclick: handlers.cancel },
    t('bulkFill_cancel'),
  );
  /** A line naming students of the page (missing from the file, or unsure), if there are any. */
  const studentsNote = (testid: string, key: string, rows: readonly Student[]) =>
    rows.length > 0
      ? h(
          'p',
          { class: 'note', 'data-testid': testid },
          t(key, [rows.length, rows.map((row) => row.name).join(', ')]),
        )
      : null;
  const missing = studentsNote('bulkfill-missing', 'bulkFill_missing', plan.missing);
  const unsure = studentsNote('bulkfill-unsure', 'bulkFill_unsureStudents', plan.unsure);
  const element = h(
    'div',
    { class: 'panel bf-dialog', role: 'dialog', 'data-testid': 'bulkfill-preview' },
    h('header', null, h('span', { class: 'grow' }, t('bulkFill_previewTitle'))),
    h(
      'div',
      { class: 'body' },
      warning,
      summary,
      ...facts.map((fact) => h('p', { class: 'note' }, fact)),
      missing,
      unsure,
      previewTable(
        [
          'bulkFill_colTick',
          'bulkFill_colLine',
          'bulkFill_colFile',
          'bulkFill_colStudent',
          'bulkFill_colHow',
          'bulkFill_colChanges',
          'bulkFill_colSkipped',
        ].map((key) => t(key)),
        ordered(plan.rows).map((row) => rowElement(row, onTick)),
      ),
    ),
    h('footer', null, bar, status, allow, h('span', { class: 'grow' }), cancel, confirm),
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
