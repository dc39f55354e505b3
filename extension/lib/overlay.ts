// The overlay: EduLens's own UI in a shadow root so the portal's CSS cannot reach it, plus the
// minimal marks EduLens puts on portal cells (data attributes styled by one namespaced
// stylesheet per document). Everything is removed when the mount's signal aborts.

/**
 * 'info' carries only a hover message and/or a badge (e.g. a recomputed average); 'history' the
 * last editor shown on hover; 'count' a comment's live character count.
 */
export type MarkKind =
  'error' | 'warning' | 'mismatch' | 'info' | 'filled' | 'draft' | 'skipped' | 'history' | 'count';

export interface CellMarks {
  /** Marks a portal cell; `message` shows on hover, `badge` shows small text inside the cell. */
  set(element: HTMLElement, kind: MarkKind, message?: string, badge?: string): void;
  /** Removes one kind (or every kind) of mark from a cell. */
  clear(element: HTMLElement, kind?: MarkKind): void;
  /** Removes one kind (or every kind) of mark from every cell. */
  clearAll(kind?: MarkKind): void;
  /** Cells currently carrying a kind of mark. */
  marked(kind: MarkKind): HTMLElement[];
  /**
   * Holds the marks' attribute writes until the returned function is called, which writes them at
   * once: a fill marks each of its cells twice (draft as it is written, filled at the end), and one
   * write per cell after the last slice costs half of one after each.
   */
  hold(): () => void;
}

export type Region = 'top' | 'dock';

export interface SectionOptions {
  /** 'top': banners, bottom left; 'dock': panels in the bottom-right column (default). */
  region?: Region;
  /** Lower first. */
  order?: number;
}

export interface Overlay {
  /** The shadow root (open, so tests can look inside). */
  readonly root: ShadowRoot;
  /** The host element in the top document: `#edulens-overlay`. */
  readonly host: HTMLElement;
  /** A container for one feature's UI (`[data-section=<id>]`); created once per id. */
  section(id: string, options?: SectionOptions): HTMLElement;
  /** Adds CSS inside the shadow root. */
  style(css: string): void;
  readonly marks: CellMarks;
}

export const OVERLAY_HOST_ID = 'edulens-overlay';
const MARK_ATTR = 'data-edulens-mark';
const MSG_ATTR = 'data-edulens-msg';
const BADGE_ATTR = 'data-edulens-badge';
const STYLE_ID = 'edulens-marks';

/** Small DOM builder: `h('button', { class: 'x', onclick }, 'text')`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> | null = null,
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value as EventListener);
    } else if (key === 'class') element.className = String(value);
    else if (key === 'style' && typeof value === 'object') Object.assign(element.style, value);
    else if (key in element && typeof value !== 'string')
      (element as unknown as Record<string, unknown>)[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children)
    if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

const BASE_CSS = `
:host{all:initial}
.edulens{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2933}
.region-dock{position:fixed;left:4px;right:10px;bottom:36px;z-index:2147483646;max-height:calc(100vh - 80px);overflow:auto;display:grid;grid-template-columns:112px 1fr min(340px,100vw - 150px);grid-auto-flow:dense;align-content:end;align-items:end;gap:0 6px;pointer-events:none}
.region-dock>*{pointer-events:auto;grid-column:3;margin-top:6px}
.region-dock>.region-top,.region-dock>section:has(>.folded):not(:has(>.bf-dialog)){grid-column:1}
.region-dock>.region-top{grid-row:1/span 40}
section:not(:has(>:not([hidden]))),section:has(>.lock-banner[hidden]),.region-top:empty{display:none!important}
.region-top{display:flex;flex-direction:column;gap:4px;align-items:start}
.region-top>section{display:flex;align-items:center}
.folded>:not(header,.fold){display:none}
.folded>header{flex-wrap:wrap;padding:3px 6px}
.folded .grow{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.fold{padding:0 3px!important}
.panel{background:#fff;border:1px solid #c5cfdb;border-radius:8px;box-shadow:0 4px 14px rgba(0,0,0,.18);overflow:hidden}
.panel>header{display:flex;align-items:center;gap:6px;padding:4px 10px;background:#f2f6fb;border-bottom:1px solid #dde5ee;font-weight:600}
.panel>header .grow{flex:1}
.panel .body{padding:8px 10px}
button.btn{font:inherit;padding:3px 10px;border-radius:5px;border:1px solid #8aa4c8;background:#fff;cursor:pointer}
button.btn.primary{background:#1d5fbf;border-color:#1d5fbf;color:#fff}
button.btn:disabled{opacity:.5;cursor:default}
button.link{font:inherit;border:0;background:none;color:#1d5fbf;cursor:pointer;padding:0;text-align:left}
.muted{color:#5f6b7a}
`;

function markCss(): string {
  const sel = (kind: MarkKind) => `[${MARK_ATTR}~="${kind}"]`;
  return `
${sel('error')}{outline:2px solid #d93025!important;outline-offset:-2px;background-color:#fdecea!important}
${sel('warning')}{outline:2px solid #e8a200!important;outline-offset:-2px}
${sel('mismatch')}{outline:2px dashed #c05800!important;outline-offset:-2px}
${sel('filled')}{box-shadow:inset 0 0 0 2px #2e9d57!important}
${sel('draft')}{box-shadow:inset 3px 0 0 #7b5cd6!important}
${sel('skipped')}{box-shadow:inset 0 0 0 2px #8a8a8a!important}
[${MARK_ATTR}]{position:relative}
[${MARK_ATTR}][${MSG_ATTR}]:hover::before{content:attr(${MSG_ATTR});position:absolute;left:0;top:100%;z-index:2147483645;min-width:160px;max-width:280px;white-space:pre-line;padding:4px 6px;border-radius:4px;background:#1f2933;color:#fff;font:12px/1.3 system-ui,Arial,sans-serif;text-align:left;pointer-events:none}
[${BADGE_ATTR}]::after{content:attr(${BADGE_ATTR});margin-left:5px;padding:0 4px;border-radius:8px;background:#e3efff;color:#1d4f91;font:600 11px system-ui,Arial,sans-serif}
${sel('mismatch')}[${BADGE_ATTR}]::after{background:#ffe2cc;color:#8a2c00}
`;
}

/** Which mark's message shows first on hover. */
const PRIORITY: readonly MarkKind[] = [
  'count',
  'error',
  'warning',
  'mismatch',
  'skipped',
  'filled',
  'draft',
  'info',
  'history',
];

function createMarks(signal: AbortSignal): CellMarks {
  // Per cell, per kind: its message and badge. Attributes are derived from this.
  const state = new Map<HTMLElement, Map<MarkKind, { message?: string; badge?: string }>>();
  const styled = new Set<Document>();
  const ensureStyle = (doc: Document) => {
    if (styled.has(doc)) return;
    styled.add(doc);
    if (doc.getElementById(STYLE_ID)) return;
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = markCss();
    (doc.head ?? doc.documentElement).append(style);
  };
  // Attributes are written once per element at the end of the current task (or when a hold ends):
  // a fill marks each cell twice (filled, draft), and its 540 cells' attribute writes belong
  // together, not between the portal's own input handlers.
  const dirty = new Set<HTMLElement>();
  let holds = 0;
  const sync = (element: HTMLElement) => {
    if (dirty.size === 0) queueMicrotask(flush);
    dirty.add(element);
  };
  const flush = () => {
    if (holds > 0) return; // the last release writes them
    for (const element of dirty) write(element);
    dirty.clear();
  };
  /** Sets or removes an attribute, touching the DOM only when it changes. */
  const put = (element: HTMLElement, name: string, value: string | undefined) => {
    if (element.getAttribute(name) === (value ?? null)) return;
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value);
  };
  const write = (element: HTMLElement) => {
    const kinds = state.get(element);
    if (!kinds || kinds.size === 0) state.delete(element);
    let kindText: string | undefined;
    let messages: string | undefined;
    let badge: string | undefined;
    if (kinds && kinds.size > 0) {
      for (const kind of PRIORITY) {
        const mark = kinds.get(kind);
        if (!mark) continue;
        kindText = kindText === undefined ? kind : `${kindText} ${kind}`;
        if (mark.message) messages = messages === undefined ? mark.message : `${messages}\n${mark.message}`;
        badge ??= mark.badge;
      }
    }
    put(element, MARK_ATTR, kindText);
    put(element, MSG_ATTR, messages);
    put(element, BADGE_ATTR, badge);
  };
  const marks: CellMarks = {
    set(element, kind, message, badge) {
      if (signal.aborted) return;
      ensureStyle(element.ownerDocument);
      let kinds = state.get(element);
      if (!kinds) state.set(element, (kinds = new Map()));
      const before = kinds.get(kind);
      if (before && before.message === message && before.badge === badge) return;
      kinds.set(kind, { message, badge });
      sync(element);
    },
    clear(element, kind) {
      const kinds = state.get(element);
      if (!kinds) return;
      if (kind === undefined) kinds.clear();
      else if (!kinds.delete(kind)) return;
      sync(element);
    },
    clearAll(kind) {
      for (const element of [...state.keys()]) marks.clear(element, kind);
    },
    marked(kind) {
      return [...state].filter(([, kinds]) => kinds.has(kind)).map(([element]) => element);
    },
    hold() {
      holds++;
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        holds--;
        flush();
      };
    },
  };
  signal.addEventListener(
    'abort',
    () => {
      for (const element of [...state.keys()]) {
        state.get(element)?.clear();
        sync(element);
      }
      for (const doc of styled) doc.getElementById(STYLE_ID)?.remove();
    },
    { once: true },
  );
  return marks;
}

/** Creates the overlay in the top document; it and its marks disappear when `signal` aborts. */
export function createOverlay(doc: Document, signal: AbortSignal): Overlay {
  doc.getElementById(OVERLAY_HOST_ID)?.remove();
  const host = doc.createElement('div');
  host.id = OVERLAY_HOST_ID;
  const root = host.attachShadow({ mode: 'open' });
  const base = doc.createElement('style');
  base.textContent = BASE_CSS;
  const shell = doc.createElement('div');
  shell.className = 'edulens';
  const regions: Record<Region, HTMLElement> = {
    top: doc.createElement('div'),
    dock: doc.createElement('div'),
  };
  regions.top.className = 'region-top';
  regions.dock.className = 'region-dock';
  // One grid along the bottom edge: panels stack up in the right-hand column; banners and folded
  // panels in a narrow left-hand column, where a grade table has its row numbers and names (and
  // vnEdu's desktop its shortcuts), never grade cells; the school's name is at the top. The banners
  // span the rows the panels take and sit at their foot, at the bottom edge rather than level with
  // the first panel, clear of what a page keeps just under its table (a list's pager). No row gap
  // (a margin instead): the empty rows of that span take no height.
  regions.dock.append(regions.top);
  shell.append(regions.dock);
  root.append(base, shell);
  (doc.body ?? doc.documentElement).append(host);
  const sections = new Map<string, HTMLElement>();
  signal.addEventListener('abort', () => host.remove(), { once: true });
  return {
    root,
    host,
    section(id, options = {}) {
      const existing = sections.get(id);
      if (existing) return existing;
      const region = regions[options.region ?? 'dock'];
      const section = doc.createElement('section');
      section.dataset.section = id;
      const order = options.order ?? 0;
      section.dataset.order = String(order);
      const after = [...region.children].find(
        (child) => Number((child as HTMLElement).dataset.order) > order,
      );
      region.insertBefore(section, after ?? null);
      sections.set(id, section);
      return section;
    },
    style(css) {
      const style = doc.createElement('style');
      style.textContent = css;
      root.append(style);
    },
    marks: createMarks(signal),
  };
}
