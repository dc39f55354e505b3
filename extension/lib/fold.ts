import { t } from './i18n';
import { h } from './overlay';

// Folding the overlay's panels (the layout itself is in overlay.ts's BASE_CSS). Apart from
// overlay.ts so that the overlay stays free of the extension's i18n, whose types need WXT's.

/**
 * Gives a panel (or the lock banner's section) a fold button, first in `at` (its header): folded,
 * only the header stays, as a small tab in the narrow left-hand column at the bottom, clear of the
 * grade cells and of the heading with the school's name.
 */
export function foldable(panel: HTMLElement, at = panel.querySelector('header') ?? panel): void {
  const button = h('button', { class: 'link fold', 'data-edulens': 'fold' });
  const set = (folded: boolean) => {
    panel.classList.toggle('folded', folded);
    button.textContent = folded ? '▸' : '▾';
    button.title = t(folded ? 'common_expand' : 'common_collapse');
    button.setAttribute('aria-expanded', String(!folded));
  };
  button.onclick = () => set(!panel.classList.contains('folded'));
  set(false);
  at.prepend(button);
}
