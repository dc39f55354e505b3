import { textOf } from '../portal/text';
import type { RecordFormPage } from './pages';

// A coded field drawn as a combo box: the text the user sees and types, the hidden input that
// holds the chosen item, and the items. The portal resolves typed text to an item on change/blur.

export type ComboSpec = NonNullable<
  NonNullable<RecordFormPage['fields'][keyof RecordFormPage['fields']]>['combo']
>;

export interface Combo {
  root: Element;
  text: HTMLInputElement;
  value: HTMLInputElement | undefined;
  /** The items' texts, in the portal's order. */
  items(): string[];
}

/** Near the combo first, then anywhere in its document (pop-up lists move to the body). */
function near<T extends Element>(root: Element, selector: string): T | undefined {
  return (root.querySelector(selector) ?? root.ownerDocument.querySelector(selector) ?? undefined) as
    T | undefined;
}

export function findCombo(spec: ComboSpec, form: ParentNode): Combo | undefined {
  const root = form.querySelector(spec.root);
  if (!root) return undefined;
  const text = near<HTMLInputElement>(root, spec.text);
  if (!text) return undefined;
  return {
    root,
    text,
    value: near<HTMLInputElement>(root, spec.value),
    items() {
      const local = root.querySelectorAll(spec.items);
      const all = local.length > 0 ? local : root.ownerDocument.querySelectorAll(spec.items);
      return [...all].map(textOf).filter((item) => item !== '');
    },
  };
}

/** How the portal compares typed text with its items: NFC, case and spacing folded, marks kept. */
function itemKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** The item a text names, if any ("nữ" names "Nữ"; "Nu" names nothing). */
export function itemNamed(combo: Combo, text: string): string | undefined {
  const key = itemKey(text);
  return combo.items().find((item) => itemKey(item) === key);
}
