import { z } from 'zod';
import { calendarRefSchema, resolveCalendar } from '../calendar/override';
import { rulepackIds } from '../rules/rulepack';
import { isMatchPattern } from './match-pattern';
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
  /** Floating window holding the page (ExtJS `.x-window`); the active one when several match. */
  window: selectorSchema.optional(),
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
 * grades, and grades still on the old rules during a roll-out, use different rulepacks.
 */
const rulepackSelectionSchema = z.union([
  rulepackIdSchema,
  z.strictObject({ byGrade: z.record(z.string(), rulepackIdSchema) }).superRefine((selection, ctx) => {
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

const contextFieldSchema = z.strictObject({ label: textVariantsSchema }).optional();

/** Filters shown above a grid or form, each found by the label next to it ("Lớp", "Môn"). */
const contextSchema = z.strictObject({
  school: contextFieldSchema,
  schoolYear: contextFieldSchema,
  grade: contextFieldSchema,
  class: contextFieldSchema,
  subject: contextFieldSchema,
  term: contextFieldSchema,
});

/** Only part of a long list is in the page at a time. */
const paginationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pages'), next: targetSchema }),
  z.strictObject({ kind: z.literal('virtual-scroll'), scroller: selectorSchema }),
]);

const columnSchema = z.strictObject({
  header: textVariantsSchema,
  /** The header spans a group of cells (ĐĐGtx 1…n): one value per cell under it. */
  repeat: z.boolean().optional(),
  /** Computed by the portal (averages): read, never filled. */
  computed: z.boolean().optional(),
});

/** A table found by its header texts, never by column positions, which change every year. */
const gridSchema = z
  .strictObject({
    table: selectorSchema,
    /** Header rows built with rowspan/colspan, read together to name each column. */
    headerRows: z.number().int().min(1).max(4),
    /** The column that identifies a row (student or staff code). */
    rowKey: z.strictObject({ header: textVariantsSchema }),
    columns: z.record(z.string().min(1), columnSchema),
    pagination: paginationSchema.optional(),
  })
  .superRefine((grid, ctx) => {
    if (Object.keys(grid.columns).length === 0) {
      addBilingualIssue(ctx, ['columns'], 'cần ít nhất một cột', 'needs at least one column');
    }
  });

/** How editable cells look. */
const cellSchema = z.strictObject({
  input: selectorSchema,
  /** A span that turns into an input when clicked. */
  clickToEdit: selectorSchema.optional(),
  /** "no-input": a cell without an input is locked; or a selector matching locked cells. */
  lockedWhen: z.union([z.literal('no-input'), z.strictObject({ selector: selectorSchema })]),
});

/** The portal's own save: nothing is stored until it is pressed. */
const saveSchema = z.strictObject({
  button: targetSchema,
  /** Shown after a save that worked / failed (e.g. `p.message-of-success`, `.swal2-icon-error`). */
  success: selectorSchema.optional(),
  error: selectorSchema.optional(),
});

/** Which field rule checks a form field (see rules/fields). */
const fieldCheckSchema = z.enum(['citizen-id', 'old-id-card', 'mobile', 'person-name', 'date']);

const formFieldSchema = z.strictObject({
  label: textVariantsSchema,
  /** When the label does not lead to the input, the input itself. */
  input: selectorSchema.optional(),
  check: fieldCheckSchema.optional(),
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
  grid: gridSchema,
  cell: cellSchema,
  save: saveSchema,
});

/** Lists read to match rows (student-list) or to count completeness (stats). */
const listPageSchema = (kind: 'student-list' | 'stats') =>
  z.strictObject({ ...pageBase, kind: z.literal(kind), context: contextSchema.optional(), grid: gridSchema });

const staffFormPageSchema = z.strictObject({
  ...pageBase,
  kind: z.literal('staff-form'),
  fields: z.record(z.string().min(1), formFieldSchema),
  save: saveSchema,
});

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
  listPageSchema('student-list'),
  listPageSchema('stats'),
  staffFormPageSchema,
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
