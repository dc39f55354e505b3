// Writing a portal's field the way typing does.

type ValueSetter = (this: HTMLInputElement, value: string) => void;

/**
 * Sets a field's value the way typing does: the native value setter of the element's own realm (an
 * iframe's inputs come from another window; a framework's own setter would swallow the change),
 * then input, change, blur and focusout. The realm's setters and event constructors are looked up
 * once per document: a fill writes hundreds of cells.
 */
export function fieldWriter(doc: Document): (field: HTMLInputElement, value: string) => void {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const setterOf = (proto: object) => Object.getOwnPropertyDescriptor(proto, 'value')!.set as ValueSetter;
  const setters: Record<string, ValueSetter> = {
    INPUT: setterOf((view?.HTMLInputElement ?? HTMLInputElement).prototype),
    TEXTAREA: setterOf((view?.HTMLTextAreaElement ?? HTMLTextAreaElement).prototype),
    SELECT: setterOf((view?.HTMLSelectElement ?? HTMLSelectElement).prototype),
  };
  const EventCtor = view?.Event ?? Event;
  const FocusCtor = view?.FocusEvent ?? FocusEvent;
  return (field, value) => {
    (setters[field.tagName] ?? setters.INPUT!).call(field, value);
    field.dispatchEvent(new EventCtor('input', { bubbles: true }));
    field.dispatchEvent(new EventCtor('change', { bubbles: true }));
    field.dispatchEvent(new FocusCtor('blur'));
    field.dispatchEvent(new FocusCtor('focusout', { bubbles: true }));
  };
}
