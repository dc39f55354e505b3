import { browser } from 'wxt/browser';
import { handle } from './background-handle';
import type { Catalog, Lang } from './language-catalog';

// Background: what content scripts need of the extension's own files, given without making any
// of them web-accessible. A script loaded on first use is injected into the very frame that asked
// (its tab and frame are the message's sender, never the payload), in the content script's world;
// a language's messages are read here and answered.

/** A refusal in both languages: the sender's promise rejects with these words. */
function refused(vi: string, en: string): Error {
  return Object.assign(new Error(`${vi} / ${en}`), { refusal: { vi, en } });
}

const catalogs = new Map<Lang, Promise<Catalog>>();

async function readCatalog(lang: Lang): Promise<Catalog> {
  const url = browser.runtime.getURL(`/_locales/${lang}/messages.json` as '/_locales/vi/messages.json');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} → ${response.status}`);
  return (await response.json()) as Catalog;
}

/** Registers both handlers. Call once from the background's main(). */
export function registerOnDemandHandlers(): void {
  handle('scripts.inject', async ({ script }, sender) => {
    if (sender.tabId === undefined)
      throw refused(
        'Chỉ trang của cổng mới nạp được phần này của EduLens.',
        'Only a portal page can load this part of EduLens.',
      );
    await browser.scripting.executeScript({
      target: { tabId: sender.tabId, frameIds: [sender.frameId ?? 0] },
      files: [script],
    });
    return { injected: true as const };
  });
  handle('i18n.catalog', ({ lang }) => {
    let catalog = catalogs.get(lang);
    if (!catalog) {
      catalog = readCatalog(lang);
      catalogs.set(lang, catalog);
      catalog.catch(() => catalogs.delete(lang));
    }
    return catalog;
  });
}
