import type { CellKind, Rulepack } from '@edulens/shared/rules';
import type { Message } from '@edulens/shared';

// What a value from a file becomes in a portal cell: checked by the page's rulepack for the cell's
// kind and written in one canonical form ("8,5" → "8.5", "10.0" → "10", "đạt" → "Đ", "t" → "T"),
// so that "unchanged" means the same value, not the same spelling.

export type ValueCheck = { ok: true; value: string } | { ok: false; message: Message };

/** Checks a value for a cell of a kind; `maxLength` is the cell input's own limit. */
export type CheckValue = (raw: string, kind: CellKind, maxLength?: number) => ValueCheck;

/** The checker of a page: its rulepack, knowing the subject (comment-only subjects take Đ/CĐ). */
export function valueChecker(rulepack: Rulepack, subject: string): CheckValue {
  return (raw, kind, maxLength) => {
    const result = rulepack.checkCell(raw, kind, { subject, ...(maxLength !== undefined && { maxLength }) });
    const error = result.problems.find((p) => p.severity === 'error');
    if (error || result.value === null) return { ok: false, message: error?.message ?? unreadable(raw) };
    return { ok: true, value: result.value };
  };
}

function unreadable(raw: string): Message {
  return { vi: `"${raw}" không đọc được`, en: `"${raw}" cannot be read` };
}

/** Whether a cell showing `shown` already holds `canonical` (same value, any spelling). */
export function sameValue(check: CheckValue, kind: CellKind, shown: string, canonical: string): boolean {
  const text = shown.trim();
  if (text === canonical) return true;
  if (text === '' || canonical === '') return false;
  const read = check(text, kind);
  return read.ok && read.value === canonical;
}
