import type { PageKind, Profile } from '@edulens/shared/profiles';
import { defaultPageKey, matchesPattern } from '@edulens/shared/profiles';
import type { Feature, GradeGridPage, PageReportParts } from './feature';
import { createBus } from './feature';
import { createClock } from './clock';
import { initI18n } from './i18n';
import { handleInTab, notifyPageChanged } from './messages';
import type { PageContext, PageKey, PageState } from '@edulens/shared/page';
import { createOverlay } from './overlay';
import { findGradeGrid, type PortalGrid } from './portal/grid';
import { UnseenTyping } from './portal/early-typing';
import { detectorHolds, pageScopes } from './portal/locate';
import { KEYS } from './storage-keys';
import { watchItem } from './storage-lite';

// The content script's life on a portal page: find the page kind the profile describes, wait
// for it (grids appear in floating windows and are redrawn on every filter change or save),
// mount the features for it with a fresh AbortSignal, and unmount them when the page changes.
// The features are loaded when a grade grid first shows (`loadFeatures`, their own script).

const SCAN_DEBOUNCE_MS = 60;
const SCAN_FALLBACK_MS = 1500;
const REPORT_DEBOUNCE_MS = 150;

interface Mounted {
  controller: AbortController;
  grid: PortalGrid;
  page: GradeGridPage;
  parts: PageReportParts;
  pageKey: PageKey;
  context: PageContext;
}

/** The page key: the parts the page declares (`key`, else `defaultPageKey`), each as read, '' when not shown. */
export function pageKeyOf(page: Pick<GradeGridPage, 'key'>, context: PageContext): PageKey {
  return Object.fromEntries((page.key ?? defaultPageKey).map((part) => [part, context[part] ?? '']));
}

/** Which non-grid page kind (login…) shows, for the popup. */
function otherPageKind(profile: Profile, doc: Document, url: string): PageKind | null {
  for (const page of profile.pages) {
    if (page.kind === 'grade-grid') continue;
    if (page.when.url && !page.when.url.some((pattern) => matchesPattern(pattern, url))) continue;
    const scopes = pageScopes(page, doc);
    if (scopes?.some((scope) => detectorHolds(page.when, scope.root))) return page.kind;
  }
  return null;
}

export async function runPortal(
  profile: Profile,
  loadFeatures: () => Promise<readonly Feature[]>,
  signal: AbortSignal,
  doc: Document = document,
): Promise<void> {
  const gridPages = profile.pages.filter((page): page is GradeGridPage => page.kind === 'grade-grid');
  let mounted: Mounted | undefined;
  // From the start: typing before the features are mounted (page load, a grid just re-drawn) is
  // kept for the grid found next.
  const unseen = new UnseenTyping(
    [...new Set(gridPages.map((page) => page.cell.input))].join(', '),
    (cell) => mounted?.grid.table.contains(cell) === true,
  );
  unseen.watch(doc, signal);
  await initI18n();
  watchItem(
    KEYS.language,
    (value) => {
      void initI18n(value).then(() => remount());
    },
    signal,
  );
  const clock = await createClock(signal);
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  const observed = new WeakSet<Document>();

  const sendReport = () => {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(notifyPageChanged, REPORT_DEBOUNCE_MS);
  };

  const unmount = () => {
    if (!mounted) return;
    mounted.controller.abort();
    mounted = undefined;
    sendReport();
  };

  let features: readonly Feature[] | undefined;
  let loadingFeatures = false;
  /** Loads the features once (again at the next scan after a failed load), then scans. */
  const needFeatures = () => {
    if (loadingFeatures) return;
    loadingFeatures = true;
    loadFeatures().then(
      (loaded) => {
        features = loaded;
        scan();
      },
      (error: unknown) => {
        loadingFeatures = false;
        console.error('[EduLens] features', error);
      },
    );
  };

  const mount = (page: GradeGridPage, grid: PortalGrid, list: readonly Feature[]) => {
    unmount();
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    controller.signal.addEventListener('abort', () => signal.removeEventListener('abort', stop), {
      once: true,
    });
    const context = grid.context();
    const m: Mounted = {
      controller,
      grid,
      page,
      context,
      pageKey: pageKeyOf(page, context),
      parts: { problems: [], locks: [] },
    };
    mounted = m;
    const overlay = createOverlay(document, controller.signal);
    overlay.host.dataset.profile = profile.id;
    overlay.host.dataset.page = page.kind;
    const ctx = {
      profile,
      page,
      grid,
      overlay,
      signal: controller.signal,
      clock,
      pageKey: m.pageKey,
      bus: createBus(controller.signal),
      report(parts: Partial<PageReportParts>) {
        if (controller.signal.aborted) return;
        Object.assign(m.parts, parts);
        sendReport();
      },
    };
    for (const feature of list) {
      if (!feature.runsOn.includes(page.kind)) continue;
      try {
        const done = feature.mount(ctx);
        if (done instanceof Promise)
          done.catch((error: unknown) => console.error(`[EduLens] ${feature.id}`, error));
      } catch (error) {
        console.error(`[EduLens] ${feature.id}`, error);
      }
    }
    overlay.host.dataset.ready = '1';
    sendReport();
  };

  const remount = () => {
    if (!mounted || !features) return;
    const { page, grid } = mounted;
    mount(page, grid, features);
  };

  const observe = (target: Document) => {
    if (observed.has(target)) return;
    observed.add(target);
    const Observer = target.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer(schedule);
    observer.observe(target.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    if (target !== doc) unseen.watch(target, signal);
  };

  const scan = () => {
    if (signal.aborted) return;
    const url = location.href;
    for (const page of gridPages) {
      if (page.when.url && !page.when.url.some((pattern) => matchesPattern(pattern, url))) continue;
      // A frame's document as soon as it is there: its grid may be drawn long after it loaded.
      if (page.container?.frames)
        for (const scope of pageScopes(page, doc) ?? []) observe(scope.root as Document);
      const grid = findGradeGrid(page, doc, unseen);
      if (!grid) continue;
      if (mounted?.grid.table === grid.table && mounted.page === page) return;
      if (features) mount(page, grid, features);
      else needFeatures();
      return;
    }
    unmount();
  };

  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  function schedule() {
    if (scanTimer !== undefined) return;
    scanTimer = setTimeout(() => {
      scanTimer = undefined;
      scan();
    }, SCAN_DEBOUNCE_MS);
  }

  observe(doc);
  // Iframes load after their element appears, and their documents are replaced on navigation.
  doc.addEventListener('load', schedule, { capture: true, signal });
  const fallback = setInterval(scan, SCAN_FALLBACK_MS);
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(fallback);
      clearTimeout(scanTimer);
      unmount();
    },
    { once: true },
  );

  const unhandle = handleInTab('page.state', (): PageState => {
    const m = mounted;
    return {
      profileId: profile.id,
      profileName: profile.name,
      pageKind: m ? m.page.kind : otherPageKind(profile, doc, location.href),
      context: m?.context ?? {},
      ...(m && { page: m.pageKey }),
      problems: m?.parts.problems ?? [],
      locks: m?.parts.locks ?? [],
      rowNames: m ? Object.fromEntries(m.grid.rows().map((row) => [row.key, row.name])) : {},
      columnLabels: m
        ? Object.fromEntries(m.grid.columns.map((column) => [`${column.kind}|${column.index}`, column.label]))
        : {},
    };
  });
  signal.addEventListener('abort', unhandle, { once: true });
  const unhandleFocus = handleInTab('page.focus', ({ field }) => {
    const cell = mounted?.grid.cell(field);
    cell?.focus();
    return { ok: cell !== undefined };
  });
  signal.addEventListener('abort', unhandleFocus, { once: true });
  scan();
}
