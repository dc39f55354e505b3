import { z } from 'zod';
import { recordFields, recordKinds } from './record-fields';
import {
  columnSchema,
  contextSchema,
  gridShapeSchema,
  pageBase,
  saveSchema,
  selectorSchema,
  targetSchema,
  textVariantsSchema,
} from './blocks';
import { addBilingualIssue, textMatching } from './zod-kit';

// The record pages of a profile: a list of records (the students of a class) and the form of one
// record, built from the blocks every page kind uses; schema.ts puts them in its page union.

const recordFieldEnum = z.enum(recordFields);

/**
 * A coded field drawn as a combo box (Telerik RadComboBox): the text the user types, a hidden
 * input holding the chosen item's value, and the items. `text`, `value` and `items` are looked
 * for inside the field's `root` first, then in the whole form document (pop-up lists are often
 * moved to the end of the body).
 */
const comboSchema = z.strictObject({
  root: selectorSchema,
  text: selectorSchema,
  value: selectorSchema,
  items: selectorSchema,
});

/** One logical field of the form: found by its label's text, or by `input` when given. */
const formFieldSchema = z.strictObject({
  label: textVariantsSchema,
  input: selectorSchema.optional(),
  combo: comboSchema.optional(),
});

/** After "Lưu": the page's own answer, a message under a field, a pop-up and its OK button. */
const recordSaveSchema = saveSchema.extend({
  fieldError: selectorSchema.optional(),
  alert: z.strictObject({ dialog: selectorSchema, text: selectorSchema, ok: selectorSchema }).optional(),
});

export const recordFormPageSchema = z
  .strictObject({
    ...pageBase,
    kind: z.literal('record-form'),
    record: z.enum(recordKinds),
    /** The form element: every field is looked for inside it. */
    form: selectorSchema,
    fields: z.partialRecord(recordFieldEnum, formFieldSchema),
    /** Fields a complete record must have (what the completeness meter counts). */
    required: z.array(recordFieldEnum).min(1),
    save: recordSaveSchema,
    /** The portal has locked the form (a locked period) when any one holds. */
    locked: z
      .array(z.union([z.enum(['disabled', 'readonly']), z.strictObject({ selector: selectorSchema })]))
      .min(1),
  })
  .superRefine((page, ctx) => {
    for (const [i, field] of page.required.entries()) {
      if (page.fields[field] === undefined) {
        addBilingualIssue(
          ctx,
          ['required', i],
          `trường bắt buộc "${field}" không có trong "fields"`,
          `required field "${field}" is not in "fields"`,
        );
      }
    }
  });

export const recordListPageSchema = z.strictObject({
  ...pageBase,
  kind: z.literal('record-list'),
  record: z.enum(recordKinds),
  context: contextSchema.optional(),
  /** The table of records (header, body, rows to skip, pager) and the record fields it shows. */
  grid: gridShapeSchema.extend({
    columns: z.partialRecord(recordFieldEnum, columnSchema),
  }),
  /** In a row: what opens the record's form ("Sửa"). */
  open: targetSchema,
  /**
   * The address of a record's form document (same origin): `{id}` in `url` is the value of `attr`
   * on the row's `open` element. Lets the list's completeness read records not opened yet.
   */
  formUrl: z
    .strictObject({
      attr: z.string().min(1),
      url: textMatching(
        (url) => url.startsWith('/') && url.includes('{id}'),
        'phải là đường dẫn bắt đầu bằng "/" và chứa "{id}"',
        'must be a path starting with "/" that holds "{id}"',
      ),
    })
    .optional(),
});
