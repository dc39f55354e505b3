import { t } from './i18n';
import { termOf } from './locks';
import type { PageContext } from '@edulens/shared/page';

/**
 * The book a page shows, as the popup and side panel name it: "6A1 · Toán · Học kỳ I · 2025-2026".
 * The term as the portal gave it ("1", "HK II", "Học kỳ 2") reads the same everywhere.
 */
export function bookLabel(context: PageContext, options: { year: boolean }): string {
  const term = termOf(context.term);
  const termText = term === 1 ? t('common_termI') : term === 2 ? t('common_termII') : context.term;
  return [context.class, context.subject, termText, options.year ? context.schoolYear : undefined]
    .filter(Boolean)
    .join(' · ');
}
