import { z } from 'zod';

// Query flags of the desktop and the grade page, so tests and developers can open every shape of
// the grid by URL. Unknown or malformed values fall back to the default instead of failing.

const milliseconds = z.coerce.number().int().min(0).max(600_000);

export const gridFlagsSchema = z.object({
  /** Class name (6A1, 2D) or iLopId. */
  lop: z.string().optional().catch(undefined),
  /** Subject code (TOAN, TV) or iMonHocId. */
  mon: z.string().optional().catch(undefined),
  hk: z.enum(['1', '2']).optional().catch(undefined),
  /** Primary books: the period gk1 | ck1 | gk2 | ck2 (sets the semester too). */
  muc: z.enum(['gk1', 'ck1', 'gk2', 'ck2']).optional().catch(undefined),
  /** click: every editable cell is a span that becomes an input when clicked. */
  edit: z.enum(['input', 'click']).catch('input'),
  /** pages: 20 rows at a time with a pager; virtual: only the rows scrolled into view. */
  paging: z.enum(['all', 'pages', 'virtual']).catch('all'),
  /** How a locked cell looks: td.allowedit1 with a disabled input, or a cell without any input. */
  locked: z.enum(['disabled', 'none']).catch('disabled'),
  /** Background poll interval in ms for this page (0 = off); default from the settings. */
  poll: milliseconds.optional().catch(undefined),
  /** Extra delay in ms the page asks of every save. */
  delay: milliseconds.optional().catch(undefined),
});

export type GridFlags = z.infer<typeof gridFlagsSchema>;

export const APPS = ['nhap-diem', 'so-nhan-xet', 'thong-bao'] as const;
export type App = (typeof APPS)[number];

export const desktopFlagsSchema = gridFlagsSchema.extend({
  /**
   * Windows to open on load, comma-separated, in opening order: the last one is in front.
   * nhap-diem = "[2025-2026] Sổ điểm", so-nhan-xet = "[2025-2026] Sổ nhận xét" (another book),
   * thong-bao = the notices.
   */
  open: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) =>
      (value ?? '').split(',').filter((app): app is App => (APPS as readonly string[]).includes(app)),
    ),
  /** 1: the grade page sits in an <iframe> inside its window. */
  frame: z.enum(['0', '1']).catch('0'),
});

export type DesktopFlags = z.infer<typeof desktopFlagsSchema>;

/** The grade page's own query string for the given flags (for the iframe variant). */
export function gridQuery(flags: GridFlags): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(flags)) {
    if (value !== undefined && key in gridFlagsSchema.shape) params.set(key, String(value));
  }
  return params.toString();
}
