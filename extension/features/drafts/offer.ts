import { t } from '../../lib/i18n';
import { foldable } from '../../lib/fold';
import { h, type Overlay } from '../../lib/overlay';
import type { GridCell, PortalGrid } from '../../lib/portal/grid';

// The restore offer: "Khôi phục N điểm chưa lưu", shown across the top of the page.

export interface RestoreCandidate {
  field: string;
  value: string;
  /** Who and which column, as the teacher knows them: "6300012345 Lê Thị Cúc — ĐĐGgk". */
  label: string;
  /** The cell, when its row is in the DOM (a paged or virtual grid shows only some rows). */
  cell?: GridCell;
}

export interface OfferActions {
  restore(): void;
  later(): void;
  discard(): void;
}

/** "6300012345 Lê Thị Cúc — ĐĐGgk"; a row not in the DOM has only its key (`<key>|<kind>|<index>`). */
export function fieldLabel(grid: PortalGrid, field: string, cell: GridCell | undefined): string {
  if (cell) return `${cell.row.key} ${cell.row.name} — ${cell.column.label}`;
  const [key = field, kind, index] = field.split('|');
  const column = grid.columns.find((c) => c.kind === kind && String(c.index) === index);
  return column ? `${key} — ${column.label}` : key;
}

const SHOWN_IN_LIST = 6;

const CSS = `
.drafts-offer{max-width:560px;border-color:#7b5cd6}
.drafts-offer>header{background:#f3effd}
.drafts-offer ul{margin:4px 0 8px;padding-left:18px}
.drafts-offer li{margin:1px 0}
.drafts-offer .actions{display:flex;gap:6px;flex-wrap:wrap}
.drafts-note{padding:6px 10px}
`;

export function offerStyles(overlay: Overlay): void {
  overlay.style(CSS);
}

export function renderOffer(
  section: HTMLElement,
  candidates: readonly RestoreCandidate[],
  actions: OfferActions,
) {
  const listed = candidates
    .slice(0, SHOWN_IN_LIST)
    .map(({ label, value }) => h('li', null, `${label}: `, h('b', null, value || '∅')));
  const more = candidates.length - listed.length;
  const panel = h(
    'div',
    { class: 'panel drafts-offer', role: 'alert', 'data-edulens': 'drafts-offer' },
    h('header', null, h('span', { class: 'grow' }, t('drafts_offerTitle'))),
    h(
      'div',
      { class: 'body' },
      h('ul', null, ...listed, more > 0 ? h('li', { class: 'muted' }, t('drafts_more', more)) : null),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          { class: 'btn primary', 'data-action': 'restore', onclick: actions.restore },
          t('drafts_restore', candidates.length),
        ),
        h('button', { class: 'btn', 'data-action': 'later', onclick: actions.later }, t('drafts_later')),
        h(
          'button',
          { class: 'btn', 'data-action': 'discard', onclick: actions.discard },
          t('drafts_discard'),
        ),
      ),
    ),
  );
  foldable(panel);
  section.replaceChildren(panel);
}

/** A short confirmation in place of the offer, with a close button. */
export function renderNote(section: HTMLElement, text: string): void {
  section.replaceChildren(
    h(
      'div',
      { class: 'panel drafts-note', role: 'status', 'data-edulens': 'drafts-note' },
      h('span', null, text, ' '),
      h('button', { class: 'link', onclick: () => section.replaceChildren() }, t('common_close')),
    ),
  );
}
