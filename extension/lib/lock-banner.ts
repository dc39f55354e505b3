import { foldable } from './fold';
import { h, type Overlay } from './overlay';

// The deadline banner every page kind shows (a grade book's next lock, a record page's lock and
// update window): one look, one fold, bottom left. Its lines do not wrap, so the banner stays a
// line or two high over the page's own controls at the bottom of a list (a grid's pager), whatever
// the narrow column it sits in; folded it is a 🔒 tab.

const LOCK_BANNER_CSS = `
.lock-banner{padding:3px 10px;border-radius:10px;font-size:12px;background:#e8f1fc;color:#163d6b;border:1px solid #b6cbe9;box-shadow:0 2px 6px rgba(0,0,0,.15);font-weight:600;cursor:default;white-space:nowrap}
.lock-banner[data-state="warning"]{background:#fff4d6;color:#7a4b00;border-color:#f0c36d}
.lock-banner[data-state="urgent"]{background:#fde3df;color:#9b1c10;border-color:#f0a39a}
.lock-banner[data-state="locked"]{background:#5f6b7a;color:#fff;border-color:#4a5563}
.folded>.lock-banner{display:block;font-size:0;padding:3px 8px}
.folded>.lock-banner::before{content:"🔒";font-size:13px}
`;

/** A foldable banner in the overlay's top region (`id` names its section, `testId` the banner). */
export function lockBanner(
  overlay: Overlay,
  id: string,
  testId: string,
  ...lines: HTMLElement[]
): HTMLElement {
  const section = overlay.section(id, { region: 'top', order: 0 });
  const banner = h('div', { class: 'lock-banner', role: 'status', 'data-testid': testId }, ...lines);
  section.append(banner);
  foldable(section, section);
  overlay.style(LOCK_BANNER_CSS);
  return banner;
}
