import type { Rulepack } from '@edulens/shared/rules';
import { tt22 } from '@edulens/shared/rules';
import type { Bilingual } from '../../lib/messages';

// What a value from a file becomes in a portal cell: checked by the page's rulepack and written
// in one canonical form ("8,5" → "8.5", "10.0" → "10", "đạt" → "Đ"), so that "unchanged" means
// the same score, not the same spelling.

export type ScoreKind = 'tx' | 'gk' | 'ck';

export type ValueCheck = { ok: true; value: string } | { ok: false; message: Bilingual };

export type CheckValue = (raw: string, kind: ScoreKind) => ValueCheck;

export const SCORE_KINDS: ReadonlySet<string> = new Set<ScoreKind>(['tx', 'gk', 'ck']);

export function isScoreKind(kind: string): kind is ScoreKind {
  return SCORE_KINDS.has(kind);
}

function tenthsText(tenths: number): string {
  const sign = tenths < 0 ? '-' : '';
  const magnitude = Math.abs(tenths);
  const whole = Math.trunc(magnitude / 10);
  return magnitude % 10 === 0 ? `${sign}${whole}` : `${sign}${whole}.${magnitude % 10}`;
}

/** The checker of a page: scores on 10 by the rulepack, or Đ/CĐ on comment-only subjects. */
export function valueChecker(rulepack: Rulepack, commentSubject: boolean): CheckValue {
  if (commentSubject) {
    return (raw) => {
      const result = tt22.checkCommentMark(raw);
      if (result.value === null)
        return { ok: false, message: result.problems[0]?.message ?? unreadable(raw) };
      return { ok: true, value: result.value === 'dat' ? 'Đ' : 'CĐ' };
    };
  }
  return (raw, kind) => {
    const result = rulepack.checkScore(raw, kind);
    const error = result.problems.find((p) => p.severity === 'error');
    if (error || result.value === null) return { ok: false, message: error?.message ?? unreadable(raw) };
    return { ok: true, value: tenthsText(result.value) };
  };
}

function unreadable(raw: string): Bilingual {
  return { vi: `"${raw}" không đọc được`, en: `"${raw}" cannot be read` };
}

/** Whether a cell showing `shown` already holds `canonical` (same score, any spelling). */
export function sameValue(check: CheckValue, kind: ScoreKind, shown: string, canonical: string): boolean {
  const text = shown.trim();
  if (text === canonical) return true;
  if (text === '' || canonical === '') return false;
  const read = check(text, kind);
  return read.ok && read.value === canonical;
}
