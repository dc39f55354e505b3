// Waits for the portal's own verdict on a save: the profile's `save.success` or `save.error`
// indicator appearing (a message box after the XHR). Elements already showing when the watch
// starts do not count.

export type SaveOutcome = 'success' | 'error' | 'timeout';

export interface SaveIndicators {
  success?: string;
  error?: string;
}

export function watchSaveOutcome(
  docs: readonly Document[],
  indicators: SaveIndicators,
  timeoutMs: number,
): Promise<SaveOutcome> {
  const selectors = [indicators.success, indicators.error].filter((s): s is string => Boolean(s));
  if (selectors.length === 0) return Promise.resolve('timeout');
  const before = new Set<Element>();
  for (const doc of docs)
    for (const element of doc.querySelectorAll(selectors.join(','))) before.add(element);

  return new Promise((resolve) => {
    const observers: MutationObserver[] = [];
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const finish = (outcome: SaveOutcome) => {
      for (const observer of observers) observer.disconnect();
      clearTimeout(timer);
      resolve(outcome);
    };
    const fresh = (doc: Document, selector: string | undefined) =>
      selector !== undefined && [...doc.querySelectorAll(selector)].some((element) => !before.has(element));
    const check = () => {
      for (const doc of docs) {
        if (fresh(doc, indicators.error)) return finish('error');
        if (fresh(doc, indicators.success)) return finish('success');
      }
    };
    for (const doc of docs) {
      const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
      const observer = new Observer(check);
      observer.observe(doc.documentElement, { childList: true, subtree: true });
      observers.push(observer);
    }
  });
}
