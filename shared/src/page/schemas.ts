import { z } from 'zod';

// The zod side of ./index (kept apart so that the content script, which imports the types, carries
// no zod): what the agent and the background check a page key against.

/**
 * Which portal page a draft belongs to: `{ school, schoolYear, class, subject, term }` for a grade grid,
 * fewer names for other pages. The agent stores it in a canonical form (sorted names, NFC values), so
 * the same page always maps to the same drafts whatever order a client lists the names in.
 */
export const PageKeySchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, 'a name such as schoolYear'),
    z.string().min(1).max(200),
  )
  .refine(
    (page) => {
      const size = Object.keys(page).length;
      return size >= 1 && size <= 16;
    },
    { message: 'must have between 1 and 16 names', params: { vi: 'phải có từ 1 đến 16 tên' } },
  );
