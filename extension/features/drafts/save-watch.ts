// Waits for the portal's own verdict on a save: the profile's `save.success` or `save.error`
// indicator appearing (a message box after the XHR). What was showing when the watch started does
// not count, even when the page draws it again: apps that re-render their whole message list put a
// new element in place of an old one, and an old "saved" message read as new would clear drafts of
// a save the portal refused. So a new element whose text an element gone since showed is taken for
// that one drawn again — the safe side: at worst the watch times out and the drafts stay.

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

  /** Whether an element not showing at the start is there now under `selector`. */
  const fresh = (doc: Document, selector: string | undefined) => {
    if (selector === undefined) return false;
    const redrawable = new Map<string, number>();
    for (const element of before)
      if (!element.isConnected && element.matches(selector)) {
        const text = element.textContent ?? '';
        redrawable.set(text, (redrawable.get(text) ?? 0) + 1);
      }
    return [...doc.querySelectorAll(selector)].some((element) => {
      if (before.has(element)) return false;
      const text = element.textContent ?? '';
      const left = redrawable.get(text) ?? 0;
      if (left === 0) return true;
      redrawable.set(text, left - 1);
      return false;
    });
  };

  return new Promise((resolve) => {
    const observers: MutationObserver[] = [];
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const finish = (outcome: SaveOutcome) => {
      for (const observer of observers) observer.disconnect();
      clearTimeout(timer);
      resolve(outcome);
    };
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
