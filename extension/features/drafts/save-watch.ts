import { textOf } from '../../lib/portal/text';

// Waits for the portal's own verdict on a save: the profile's `save.success` or `save.error`
// indicator showing something it did not show when the watch started (a message box after the
// XHR), and the text of that message ('' for an icon). A message element kept in the page counts
// when its text changes. What was showing when the watch started does not count, even when the page
// draws it again: apps that re-render their whole message list put a new element in place of an
// old one, and an old "saved" message read as new would clear drafts of a save the portal refused.
// So a new element whose text an element gone since showed is taken for that one drawn again — the
// safe side: at worst the watch times out and the drafts stay.

export type SaveOutcome = 'success' | 'error' | 'timeout';

/** The verdict and the text of the message that gave it ('' on a timeout or for an icon). */
export interface SaveVerdict {
  outcome: SaveOutcome;
  message: string;
}

export interface SaveIndicators {
  success?: string;
  error?: string;
}

export function watchSaveOutcome(
  docs: readonly Document[],
  indicators: SaveIndicators,
  timeoutMs: number,
): Promise<SaveOutcome> {
  return watchSaveVerdict(docs, indicators, timeoutMs).then((verdict) => verdict.outcome);
}

export function watchSaveVerdict(
  docs: readonly Document[],
  indicators: SaveIndicators,
  timeoutMs: number,
): Promise<SaveVerdict> {
  const selectors = [indicators.success, indicators.error].filter((s): s is string => Boolean(s));
  if (selectors.length === 0) return Promise.resolve({ outcome: 'timeout', message: '' });
  /** The messages in the page at the start, with their texts. */
  const before = new Map<Element, string>();
  for (const doc of docs)
    for (const element of doc.querySelectorAll(selectors.join(','))) before.set(element, textOf(element));

  /** The text of a message not showing at the start that is there now under `selector`. */
  const fresh = (doc: Document, selector: string | undefined): string | undefined => {
    if (selector === undefined) return undefined;
    const redrawable = new Map<string, number>();
    for (const [element, text] of before)
      if (!element.isConnected && element.matches(selector))
        redrawable.set(text, (redrawable.get(text) ?? 0) + 1);
    for (const element of doc.querySelectorAll(selector)) {
      const text = textOf(element);
      const was = before.get(element);
      if (was !== undefined) {
        if (was !== text) return text;
        continue;
      }
      const left = redrawable.get(text) ?? 0;
      if (left === 0) return text;
      redrawable.set(text, left - 1);
    }
    return undefined;
  };

  return new Promise((resolve) => {
    const observers: MutationObserver[] = [];
    const timer = setTimeout(() => finish('timeout', ''), timeoutMs);
    const finish = (outcome: SaveOutcome, message: string) => {
      for (const observer of observers) observer.disconnect();
      clearTimeout(timer);
      resolve({ outcome, message });
    };
    const check = () => {
      for (const doc of docs) {
        const error = fresh(doc, indicators.error);
        if (error !== undefined) return finish('error', error);
        const success = fresh(doc, indicators.success);
        if (success !== undefined) return finish('success', success);
      }
    };
    for (const doc of docs) {
      const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
      const observer = new Observer(check);
      // Texts too: a message element kept in the page may only change its text.
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
      observers.push(observer);
    }
  });
}
