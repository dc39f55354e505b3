import { h } from '../overlay';

// The panel a record feature shows in its section of the overlay: a header with the feature's
// count, a body with what it lists; removed when the feature unmounts.

/** Appends a panel (`title` in its header, `body` under it) to `section` until `signal` aborts. */
export function recordPanel(
  section: HTMLElement,
  title: HTMLElement,
  body: readonly HTMLElement[],
  signal: AbortSignal,
): HTMLElement {
  const panel = h(
    'div',
    { class: 'panel rc-panel' },
    h('header', null, title),
    h('div', { class: 'body' }, ...body),
  );
  section.append(panel);
  signal.addEventListener('abort', () => panel.remove(), { once: true });
  return panel;
}
