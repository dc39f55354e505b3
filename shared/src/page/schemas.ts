import { z } from 'zod';

// The zod side of ./index (kept apart so that the content script, which imports the types, carries
// no zod): what the agent and the extension's background check a page key against.

/** At most this many parts in a page key, each at most this long. */
const MAX_PARTS = 16;
const MAX_PART_LENGTH = 200;

const partName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'a name such as schoolYear');

const partCount = [
  (page: Record<string, string>) => {
    const size = Object.keys(page).length;
    return size >= 1 && size <= MAX_PARTS;
  },
  {
    message: `must have between 1 and ${MAX_PARTS} names`,
    params: { vi: `phải có từ 1 đến ${MAX_PARTS} tên` },
  },
] as const;

/**
 * A page key as the content script reads it from the page: the parts the profile declares, a part
 * the page did not show left empty.
 */
export const PageKeyReadSchema = z.record(partName, z.string().max(MAX_PART_LENGTH)).refine(...partCount);

/**
 * Which portal page a draft belongs to, as the agent takes it: `{ school, schoolYear, class, subject,
 * term }` for a grade grid, other parts for other pages, none blank. The agent stores it in its
 * canonical form (`canonicalPageKey`), so the same page always maps to the same drafts whatever
 * order a client lists the parts in.
 */
export const PageKeySchema = z
  .record(
    partName,
    z
      .string()
      .min(1)
      .max(MAX_PART_LENGTH)
      // Blank parts are left out of the canonical form: a key sent with one would not come back.
      .refine((part) => part.trim() !== '', {
        message: 'must not be blank',
        params: { vi: 'không được để trống' },
      }),
  )
  .refine(...partCount);
