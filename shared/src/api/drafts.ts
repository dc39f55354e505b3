import { z } from 'zod';
import { PageKeySchema } from '../page/schemas';
import { ApiErrorSchema } from './errors';

/** Portal profile id, e.g. `vnedu`, `csdl-nganh`. */
export const ProfileIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes');

/** One input on the page, e.g. `HS0012.tx1`. */
export const FieldNameSchema = z.string().min(1).max(200);

/** What the teacher typed; null records that the field was cleared. */
export const DraftValueSchema = z.string().max(10_000).nullable();

/** The version a client last saw; 0 means "I believe there is no draft yet". */
export const BaseVersionSchema = z.number().int().nonnegative();

export const SaveDraftRequestSchema = z.strictObject({
  profile: ProfileIdSchema,
  page: PageKeySchema,
  field: FieldNameSchema,
  value: DraftValueSchema,
  /** Omit to overwrite whatever is stored (last writer wins). */
  baseVersion: BaseVersionSchema.optional(),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;

export const DraftSchema = z.object({
  profile: ProfileIdSchema,
  page: PageKeySchema,
  field: FieldNameSchema,
  value: DraftValueSchema,
  /** Grows by one on every save and delete of this field, so a stale client is always detected. */
  version: z.number().int().positive(),
  savedAt: z.iso.datetime(),
  /** True when the latest change was a delete: in a delete's answer and in a conflict's `current`. */
  deleted: z.boolean(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const DraftResponseSchema = z.object({ draft: DraftSchema });
export type DraftResponse = z.infer<typeof DraftResponseSchema>;

/** 409: the client's baseVersion is stale; `current` is what is stored now (null: nothing ever was). */
export const DraftConflictResponseSchema = ApiErrorSchema.extend({ current: DraftSchema.nullable() });
export type DraftConflictResponse = z.infer<typeof DraftConflictResponseSchema>;

// Custom issues carry their Vietnamese wording in `params.vi`; the agent puts it first in its answer.

// Query strings carry the page key as JSON (`page={"class":"6A1",...}`), because its names vary by page.
const PageParamSchema = z
  .string()
  .max(4_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON object',
        params: { vi: 'phải là một đối tượng JSON' },
      });
      return z.NEVER;
    }
  })
  .pipe(PageKeySchema);

const CountParamSchema = z
  .string()
  .regex(/^\d{1,9}$/, 'a whole number')
  .transform((digits) => Number(digits));

export const DraftPageQuerySchema = z.strictObject({ profile: ProfileIdSchema, page: PageParamSchema });
export type DraftPageQuery = z.infer<typeof DraftPageQuerySchema>;

/**
 * The same read as a JSON body (`POST /api/drafts/page`), which the extension uses: Chromium sends
 * no Origin on an extension's GET, and a token bound to the extension is honoured only with it.
 */
export const PageDraftsRequestSchema = z.strictObject({ profile: ProfileIdSchema, page: PageKeySchema });
export type PageDraftsRequest = z.infer<typeof PageDraftsRequestSchema>;

export const DraftFieldQuerySchema = DraftPageQuerySchema.extend({ field: FieldNameSchema });
export type DraftFieldQuery = z.infer<typeof DraftFieldQuerySchema>;

export const DeleteDraftQuerySchema = DraftFieldQuerySchema.extend({
  baseVersion: CountParamSchema.optional(),
});
export type DeleteDraftQuery = z.infer<typeof DeleteDraftQuerySchema>;

export const DraftHistoryQuerySchema = DraftFieldQuerySchema.extend({
  limit: CountParamSchema.pipe(z.number().int().min(1).max(1_000)).optional(),
});
export type DraftHistoryQuery = z.infer<typeof DraftHistoryQuerySchema>;

export const DraftPagesQuerySchema = z.strictObject({ profile: ProfileIdSchema });
export type DraftPagesQuery = z.infer<typeof DraftPagesQuerySchema>;

/** "Restore all drafts for this page": every live draft of one page. */
export const PageDraftsResponseSchema = z.object({ drafts: z.array(DraftSchema) });
export type PageDraftsResponse = z.infer<typeof PageDraftsResponseSchema>;

export const DraftRevisionSchema = z.object({
  version: z.number().int().positive(),
  value: DraftValueSchema,
  savedAt: z.iso.datetime(),
  deleted: z.boolean(),
});
export type DraftRevision = z.infer<typeof DraftRevisionSchema>;

/** Newest first. */
export const DraftHistoryResponseSchema = z.object({ revisions: z.array(DraftRevisionSchema) });
export type DraftHistoryResponse = z.infer<typeof DraftHistoryResponseSchema>;

export const DraftPageSummarySchema = z.object({
  page: PageKeySchema,
  drafts: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
});
export type DraftPageSummary = z.infer<typeof DraftPageSummarySchema>;

/** Pages of one profile that hold live drafts, most recently edited first. */
export const DraftPagesResponseSchema = z.object({ pages: z.array(DraftPageSummarySchema) });
export type DraftPagesResponse = z.infer<typeof DraftPagesResponseSchema>;
