import { z } from 'zod';
import { type ContextField, contextFields } from './columns';
import { isMatchPattern } from './match-pattern';
import { addBilingualIssue, textMatching } from './zod-kit';

// The building blocks of profile pages (selectors, texts, targets, containers, detectors, context
// sources, grid shapes, saves, the fields every page has): schema.ts and record-pages.ts both build
// their page kinds from them. Selectors are CSS selectors checked for emptiness only here (shared
// has no DOM); texts (headers, labels, button captions) list the spellings seen on real pages,
// compared by the extension after NFC, case and whitespace folding.

export const selectorSchema = z.string().min(1);

/** Spellings of one header, label or caption, e.g. ["Mã HS", "Mã học sinh"]. */
export const textVariantsSchema = z.array(z.string().min(1)).min(1);

export const matchPatternSchema = textMatching(
  isMatchPattern,
  'phải là mẫu địa chỉ dạng "https://*.vnedu.vn/v5/*"',
  'must be a match pattern such as "https://*.vnedu.vn/v5/*"',
);

/** An element found by a CSS selector or by its visible text: exactly one of the two. */
export const targetSchema = z
  .strictObject({ selector: selectorSchema.optional(), text: textVariantsSchema.optional() })
  .superRefine((target, ctx) => {
    if ((target.selector === undefined) === (target.text === undefined)) {
      addBilingualIssue(
        ctx,
        [],
        'cần đúng một trong hai: "selector" hoặc "text"',
        'needs exactly one of "selector" and "text"',
      );
    }
  });

/** Where the page lives when it is not the top document. */
export const containerSchema = z.strictObject({
  /** Iframes to enter, outermost first, each by a selector in its parent document. */
  frames: z.array(selectorSchema).min(1).optional(),
  /** Floating windows that may hold the page (ExtJS `.x-window`); several may be open at once. */
  window: selectorSchema.optional(),
  /**
   * The window in front (ExtJS desktop: `.ux-desktop-active-win`). Only it is read when one matches;
   * otherwise the visible window with the highest z-index. A window left open behind is never read.
   */
  activeWindow: selectorSchema.optional(),
});

/** How to tell that this page is showing: every condition given must hold, at least one given. */
export const detectorSchema = z
  .strictObject({
    url: z.array(matchPatternSchema).min(1).optional(),
    selector: selectorSchema.optional(),
    text: textVariantsSchema.optional(),
  })
  .superRefine((when, ctx) => {
    if (when.url === undefined && when.selector === undefined && when.text === undefined) {
      addBilingualIssue(
        ctx,
        [],
        'cần ít nhất một điều kiện: "url", "selector" hoặc "text"',
        'needs at least one condition: "url", "selector" or "text"',
      );
    }
  });

/** A regular expression with a capture group (the part of a text to take). */
const captureSchema = textMatching(
  (source) => {
    try {
      new RegExp(source);
    } catch {
      return false;
    }
    return /\((?!\?)/.test(source);
  },
  'phải là biểu thức chính quy có một nhóm bắt giữ "( )"',
  'must be a regular expression with a capture group "( )"',
);

/**
 * One place a context value can be read from. `field`: a form field by its `name` (hidden fields
 * such as vnEdu's `iNamHoc` are the most reliable); `label`: a text label and what follows it (a
 * heading "Lớp: <b>2D</b>", a toolbar "Học kỳ:" and its field), cut at `until`; `windowTitle`: the
 * first capture group of a pattern over the title of the page's window ("[2025-2026] Sổ điểm");
 * `select`: the option a `<select>` shows, the select found by its label.
 */
const contextSourceSchema = z.union([
  z.strictObject({ field: z.string().min(1) }),
  z.strictObject({ label: textVariantsSchema, until: z.string().min(1).optional() }),
  z.strictObject({ windowTitle: captureSchema }),
  /** The text of the selected option of a `<select>` found by its label (a toolbar "Lớp" select). */
  z.strictObject({ select: textVariantsSchema }),
]);

/** Sources of one context value, in order: the first that gives a value wins. */
const contextFieldSchema = z.array(contextSourceSchema).min(1).optional();

export const contextSchema = z.strictObject(
  Object.fromEntries(contextFields.map((field) => [field, contextFieldSchema])) as Record<
    ContextField,
    typeof contextFieldSchema
  >,
);

/** Only part of a long list is in the page at a time. */
const paginationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pages'),
    next: targetSchema,
    /** The pager's "previous page" control: with it a reader can go back through the pages. */
    previous: targetSchema.optional(),
    /** Links to numbered pages (RadGrid's `a.rgNumPage`): the link whose text is the page's number. */
    number: selectorSchema.optional(),
    /** What shows the page number now (a pager's current page, "Trang 1/3"): its text. */
    current: selectorSchema.optional(),
  }),
  z.strictObject({ kind: z.literal('virtual-scroll'), scroller: selectorSchema }),
]);

/**
 * A body drawn apart from the header (Telerik RadGrid: a header table in `.rgHeaderDiv`, the rows in
 * a table inside the scrolling `.rgDataDiv`): `table` is looked up inside the header table's closest
 * `container`; `scroller`, when given, is the element that scrolls the rows (a cell is scrolled into
 * view in it before it is focused).
 */
const gridBodySchema = z.strictObject({
  container: selectorSchema,
  table: selectorSchema,
  scroller: selectorSchema.optional(),
});

export const columnSchema = z.strictObject({
  header: textVariantsSchema,
  /** The header spans a group of cells (ĐĐGtx 1…n): one value per cell under it. */
  repeat: z.boolean().optional(),
  /** Computed by the portal (averages): read, never filled. */
  computed: z.boolean().optional(),
});

/**
 * The shape of a table of rows, whatever its columns hold (grades, student records): found by its
 * header texts, never by column positions, which change every year. The header is read from the
 * markup: the rows of `<thead>` (or the leading rows of `<th>` cells), `th` or `td`, one to four
 * rows, with rowspan/colspan. Pages with their own columns extend it (`gridShapeSchema.extend`).
 */
export const gridShapeSchema = z.strictObject({
  /** The table holding the header (and the rows, unless `body` says where they are). */
  table: selectorSchema,
  body: gridBodySchema.optional(),
  /** Rows that are never data rows (a filter row, a pager row drawn in the table). */
  skipRows: selectorSchema.optional(),
  /**
   * What identifies a row (the student code): an attribute of the row (`<tr id="…">`) when given
   * and set, else the text of the column under `header` (which may be hidden).
   */
  rowKey: z.strictObject({ header: textVariantsSchema, attr: z.string().min(1).optional() }),
  pagination: paginationSchema.optional(),
});

/** The portal's own save: nothing is stored until it is pressed. */
export const saveSchema = z.strictObject({
  button: targetSchema,
  /** Shown after a save that worked / failed (e.g. `p.message-of-success`, `.swal2-icon-error`). */
  success: selectorSchema.optional(),
  error: selectorSchema.optional(),
});

export const pageBase = {
  /** A name for people teaching or reading the profile. */
  name: z.string().min(1).optional(),
  when: detectorSchema,
  container: containerSchema.optional(),
};
