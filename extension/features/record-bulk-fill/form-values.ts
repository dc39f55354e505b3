import { readFormDocument } from '../../lib/records/record-store';
import type { RecordFormPage } from '../../lib/records/pages';
import { readInParallel } from '../../lib/records/read-in-parallel';
import { fillFields, type RecordField } from './fields';

// What each record holds now, for the preview's "old" side: the list shows only a few fields, so
// the form documents of the records the fill would change are read in the background (same origin,
// the page's own session, a few at a time), as the list's completeness reads them.

export type FormValues = Partial<Record<RecordField, string>>;

/** The values of the forms at `urls` (key → address); a form that cannot be read is left out. */
export async function readFormValues(
  page: RecordFormPage,
  urls: ReadonlyMap<string, string>,
  signal: AbortSignal,
): Promise<Map<string, FormValues>> {
  const values = new Map<string, FormValues>();
  await readInParallel(urls, signal, async ([key, url]) => {
    const read = await readFormDocument(page, url, signal).catch(() => undefined);
    if (!read?.ok) return;
    const found: FormValues = {};
    for (const field of fillFields) if (read.form.field(field)) found[field] = read.form.value(field);
    values.set(key, found);
  });
  return values;
}
