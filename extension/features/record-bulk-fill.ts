import { pick } from '../lib/i18n';
import { foldable } from '../lib/fold';
import { h } from '../lib/overlay';
import type { RecordFeature } from '../lib/records/feature';
import { type RecordFillEngine, recordEngine } from './record-bulk-fill/engine-api';
import { FILL_TEXT } from './record-bulk-fill/texts';

// Bulk fill of student records from a spreadsheet — the part every record list carries: a panel
// with a file picker. Reading, mapping, matching, preview and the fill record by record are the
// engine (record-bulk-fill/engine.ts), loaded on first use.

export const recordBulkFill: RecordFeature = {
  id: 'record-bulk-fill',
  runsOn: 'record-list',
  mount(ctx) {
    const { overlay, signal } = ctx;
    const section = overlay.section('record-bulk-fill', { order: 30 });
    const status = h('p', { class: 'status', 'data-testid': 'rf-status-line', role: 'status' });
    const fileInput = h('input', {
      type: 'file',
      accept: '.xlsx,.xlsm,.csv,.txt',
      hidden: true,
      'data-testid': 'rf-file',
    });
    const panel = h(
      'div',
      { class: 'panel', 'data-testid': 'rf-panel' },
      h('header', null, h('span', { class: 'grow' }, pick(FILL_TEXT.title))),
      h(
        'div',
        { class: 'body' },
        h(
          'button',
          { class: 'btn', 'data-testid': 'rf-pick', onclick: () => fileInput.click() },
          pick(FILL_TEXT.pick),
        ),
        fileInput,
        status,
      ),
    );
    foldable(panel);
    section.append(panel);
    signal.addEventListener('abort', () => panel.remove(), { once: true });

    let engine: Promise<RecordFillEngine> | undefined;
    fileInput.addEventListener(
      'change',
      () => {
        const file = fileInput.files?.[0];
        fileInput.value = '';
        if (!file) return;
        engine ??= recordEngine.load().then((start) => start({ ctx, section, status }));
        engine.then(
          (loaded) => loaded.fromFile(file),
          (error: unknown) => {
            engine = undefined;
            status.textContent = pick(FILL_TEXT.engineFailed);
            console.error('[EduLens] record-bulk-fill', error);
          },
        );
      },
      { signal },
    );
  },
};
