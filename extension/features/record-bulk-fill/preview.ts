import { pick } from '../../lib/i18n';
import { h } from '../../lib/overlay';
import { previewTable } from '../bulk-fill/preview';
import { RECORD_FIELD_NAMES } from '@edulens/shared/profiles';
import { type ColumnRole, fillFields } from './fields';
import { type ColumnMapping, mappingProblem } from './mapping';
import type { RecordPlan } from './plan';
import type { RecordSheet } from './record-sheet';
import { FILL_TEXT } from './texts';

// The preview of a record fill: the column mapping (each column of the file and the field it
// fills, correctable), then which records change which fields (old → new), which rows are skipped
// and why, and which values the record rules refuse. Nothing is written before "Điền và lưu".

export const RECORD_FILL_CSS = `
.rf-map select { font-size: 12px; max-width: 220px; }
.rf-map td.label { color: #3d4a5c; }
.rf-list { margin: 6px 0; }
.rf-list li { margin: 2px 0; }
.rf-progress { display: flex; gap: 8px; align-items: center; }
.rf-progress progress { flex: 1; }
.rf-stop { border: 2px solid #d93025; background: #fdecea; color: #7a1206; padding: 6px 10px; border-radius: 6px; margin: 6px 0; }
.rf-stop input { width: 100%; box-sizing: border-box; }
.rf-done { color: #1b6e3a; font-weight: 600; }
`;

const ROLES: readonly ColumnRole[] = ['studentCode', ...fillFields];

export interface PreviewHandlers {
  remap(col: number, role: ColumnRole | null): void;
  start(): void;
  close(): void;
}

function mappingTable(source: RecordSheet, mapping: ColumnMapping, handlers: PreviewHandlers): HTMLElement {
  const rows = source.columns.map((column) => {
    const select = h(
      'select',
      {
        'data-testid': `rf-map-${column.col}`,
        onchange: (event: Event) => {
          const value = (event.target as HTMLSelectElement).value;
          handlers.remap(column.col, value === '' ? null : (value as ColumnRole));
        },
      },
      h('option', { value: '' }, pick(FILL_TEXT.notUsed)),
      ...ROLES.map((role) => h('option', { value: role }, pick(RECORD_FIELD_NAMES[role]))),
    );
    select.value = mapping.get(column.col) ?? '';
    return h('tr', null, h('td', { class: 'label' }, column.label), h('td', null, select));
  });
  return h(
    'details',
    { class: 'rf-map', open: true },
    h('summary', null, pick(FILL_TEXT.mappingTitle)),
    h('table', null, h('tbody', null, ...rows)),
    h('p', { class: 'note' }, pick(FILL_TEXT.mappingSaved)),
  );
}

export function renderPreview(
  source: RecordSheet,
  mapping: ColumnMapping,
  plan: RecordPlan,
  fileName: string,
  handlers: PreviewHandlers,
): HTMLElement {
  const problem = mappingProblem(mapping);
  const fieldCount = plan.records.reduce((sum, record) => sum + record.changes.length, 0);
  const records = plan.records.map((record) =>
    h(
      'tr',
      { 'data-testid': 'rf-record', 'data-key': record.student.key },
      h('td', null, String(record.row + 1)),
      h('td', null, `${record.student.name} (${record.student.code})`),
      h(
        'td',
        null,
        ...record.changes.map((change) =>
          h(
            'div',
            { class: 'chg', 'data-field': change.field },
            `${pick(RECORD_FIELD_NAMES[change.field])}: ${change.before === undefined ? pick(FILL_TEXT.readOnOpen) : change.before || '∅'} → ${change.after}`,
          ),
        ),
      ),
    ),
  );
  const skipped = plan.skipped.map((skip) =>
    h(
      'li',
      { 'data-testid': 'rf-skipped' },
      `${pick(FILL_TEXT.row)} ${skip.row + 1} (${skip.label}): ${pick(skip.reason)}`,
    ),
  );
  const refused = plan.refused.map((value) =>
    h(
      'li',
      { 'data-testid': 'rf-refused' },
      `${value.student.name} — ${pick(RECORD_FIELD_NAMES[value.field])} "${value.value}": ${pick(value.reason)}`,
    ),
  );
  return h(
    'div',
    { class: 'panel bf-dialog', 'data-testid': 'rf-preview', role: 'dialog' },
    h('header', null, h('span', { class: 'grow' }, `${pick(FILL_TEXT.title)} — ${fileName}`)),
    h(
      'div',
      { class: 'body' },
      mappingTable(source, mapping, handlers),
      problem ? h('p', { class: 'bf-warn', 'data-testid': 'rf-mapping-problem' }, pick(problem)) : null,
      source.repairs.length > 0
        ? h('p', { class: 'note' }, pick(FILL_TEXT.repaired(source.repairs.length)))
        : null,
      h(
        'p',
        { class: 'summary', 'data-testid': 'rf-summary' },
        pick(FILL_TEXT.summary(plan.records.length, fieldCount, plan.skipped.length, plan.unchanged)),
      ),
      records.length > 0
        ? previewTable([pick(FILL_TEXT.row), pick(FILL_TEXT.student), pick(FILL_TEXT.changes)], records)
        : null,
      skipped.length > 0 ? h('h4', null, pick(FILL_TEXT.skippedTitle)) : null,
      skipped.length > 0 ? h('ul', { class: 'rf-list skip' }, ...skipped) : null,
      refused.length > 0 ? h('h4', null, pick(FILL_TEXT.refusedTitle)) : null,
      refused.length > 0 ? h('ul', { class: 'rf-list skip' }, ...refused) : null,
    ),
    h(
      'footer',
      null,
      h('span', { class: 'grow' }),
      h(
        'button',
        { class: 'btn', 'data-testid': 'rf-close', onclick: handlers.close },
        pick(FILL_TEXT.close),
      ),
      h(
        'button',
        {
          class: 'btn primary',
          'data-testid': 'rf-start',
          disabled: problem !== undefined || plan.records.length === 0,
          onclick: handlers.start,
        },
        pick(FILL_TEXT.start),
      ),
    ),
  );
}
