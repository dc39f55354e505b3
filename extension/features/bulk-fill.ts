import { defineFeature, type FeatureContext } from '../lib/feature';
import { t } from '../lib/i18n';
import { foldable } from '../lib/fold';
import { h } from '../lib/overlay';
import { recordPerf } from '../lib/perf';
import { type BulkFillEngine, bulkFillEngine } from './bulk-fill/engine-api';

// Bulk fill from Excel — the part every grade page carries: a panel to paste into or pick a
// file from, and a catch for a block of cells pasted onto the grid. Everything else (reading,
// matching, preview, fill, undo, re-check before "Lưu") is the engine, loaded on first use.

const PANEL_CSS = `
.bulk-fill-panel textarea{width:100%;box-sizing:border-box;height:46px;font:12px/1.3 ui-monospace,monospace;resize:vertical}
.bulk-fill-panel .actions{display:flex;gap:6px;margin-top:6px;flex-wrap:wrap}
.bulk-fill-panel .status:empty,.bulk-fill-panel .result:empty{display:none}
.bulk-fill-panel .status{margin:6px 0 0;color:#8a3d00}
.bulk-fill-panel .result{margin-top:6px}
`;

/** Several cells: a tab or a second line (one cell's paste is the portal's business). */
function isBlock(text: string): boolean {
  return text.includes('\t') || text.trim().includes('\n');
}

export function mountBulkFill(ctx: FeatureContext): void {
  const { grid, overlay, signal } = ctx;
  const section = overlay.section('bulk-fill', { order: 30 });
  overlay.style(PANEL_CSS);
  const paste = h('textarea', {
    'data-testid': 'bulkfill-paste',
    placeholder: t('bulkFill_pastePlaceholder'),
    spellcheck: false,
  });
  const fileInput = h('input', {
    type: 'file',
    accept: '.xlsx,.xlsm,.csv,.txt',
    hidden: true,
    'data-testid': 'bulkfill-file',
  });
  const status = h('p', { class: 'status', 'data-testid': 'bulkfill-status', role: 'status' });
  const result = h('div', { class: 'result', 'data-testid': 'bulkfill-result' });

  let engine: Promise<BulkFillEngine> | undefined;
  const use = (run: (engine: BulkFillEngine) => unknown) => {
    engine ??= bulkFillEngine.load().then((start) => start({ ctx, section, status, result, recordPerf }));
    engine.then(run, (error: unknown) => {
      engine = undefined;
      status.textContent = t('bulkFill_engineFailed');
      console.error('[EduLens] bulk-fill', error);
    });
  };
  const fromText = (text: string) => use((e) => e.fromText(text));

  const panel = h(
    'div',
    { class: 'panel bulk-fill-panel', 'data-testid': 'bulkfill-panel' },
    h('header', null, h('span', { class: 'grow' }, t('bulkFill_title'))),
    h(
      'div',
      { class: 'body' },
      paste,
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { class: 'btn', 'data-testid': 'bulkfill-preview-paste', onclick: () => fromText(paste.value) },
          t('bulkFill_previewPasted'),
        ),
        h(
          'button',
          { class: 'btn', 'data-testid': 'bulkfill-pick', onclick: () => fileInput.click() },
          t('bulkFill_pickFile'),
        ),
        fileInput,
      ),
      status,
      result,
    ),
  );
  foldable(panel);
  section.append(panel);

  paste.addEventListener(
    'paste',
    (event) => {
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      event.preventDefault();
      paste.value = text;
      fromText(text);
    },
    { signal },
  );
  fileInput.addEventListener(
    'change',
    () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) use((e) => e.fromFile(file));
    },
    { signal },
  );
  // A block of cells pasted onto the grid would land in one input: it is a bulk fill instead.
  grid.document.addEventListener(
    'paste',
    (event) => {
      const target = event.target as Element | null;
      if (!target || typeof target.closest !== 'function' || !grid.cellOf(target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (!isBlock(text)) return;
      event.preventDefault();
      fromText(text);
    },
    { capture: true, signal },
  );
  // A fill begun before the grid was drawn again (another page, a save) goes on in this mount:
  // starting the engine is enough, it picks up the book's fill.
  if (bulkFillEngine.loaded()) use(() => undefined);
}

export const bulkFill = defineFeature({ id: 'bulk-fill', runsOn: ['grade-grid'], mount: mountBulkFill });
