import { z } from 'zod';
import { calendarRefSchema, resolveCalendar } from '../calendar/override';
import { rulepackIds } from '../rules/rulepack';
import { type ContextField, contextFields, gridColumnKinds } from './columns';
import { isMatchPattern } from './match-pattern';
import { recordPageSchemas } from './record-pages';
import { gradesIn } from './select-rulepack';
import { addBilingualIssue, idSchema, textMatching } from './zod-kit';

// A portal profile is everything EduLens knows about one portal's pages, as data. Selectors are
// CSS selectors checked for emptiness only here (shared has no DOM); texts (headers, labels,
// button captions) list the spellings seen on real pages, compared by the extension after NFC,
// case and whitespace folding.

const selectorSchema = z.string().min(1);

/** Spellings of one header, label or caption, e.g. ["Mã HS", "Mã học sinh"]. */
const textVariantsSchema = z.array(z.string().min(1)).min(1);

const matchPatternSchema = textMatching(
  isMatchPattern,
  'phải là mẫu địa chỉ dạng "https://*.vnedu.vn/v5/*"',
  'must be a match pattern such as "https://*.vnedu.vn/v5/*"',
);

/** An element found by a CSS selector or by its visible text: exactly one of the two. */
const targetSchema = z
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
const containerSchema = z.strictObject({
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
const detectorSchema = z
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

const rulepackIdSchema = z.enum(rulepackIds);

/**
 * One rulepack for the page, or one per grade range ("1-5", "6-12", "10"): primary and secondary
 * grades, and grades still on the old rules during a roll-out, use different rulepacks. `otherwise`
 * checks a page whose grade cannot be read (the profile decides, not the extension's code).
 */
const rulepackSelectionSchema = z.union([
  rulepackIdSchema,
  z
    .strictObject({ byGrade: z.record(z.string(), rulepackIdSchema), otherwise: rulepackIdSchema })
    .superRefine((selection, ctx) => {
      const taken = new Map<number, string>();
      for (const range of Object.keys(selection.byGrade)) {
        const grades = gradesIn(range);
        if (!grades) {
          addBilingualIssue(
            ctx,
            ['byGrade', range],
            `"${range}" phải là một khối hoặc khoảng khối từ 1 đến 12, ví dụ "6-9"`,
            `"${range}" must be a grade or a grade range within 1–12, e.g. "6-9"`,
          );
          continue;
        }
        for (const grade of grades) {
          const other = taken.get(grade);
          if (other !== undefined) {
            addBilingualIssue(
              ctx,
              ['byGrade', range],
              `khối ${grade} nằm trong cả "${other}" và "${range}"`,
              `grade ${grade} is in both "${other}" and "${range}"`,
            );
            break;
          }
          taken.set(grade, range);
        }
      }
    }),
]);

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

const contextSchema = z.strictObject(
  Object.fromEntries(contextFields.map((field) => [field, contextFieldSchema])) as Record<
    ContextField,
    typeof contextFieldSchema
  >,
);

/** The parts of the page key, in order: which book (or list) a draft or a problem belongs to. */
const pageKeySchema = z.array(z.enum(contextFields)).min(1);

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

const gridSchema = gridShapeSchema
  .extend({
    /** Logical columns (see `gridColumnKinds`); `name` may span several cells (family, given name). */
    columns: z.partialRecord(z.enum(gridColumnKinds), columnSchema),
  })
  .superRefine((grid, ctx) => {
    if (Object.keys(grid.columns).length === 0) {
      addBilingualIssue(ctx, ['columns'], 'cần ít nhất một cột', 'needs at least one column');
    }
  });

/** When a cell is locked (any one holds): no input in it, a disabled or read-only input, or a selector. */
const lockedWhenSchema = z.union([
  z.enum(['no-input', 'disabled', 'readonly']),
  z.strictObject({ selector: selectorSchema }),
]);

/** An attribute of a cell's input (or, failing that, of the cell). */
const attrSchema = z.strictObject({ attr: z.string().min(1) });

/** How editable cells look. */
const cellSchema = z.strictObject({
  /** The inputs (`input`, `textarea`) of editable cells. */
  input: selectorSchema,
  /** A span that turns into an input when clicked. */
  clickToEdit: selectorSchema.optional(),
  locked: z.array(lockedWhenSchema).min(1),
  /** The value the portal last saved (vnEdu: `value0`): a cell differing from it is unsaved. */
  savedValue: attrSchema.optional(),
  /** Who saved the cell last and when ("<user> - HH:MM:SS dd/mm/yyyy"). */
  lastEdit: attrSchema.optional(),
});

/** The portal's own save: nothing is stored until it is pressed. */
const saveSchema = z.strictObject({
  button: targetSchema,
  /** Shown after a save that worked / failed (e.g. `p.message-of-success`, `.swal2-icon-error`). */
  success: selectorSchema.optional(),
  error: selectorSchema.optional(),
});

const pageBase = {
  /** A name for people teaching or reading the profile. */
  name: z.string().min(1).optional(),
  when: detectorSchema,
  container: containerSchema.optional(),
};

const gradeGridPageSchema = z.strictObject({
  ...pageBase,
  kind: z.literal('grade-grid'),
  rulepack: rulepackSelectionSchema,
  context: contextSchema.optional(),
  /** The page key's parts (default `defaultPageKey`: school, year, class, subject, term, period). */
  key: pageKeySchema.optional(),
  grid: gridSchema,
  cell: cellSchema,
  save: saveSchema,
});

/** Lists read to count completeness (stats). */
const listPageSchema = (kind: 'stats') =>
  z.strictObject({ ...pageBase, kind: z.literal(kind), context: contextSchema.optional(), grid: gridSchema });

/** Recognised so that features stand back and a sync stops with "needs login". */
const loginPageSchema = z.strictObject({
  ...pageBase,
  kind: z.literal('login'),
  /** Present on portals with a captcha, which EduLens never tries to solve. */
  captcha: selectorSchema.optional(),
});

/** Upload of a ministry template (e.g. CSDL's "Tải lên" of results). */
const importUploadPageSchema = z.strictObject({
  ...pageBase,
  kind: z.literal('import-upload'),
  context: contextSchema.optional(),
  file: selectorSchema,
  submit: targetSchema,
  result: z.strictObject({ success: selectorSchema, error: selectorSchema }),
});

export const pageSchema = z.discriminatedUnion('kind', [
  gradeGridPageSchema,
  ...recordPageSchemas({
    pageBase,
    selectorSchema,
    textVariantsSchema,
    targetSchema,
    saveSchema,
    contextSchema,
    gridShapeSchema,
    columnSchema,
  }),
  listPageSchema('stats'),
  loginPageSchema,
  importUploadPageSchema,
]);

/**
 * One step of a scheduled sync, run by the agent in a session the person opened. Validated now,
 * interpreted later. Values may hold {{placeholders}} that the job fills (grade, period…).
 */
const syncStepSchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('goto'),
    /** Absolute, or a path on the portal's host ("/C1/KetQuaHocTapImportExcel.aspx"). */
    url: textMatching(
      /^(?:https?:\/\/|\/)/,
      'phải là địa chỉ http(s):// hoặc đường dẫn bắt đầu bằng "/"',
      'must be an http(s):// address or a path starting with "/"',
    ),
  }),
  z.strictObject({ action: z.literal('fill'), target: targetSchema, value: z.string() }),
  z.strictObject({ action: z.literal('click'), target: targetSchema }),
  z.strictObject({
    action: z.literal('upload'),
    target: selectorSchema,
    /** Which file the agent prepared for this job, e.g. "ministry-results-template". */
    file: idSchema,
  }),
  z
    .strictObject({
      action: z.literal('expect'),
      target: targetSchema.optional(),
      url: matchPatternSchema.optional(),
      timeoutMs: z.number().int().min(1).max(600_000).optional(),
    })
    .superRefine((step, ctx) => {
      if (step.target === undefined && step.url === undefined) {
        addBilingualIssue(
          ctx,
          [],
          'cần "target" hoặc "url" để chờ',
          'needs a "target" or a "url" to wait for',
        );
      }
    }),
]);

export const profileSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    /** Raised with every change, so drafts and teach-mode edits know which profile they followed. */
    version: z.number().int().min(1),
    match: z.array(matchPatternSchema).min(1),
    /**
     * Pages of the local portal simulator (tests, demo). Matched only by a test build of the
     * extension (`EDULENS_TEST_BUILD=1`); a packaged build lists `match` alone.
     */
    testMatch: z.array(matchPatternSchema).min(1).optional(),
    calendar: calendarRefSchema,
    pages: z.array(pageSchema).min(1),
    sync: z.array(syncStepSchema).min(1).optional(),
  })
  .superRefine((profile, ctx) => {
    const resolved = resolveCalendar(profile.calendar);
    if (resolved.ok) return;
    for (const p of resolved.problems) {
      addBilingualIssue(ctx, ['calendar', 'override'], p.message.vi, p.message.en);
    }
  });

export type Profile = z.infer<typeof profileSchema>;
export type ProfilePage = z.infer<typeof pageSchema>;
export type PageKind = ProfilePage['kind'];
export type RulepackSelection = z.infer<typeof rulepackSelectionSchema>;
export { selectRulepack } from './select-rulepack';
export type SyncStep = z.infer<typeof syncStepSchema>;
export type Target = z.infer<typeof targetSchema>;
export type GridShape = z.infer<typeof gridShapeSchema>;
export type GridColumnSpec = z.infer<typeof columnSchema>;
/** Parts for page kinds defined beside this file (record pages). */
export {
  contextSchema,
  contextSourceSchema,
  pageBase,
  pageKeySchema,
  saveSchema,
  selectorSchema,
  targetSchema,
  textVariantsSchema,
};
