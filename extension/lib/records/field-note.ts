import type { FieldFinding } from './check-record';

// A short note under a form field with the findings of its rules, and a button for each offered
// fix. Drawn in the portal's document (inputs show no hover text) right after the field's row,
// styled inline so the portal's CSS neither hides it nor is touched.

const NOTE_ATTR = 'data-edulens-note';

/** The element of the field's row: the input's ancestor that sits beside the field's label. */
function rowOf(input: HTMLElement, form: Element): HTMLElement {
  let element: HTMLElement = input;
  while (
    element.parentElement &&
    element.parentElement !== form &&
    !element.parentElement.querySelector('label')
  )
    element = element.parentElement;
  return element.parentElement && element.parentElement !== form ? element.parentElement : element;
}

export interface NoteParts {
  findings: readonly FieldFinding[];
  text(finding: FieldFinding): string;
  fixLabel(finding: FieldFinding): string;
  onFix(finding: FieldFinding): void;
}

/** Shows (or removes, with no findings) the note of one field, just below the field's row. */
export function showFieldNote(input: HTMLElement, form: Element, field: string, parts: NoteParts): void {
  const row = rowOf(input, form);
  const doc = input.ownerDocument;
  const next = row.nextElementSibling;
  let note = next?.getAttribute(NOTE_ATTR) === field ? (next as HTMLElement) : null;
  if (parts.findings.length === 0) {
    note?.remove();
    return;
  }
  if (!note) {
    note = doc.createElement('div');
    note.setAttribute(NOTE_ATTR, field);
    note.setAttribute('role', 'alert');
    note.style.cssText = 'display:block;margin:0 0 6px;font:12px/1.35 system-ui,Arial,sans-serif';
    // Beside the portal's row, not inside it: a row laid out as a flex line would squeeze its input.
    row.after(note);
  }
  // Under the input, where the eye is.
  const indent = input.getBoundingClientRect().left - row.getBoundingClientRect().left;
  note.style.paddingLeft = `${Math.max(0, Math.round(indent))}px`;
  note.replaceChildren();
  for (const finding of parts.findings) {
    const line = doc.createElement('div');
    line.dataset.edulensCode = finding.problem.code;
    line.style.color = finding.problem.severity === 'error' ? '#b3261e' : '#8a5a00';
    line.textContent = parts.text(finding);
    if (finding.fix) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.dataset.edulensFix = finding.problem.code;
      button.textContent = parts.fixLabel(finding);
      button.style.cssText =
        'margin-left:6px;font:inherit;padding:0 6px;border:1px solid #1d5fbf;border-radius:4px;background:#fff;color:#1d5fbf;cursor:pointer';
      button.addEventListener('click', () => parts.onFix(finding), { once: true });
      line.append(button);
    }
    note.append(line);
  }
}

/** Removes every note EduLens put in a document. */
export function clearFieldNotes(root: ParentNode): void {
  for (const note of root.querySelectorAll(`[${NOTE_ATTR}]`)) note.remove();
}
