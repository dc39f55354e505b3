import { browser } from 'wxt/browser';
import type { Catalog, ChromeMessage, Lang } from './language-catalog';
import { sendToBackground } from './messages';
import { KEYS, type LanguageSetting } from './storage-keys';
import { readItem } from './storage-lite';

// A tiny translator over the extension's `_locales/<lang>/messages.json` files that honours the
// user's language choice (Chrome's own i18n only follows the browser's UI language). Call
// `initI18n()` once per page or content script before using `t`. The background reads the files
// and answers (lib/on-demand-handler.ts): they are not web-accessible, so a content script could
// not fetch them, on a built-in portal or on one added later.

export type { Lang };

/**
 * The language and its messages, one per JS world: the content script and the scripts it loads on
 * demand are separate bundles in the same world, and all speak the language the content script set.
 */
interface I18nState {
  lang: Lang;
  catalog: Catalog | null;
}
const state: I18nState = ((globalThis as unknown as { __edulensI18n?: I18nState }).__edulensI18n ??= {
  lang: 'vi',
  catalog: null,
});

/** The language in use after `initI18n`. */
export function currentLang(): Lang {
  return state.lang;
}

export function resolveLang(setting: LanguageSetting): Lang {
  if (setting !== 'auto') return setting;
  const ui = browser.i18n.getUILanguage?.() ?? 'vi';
  return ui.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** Loads the chosen language's messages. Safe to call again after the setting changes. */
export async function initI18n(setting?: LanguageSetting): Promise<Lang> {
  const lang = resolveLang(setting ?? (await readItem(KEYS.language)));
  let catalog: Catalog | null;
  try {
    catalog = await sendToBackground('i18n.catalog', { lang });
  } catch {
    catalog = null; // fall back to the browser's own i18n below
  }
  Object.assign(state, { lang, catalog });
  return lang;
}

function format(entry: ChromeMessage, subs: readonly string[]): string {
  let text = entry.message;
  if (entry.placeholders) {
    text = text.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? ph.content : whole;
    });
  }
  return text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '').replace(/\$\$/g, '$');
}

/**
 * The message `key` in the user's language, with `$1`… (or named placeholders whose content is
 * `$1`…) replaced by `subs`. Unknown keys come back as the key itself, so a missing text shows.
 */
export function t(key: string, subs: string | number | readonly (string | number)[] = []): string {
  const list = (Array.isArray(subs) ? subs : [subs]).map(String);
  const entry = state.catalog?.[key];
  if (entry) return format(entry, list);
  const native = browser.i18n.getMessage(key as never, list);
  return native || key;
}

/** Picks the user's language from a bilingual text (problems, agent errors). */
export function pick(text: { vi: string; en: string }): string {
  return text[state.lang];
}
