import { contextMismatches, type FillSource } from '@edulens/shared/sheets';
import type { PageContext } from '@edulens/shared/page';
import type { Message } from '@edulens/shared';
import type { PlanCell, PlanRow, FillPlan } from './plan';

// A file meant for another class, subject, term or year — by what it says of itself (title rows,
// sheet name, the subject over its score columns) or because most of its rows are nobody in this
// class — is not filled without the teacher confirming, in words that repeat the disagreement.

/** Most of the file's rows match no student: more than half of those naming someone. */
const MOSTLY = 0.5;

export function wrongFile<C extends PlanCell, R extends PlanRow<C>>(
  source: FillSource,
  plan: FillPlan<C, R>,
  page: PageContext,
): Message[] {
  const reasons: Message[] = contextMismatches(source.context, page).map((mismatch) => mismatch.message);
  const { unknown, notInClass } = plan.counts;
  const nobody = unknown + notInClass;
  const rows = plan.rows.length - plan.counts.pending;
  if (rows > 0 && nobody / rows > MOSTLY) {
    const where = page.class ?? '';
    reasons.push({
      vi: `${nobody}/${rows} dòng của tệp không khớp học sinh nào của lớp ${where} — có thể tệp của lớp khác`,
      en: `${nobody} of ${rows} rows of the file match no student of class ${where} — it may be another class's file`,
    });
  }
  return reasons;
}
