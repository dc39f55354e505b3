import { isElement, matchesVariant, textOf } from '../portal/text';

// Finding a form field's input by its label's text ("Họ và tên *" = "Họ và tên"): the label's
// `for`, else the first visible input of the row the label sits in.

const INPUTS = 'input:not([type=hidden]):not([type=button]):not([type=submit]), textarea, select';

/** The label among `labels` whose text is one of `variants` (NFC, case, marks and "*" folded). */
export function labelFor(root: ParentNode, variants: readonly string[]): HTMLLabelElement | undefined {
  for (const label of root.querySelectorAll('label')) {
    if (matchesVariant(textOf(label), variants)) return label;
  }
  return undefined;
}

/** The input a label names (`for`), or the first input after it in its parent row. */
export function inputOfLabel(label: HTMLLabelElement): HTMLInputElement | undefined {
  const doc = label.ownerDocument;
  const byFor = label.htmlFor ? doc.getElementById(label.htmlFor) : null;
  if (isElement(byFor) && byFor.matches(INPUTS)) return byFor as HTMLInputElement;
  const inside = byFor?.querySelector(INPUTS) ?? label.querySelector(INPUTS);
  if (inside) return inside as HTMLInputElement;
  return (label.parentElement?.querySelector(INPUTS) as HTMLInputElement | null) ?? undefined;
}
