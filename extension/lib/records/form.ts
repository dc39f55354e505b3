import { type RecordField, recordFields } from '@edulens/shared/profiles';
import { fieldWriter } from '../portal/cell-writer';
import { type Combo, findCombo, itemNamed } from './combo';
import { inputOfLabel, labelFor } from './field-input';
import type { RecordFormPage } from './pages';

// One record's form as the profile describes it: each logical field's input found by its label
// (or selector), values read and written the way typing does, combos resolved to their items.

export interface FormField {
  field: RecordField;
  /** What the user types into (a combo's text input). */
  input: HTMLInputElement;
  combo: Combo | undefined;
}

export interface RecordForm {
  page: RecordFormPage;
  doc: Document;
  form: Element;
  /** The fields found on the page, in the order of `recordFields`. */
  fields: FormField[];
  field(name: RecordField): FormField | undefined;
  /** The field's text as shown (trimmed); '' when absent. */
  value(name: RecordField): string;
  /** Whether the field holds a value (a combo: its text or its chosen item). */
  filled(name: RecordField): boolean;
  /** The required fields that are blank, in the profile's order. */
  missing(): RecordField[];
  /**
   * Writes a field the way typing does. For a combo, also checks that the portal resolved the text
   * to an item (its hidden value is set): false when it did not.
   */
  write(name: RecordField, value: string): boolean;
  /** The portal has locked the form (a locked period). */
  locked(): boolean;
}

function findInput(page: RecordFormPage, form: Element, name: RecordField): FormField | undefined {
  const spec = page.fields[name];
  if (!spec) return undefined;
  if (spec.combo) {
    const combo = findCombo(spec.combo, form);
    return combo ? { field: name, input: combo.text, combo } : undefined;
  }
  const bySelector = spec.input ? (form.querySelector(spec.input) as HTMLInputElement | null) : null;
  const label = bySelector ? undefined : labelFor(form, spec.label);
  const input = bySelector ?? (label && inputOfLabel(label));
  return input ? { field: name, input, combo: undefined } : undefined;
}

/** The record form of `page` in `scope`, or undefined when its form element is not there. */
export function readRecordForm(page: RecordFormPage, scope: ParentNode): RecordForm | undefined {
  const form = scope.querySelector(page.form);
  if (!form) return undefined;
  const doc = form.ownerDocument;
  const fields = recordFields.flatMap((name) => findInput(page, form, name) ?? []);
  const byName = new Map(fields.map((f) => [f.field, f]));
  const write = fieldWriter(doc);
  const filled = (name: RecordField) => {
    const found = byName.get(name);
    if (!found) return false;
    return found.input.value.trim() !== '' || (found.combo?.value?.value.trim() ?? '') !== '';
  };
  return {
    page,
    doc,
    form,
    fields,
    field: (name) => byName.get(name),
    value: (name) => byName.get(name)?.input.value.trim() ?? '',
    filled,
    missing: () => page.required.filter((name) => !filled(name)),
    write(name, value) {
      const found = byName.get(name);
      if (!found || found.input.disabled || found.input.readOnly) return false;
      write(found.input, value);
      if (!found.combo) return true;
      const item = itemNamed(found.combo, value);
      return item !== undefined && (found.combo.value === undefined || found.combo.value.value !== '');
    },
    locked() {
      if (fields.length === 0) return false;
      return page.locked.some((when) => {
        // Read-only fields (the student code) stay as they are: every other one is disabled.
        if (when === 'disabled') {
          const editable = fields.filter((f) => !f.input.readOnly);
          return editable.length > 0 && editable.every((f) => f.input.disabled);
        }
        if (when === 'readonly') return fields.every((f) => f.input.readOnly);
        return form.ownerDocument.querySelector(when.selector) !== null;
      });
    },
  };
}
