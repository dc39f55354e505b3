import { labelKey } from '@edulens/shared/text';

// How the portal layer compares a page's texts with a profile's spellings: NFC/NFD, tones, case
// and punctuation folded ("Mã\u00a0HS:" = "Mã HS", "ĐĐGtx" = "ddgtx").

export const textKey = labelKey;

export function matchesVariant(text: string, variants: readonly string[]): boolean {
  const key = textKey(text);
  return key !== '' && variants.some((variant) => textKey(variant) === key);
}

/** An element's text, trimmed. */
export function textOf(element: Element): string {
  return (element.textContent ?? '').trim();
}

/** Works across realms (an iframe's nodes fail `instanceof Element` of the content script). */
export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}
