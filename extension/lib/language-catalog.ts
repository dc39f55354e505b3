// A language's messages as `_locales/<lang>/messages.json` holds them (Chrome's format), shared by
// the translator (lib/i18n.ts) and the message that carries them from the background.

export type Lang = 'vi' | 'en';

export interface ChromeMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type Catalog = Record<string, ChromeMessage>;
