import { type ContextField, contextFields } from '@edulens/shared/profiles';
import type { GradeGridPage } from '../feature';
import type { PageContext } from '@edulens/shared/page';
import { isElement, matchesVariant, textKey, textOf } from './text';

// What the page is about (school, year, grade, class, subject, term, period), read from the sources
// the profile lists for each value, first answer wins: a form field by name (vnEdu's hidden
// iNamHoc, iKhoi, iHocKy, muc), a label and what follows it (a heading "Lớp: <b>2D</b>", a toolbar
// "Học kỳ:" and its field), or the window title ("[2025-2026] Sổ điểm").

type ContextSource = NonNullable<NonNullable<GradeGridPage['context']>[ContextField]>[number];

export interface ContextScope {
  /** Where the page is: its window, or the (frame's) document. */
  root: ParentNode;
  /** The floating window around the page, if any: its title, and the edge of what is read. */
  window?: Element;
  /** Labels and fields inside it are the student rows', never context ("Trường", "Lớp"). */
  exclude?: Element;
  /** Further documents to look in (the top document of a framed page), never inside `others`. */
  documents: readonly Document[];
  /** Elements holding other pages (windows behind the front one), never read. */
  others: (node: Node) => boolean;
}

/** Separators after which a heading's value stops ("Trường THCS A — Huyện B"). */
const VALUE_END = /\s+[—|]\s+|\s{2,}|\n/;

const isDocument = (node: ParentNode): node is Document => (node as Node).nodeType === 9;

function controlValue(element: Element): string | undefined {
  const value = String((element as HTMLInputElement).value ?? '').trim();
  return value || undefined;
}

/** A form field by its name: inside the page's root first, then the documents (outside other windows). */
function fieldValue(name: string, scope: ContextScope): string | undefined {
  const selector = `[name="${name.replace(/["\\]/g, '\\$&')}"]`;
  for (const root of [scope.root, ...scope.documents]) {
    for (const element of root.querySelectorAll(selector)) {
      if (root !== scope.root && scope.others(element)) continue;
      const value = controlValue(element);
      if (value) return value;
    }
  }
  return undefined;
}

/** The value after a label: the rest of its text, the next nodes beside it, or the next element's field. */
function valueNear(node: Text, labelLength: number): string | undefined {
  const parent = node.parentElement;
  if (!parent) return undefined;
  // 1. <label for=…> → the control it names.
  if (parent.tagName === 'LABEL') {
    const id = parent.getAttribute('for');
    const control = id ? parent.ownerDocument.getElementById(id) : null;
    if (control && 'value' in control) return controlValue(control);
  }
  // 2. The rest of the same text ("Năm học 2025-2026").
  const rest = (node.textContent ?? '')
    .trim()
    .slice(labelLength)
    .replace(/^[\s:：.-]+/, '');
  const cut = rest.split(VALUE_END)[0]?.trim();
  if (cut) return cut;
  // 3. The nodes right after it in the same element ("Lớp: <b>2D</b>").
  for (let next = node.nextSibling; next; next = next.nextSibling) {
    const text = (
      isElement(next) && next.matches('input, select, textarea') ? controlValue(next) : next.textContent
    )
      ?.replace(/^[\s:：.-]+/, '')
      .trim();
    if (text) return text.split(VALUE_END)[0]?.trim() || undefined;
  }
  // 4. The next element: a control's value or its text.
  let next = parent.nextElementSibling;
  while (next && textOf(next) === '' && !next.querySelector('input, select')) next = next.nextElementSibling;
  if (!next) return undefined;
  const control = next.matches('input, select, textarea')
    ? next
    : next.querySelector('input:not([type=hidden]), select');
  if (control) return controlValue(control);
  return textOf(next).split(VALUE_END)[0]?.trim() || undefined;
}

/** Length in the original text of a label whose folded key prefixes the text's key. */
function labelPrefixLength(text: string, label: string): number | undefined {
  const wanted = textKey(label);
  if (wanted === '') return undefined;
  const key = textKey(text);
  if (key !== wanted && !key.startsWith(`${wanted} `)) return undefined;
  // Walk the original text until its folded prefix covers the label.
  for (let i = 1; i <= text.length; i++) {
    if (textKey(text.slice(0, i)) === wanted) {
      const after = text.slice(i);
      if (after === '' || !/^[\p{L}\p{N}]/u.test(after)) return i;
    }
  }
  return undefined;
}

function labelValue(labels: readonly string[], scope: ContextScope): string | undefined {
  // Longest first: "Môn học: Toán" is not the label "Môn" followed by "học: Toán".
  const ordered = [...labels].sort((a, b) => textKey(b).length - textKey(a).length);
  for (const root of [...new Set<ParentNode>([scope.root, ...scope.documents])]) {
    const ownerDoc = isDocument(root) ? root : (root as Element).ownerDocument;
    const outside = root !== scope.root;
    const walker = ownerDoc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */, {
      acceptNode: (node) =>
        scope.exclude?.contains(node) || (outside && scope.others(node))
          ? 2 /* FILTER_REJECT */
          : 1 /* FILTER_ACCEPT */,
    });
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = (node.textContent ?? '').trim();
      if (text === '' || text.length > 200) continue;
      for (const label of ordered) {
        const length = labelPrefixLength(text, label);
        if (length === undefined) continue;
        const value = valueNear(node, length);
        if (value) return value;
      }
    }
  }
  return undefined;
}

function windowTitleValue(pattern: string, scope: ContextScope): string | undefined {
  const window = scope.window;
  if (!window) return undefined;
  // The title bar comes first in a window; its text is what the pattern is written for.
  const text = (window.textContent ?? '').trim().slice(0, 300);
  return new RegExp(pattern).exec(text)?.[1]?.trim() || undefined;
}

/** The label a select carries: its `<label for>`, the label around it, or the text just before it. */
function selectLabel(select: HTMLSelectElement): string {
  const id = select.id;
  const byFor = id
    ? select.ownerDocument.querySelector(`label[for="${id.replace(/["\\]/g, '\\$&')}"]`)
    : null;
  const holder = byFor ?? select.closest('label');
  if (holder) return textOf(holder).replace(textOf(select), '');
  let before = select.previousSibling;
  while (before && (before.textContent ?? '').trim() === '') before = before.previousSibling;
  return (before?.textContent ?? '').trim();
}

/** The text of the option a `<select>` shows, the select found by its label ("Lớp", "Học kỳ"). */
function selectValue(labels: readonly string[], scope: ContextScope): string | undefined {
  for (const root of [scope.root, ...scope.documents]) {
    for (const select of root.querySelectorAll('select')) {
      if (scope.exclude?.contains(select) || (root !== scope.root && scope.others(select))) continue;
      if (!matchesVariant(selectLabel(select as HTMLSelectElement).replace(/[:：]\s*$/, ''), labels))
        continue;
      const option = (select as HTMLSelectElement).selectedOptions[0];
      const text = option ? textOf(option) : '';
      if (text) return text;
    }
  }
  return undefined;
}

function readSource(source: ContextSource, scope: ContextScope): string | undefined {
  if ('field' in source) return fieldValue(source.field, scope);
  if ('windowTitle' in source) return windowTitleValue(source.windowTitle, scope);
  if ('select' in source) return selectValue(source.select, scope);
  const value = labelValue(source.label, scope);
  if (value === undefined || source.until === undefined) return value;
  return value.split(source.until)[0]?.trim() || undefined;
}

/** A school year given as its first calendar year (vnEdu's iNamHoc = 2025) reads "2025-2026". */
function normalise(field: ContextField, value: string): string {
  if (field === 'schoolYear' && /^\d{4}$/.test(value)) return `${value}-${Number(value) + 1}`;
  return value;
}

export function readContext(page: Pick<GradeGridPage, 'context'>, scope: ContextScope): PageContext {
  const context: PageContext = {};
  const spec = page.context;
  if (!spec) return context;
  for (const field of contextFields) {
    for (const source of spec[field] ?? []) {
      const value = readSource(source, scope);
      if (value) {
        context[field] = normalise(field, value);
        break;
      }
    }
  }
  return context;
}
