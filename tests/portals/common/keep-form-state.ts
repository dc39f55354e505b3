// Runs inside a page (`page.evaluate(keepFormState)`) before a simulator's page is saved: writes
// what each form control shows into the markup, which a saved copy would otherwise lose — input
// values as `value` attributes, ticked boxes as `checked`, textarea text, and the chosen option of
// every <select> as `selected` (a select whose options carry no `selected` shows its first one) —
// in the document and in its <template>s. This file has no DOM types, so it names what it uses.

interface Control {
  type: string;
  value: string;
  checked: boolean;
  selected: boolean;
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  toggleAttribute(name: string, force: boolean): boolean;
}
interface Root {
  querySelectorAll(selector: string): Iterable<Control>;
}
declare const document: Root & { querySelectorAll(selector: 'template'): Iterable<{ content: Root }> };

export function keepFormState(): void {
  const roots: Root[] = [document, ...Array.from(document.querySelectorAll('template'), (t) => t.content)];
  for (const root of roots) {
    for (const input of root.querySelectorAll('input')) {
      input.setAttribute('value', input.value);
      if (input.type === 'checkbox' || input.type === 'radio')
        input.toggleAttribute('checked', input.checked);
    }
    for (const area of root.querySelectorAll('textarea')) area.textContent = area.value;
    for (const option of root.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
  }
}
