import { z } from 'zod';

// Query flags of the desktop and the grade page, so tests and developers can open every shape of
// the grid by URL. Unknown or malformed values fall back to the default instead of failing.

const milliseconds = z.coerce.number().int().min(0).max(600_000);

export const gridFlagsSchema = z.object({
  lop: z.string().optional().catch(undefined),
  mon: z.string().optional().catch(undefined),
  hk: z.enum(['1', '2']).optional().catch(undefined),
  /** click: every editable cell is a span that becomes an input when clicked. */
  edit: z.enum(['input', 'click']).catch('input'),
  /** pages: 20 rows at a time with a pager; virtual: only the rows scrolled into view. */
  paging: z.enum(['all', 'pages', 'virtual']).catch('all'),
  /** Background poll interval in ms for this page (0 = off); default from the settings. */
  poll: milliseconds.optional().catch(undefined),
  /** Extra delay in ms the page asks of every save. */
  delay: milliseconds.optional().catch(undefined),
});

export type GridFlags = z.infer<typeof gridFlagsSchema>;

export const desktopFlagsSchema = gridFlagsSchema.extend({
  /** A window to open on load. */
  open: z.enum(['nhap-diem', 'thong-bao']).optional().catch(undefined),
  /** 1: the grade page sits in an <iframe> inside its window. */
  frame: z.enum(['0', '1']).catch('0'),
});

/** The grade page's own query string for the given flags (for the iframe variant). */
export function gridQuery(flags: GridFlags): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined && key in gridFlagsSchema.shape) params.set(key, String(value));
  }
  return params.toString();
}
