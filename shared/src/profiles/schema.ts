import { z } from 'zod';
import { calendarRefSchema, resolveCalendar } from '../calendar/override';
import { rulepackIds } from '../rules/rulepack';
import {
  columnSchema,
  contextSchema,
  gridShapeSchema,
  matchPatternSchema,
  pageBase,
  saveSchema,
  selectorSchema,
  targetSchema,
} from './blocks';
import { contextFields, gridColumnKinds } from './columns';
import { recordFormPageSchema, recordListPageSchema } from './record-pages';
import { gradesIn } from './select-rulepack';
import { addBilingualIssue, idSchema, textMatching } from './zod-kit';

// A portal profile is everything EduLens knows about one portal's pages, as data: the page kinds
// built from the blocks in blocks.ts (record pages in record-pages.ts), the sync steps and the
// profile itself.

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

/** The parts of the page key, in order: which book (or list) a draft or a problem belongs to. */
const pageKeySchema = z.array(z.enum(contextFields)).min(1);

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
  recordFormPageSchema,
  recordListPageSchema,
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
export { columnSchema, gridShapeSchema } from './blocks';
