import type { Profile } from '@edulens/shared/profiles';
import { matchesPattern } from '@edulens/shared/profiles';
import { type Clock, createClock } from '../clock';
import { initI18n } from '../i18n';
import { createOverlay, type Overlay } from '../overlay';
import { findListGrid } from '../portal/grid';
import { detectorHolds, pageScopes } from '../portal/locate';
import { KEYS } from '../storage-keys';
import { watchItem } from '../storage-lite';
import type { RecordFeature } from './feature';
import { readRecordForm, type RecordForm } from './form';
import { isRecordPage, type RecordFormPage, type RecordListPage } from './pages';
import { createRecordStore, type RecordStore } from './record-store';
import { RECORD_CSS } from './styles';

// The record features' life on a portal page (loaded only where a record page shows): find the
// record list and the record form the profile describes — the form usually in an iframe of a
// floating window, its document replaced by every "Sửa" — and mount the features of each with
// its own AbortSignal, again whenever its form or its table is replaced.

const SCAN_DEBOUNCE_MS = 60;
const SCAN_FALLBACK_MS = 1500;

export interface RecordRunnerDeps {
  profile: Profile;
  features: readonly RecordFeature[];
  /**
   * Called once the overlay is up (the deadline banner): `formLocked` tells whether the form on
   * screen is locked. Answers what to call when another form (or none) shows.
   */
  onOverlay(overlay: Overlay, clock: Clock, formLocked: () => boolean): () => void;
  signal: AbortSignal;
  doc?: Document;
}

interface Mounted {
  /** The form element or the list's table: a new one means a new mount. */
  anchor: Element;
  controller: AbortController;
}

export async function runRecordPages(deps: RecordRunnerDeps): Promise<void> {
  const { profile, features, signal, doc = document } = deps;
  const pages = profile.pages.filter(isRecordPage);
  const formPages = pages.filter((page): page is RecordFormPage => page.kind === 'record-form');
  const listPages = pages.filter((page): page is RecordListPage => page.kind === 'record-list');
  if (pages.length === 0) return;
  await initI18n();
  const clock = await createClock(signal);
  if (signal.aborted) return;
  const overlay = createOverlay(doc, signal);
  overlay.host.dataset.profile = profile.id;
  overlay.host.dataset.page = 'records';
  overlay.style(RECORD_CSS);
  overlay.host.dataset.ready = '1';

  /** One store per record kind: a list's records are read with the form page of the same kind. */
  const stores = new Map<RecordFormPage, RecordStore>();
  const storeOf = (page: RecordFormPage) => {
    let store = stores.get(page);
    if (!store) stores.set(page, (store = createRecordStore(page)));
    return store;
  };
  const mounted: { form?: Mounted & { form: RecordForm }; list?: Mounted } = {};
  const formChanged = deps.onOverlay(overlay, clock, () => mounted.form?.form.locked() ?? false);

  const child = () => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    controller.signal.addEventListener('abort', () => signal.removeEventListener('abort', stop), {
      once: true,
    });
    return controller;
  };
  const runFeatures = (run: (feature: RecordFeature) => void) => {
    for (const feature of features) {
      try {
        run(feature);
      } catch (error) {
        console.error(`[EduLens] ${feature.id}`, error);
      }
    }
  };

  const urlHolds = (page: RecordFormPage | RecordListPage) =>
    !page.when.url || page.when.url.some((pattern) => matchesPattern(pattern, location.href));

  const findForm = (): { page: RecordFormPage; form: RecordForm } | undefined => {
    for (const page of formPages) {
      if (!urlHolds(page)) continue;
      for (const scope of pageScopes(page, doc) ?? []) {
        if (!detectorHolds(page.when, scope.root)) continue;
        const form = readRecordForm(page, scope.root);
        if (form) return { page, form };
      }
    }
    return undefined;
  };

  const scanForm = () => {
    const found = findForm();
    if (found && mounted.form?.anchor === found.form.form) return;
    const before = mounted.form;
    before?.controller.abort();
    mounted.form = undefined;
    if (!found) {
      if (before) formChanged();
      return;
    }
    const controller = child();
    mounted.form = { anchor: found.form.form, controller, form: found.form };
    const ctx = {
      profile,
      page: found.page,
      form: found.form,
      overlay,
      signal: controller.signal,
      clock,
      records: storeOf(found.page),
    };
    runFeatures((feature) => {
      if (feature.runsOn === 'record-form') feature.mount(ctx);
    });
    // Every "Sửa" loads a new document into the frame: watch it for its form being replaced.
    observe(found.form.doc);
    formChanged();
  };

  const scanList = () => {
    for (const page of listPages) {
      if (!urlHolds(page)) continue;
      const formPage = formPages.find((form) => form.record === page.record);
      const list = formPage && findListGrid(page, doc);
      if (!formPage || !list) continue;
      if (mounted.list?.anchor === list.table) return;
      mounted.list?.controller.abort();
      const controller = child();
      mounted.list = { anchor: list.table, controller };
      const ctx = {
        profile,
        page,
        list,
        overlay,
        signal: controller.signal,
        clock,
        records: storeOf(formPage),
      };
      runFeatures((feature) => {
        if (feature.runsOn === 'record-list') feature.mount(ctx);
      });
      return;
    }
    mounted.list?.controller.abort();
    mounted.list = undefined;
  };

  const scan = () => {
    if (signal.aborted) return;
    scanList();
    scanForm();
  };

  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (scanTimer !== undefined) return;
    scanTimer = setTimeout(() => {
      scanTimer = undefined;
      scan();
    }, SCAN_DEBOUNCE_MS);
  };
  const observed = new WeakSet<Document>();
  function observe(target: Document) {
    if (observed.has(target)) return;
    observed.add(target);
    const Observer = target.defaultView?.MutationObserver ?? MutationObserver;
    const observer = new Observer(schedule);
    observer.observe(target.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'class'],
    });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  observe(doc);
  // Frames load after their element appears, and "Sửa" replaces their documents.
  doc.addEventListener('load', schedule, { capture: true, signal });
  const fallback = setInterval(scan, SCAN_FALLBACK_MS);
  watchItem(KEYS.language, (value) => void initI18n(value).then(remountAll), signal);
  function remountAll() {
    mounted.form?.controller.abort();
    mounted.list?.controller.abort();
    mounted.form = mounted.list = undefined;
    scan();
  }
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(fallback);
      clearTimeout(scanTimer);
    },
    { once: true },
  );
  scan();
}
