import { calendarRefSchema } from '@edulens/shared/calendar';
import { PageKeyReadSchema } from '@edulens/shared/page/schemas';
import { z } from 'zod';
import type { BackgroundMessages, BackgroundType, RequestOf } from './messages';
import { ON_DEMAND_SCRIPTS } from './on-demand-scripts';

// What the background takes of each request, as zod schemas. Only the background imports this
// module (the content script must carry no zod); background-handle.ts checks every request
// against it before its handler runs, since content scripts read what a portal page shows.

/** A profile id, as `shared/api` takes it. */
const profile = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
/** A cell's or field's stable id. */
const field = z.string().min(1).max(200);
/** What the teacher typed into one cell or field. */
const value = z.string().max(10_000);
/** Edits one message may carry: a bulk fill of a whole book, with room to spare. */
const MAX_EDITS = 5_000;

const nothing = z.strictObject({});

type RequestSchemas = { [T in BackgroundType]: z.ZodType<RequestOf<BackgroundMessages, T>> };

export const requestSchemas: RequestSchemas = {
  'drafts.save': z.strictObject({ profile, page: PageKeyReadSchema, field, value }),
  'drafts.saveMany': z.strictObject({
    profile,
    page: PageKeyReadSchema,
    edits: z.array(z.strictObject({ field, value })).max(MAX_EDITS),
  }),
  'drafts.forPage': z.strictObject({ profile, page: PageKeyReadSchema }),
  'drafts.clear': z.strictObject({
    profile,
    page: PageKeyReadSchema,
    fields: z.array(field).max(MAX_EDITS).optional(),
  }),
  'agent.status': nothing,
  'agent.pair': z.strictObject({
    code: z.string().min(1).max(32),
    url: z.string().max(200).optional(),
  }),
  'agent.unpair': nothing,
  'locks.forBook': z.strictObject({
    calendar: calendarRefSchema,
    yearStart: z.number().int().min(1900).max(2200).optional(),
    now: z.number().finite(),
  }),
  'scripts.inject': z.strictObject({ script: z.enum(ON_DEMAND_SCRIPTS) }),
  'i18n.catalog': z.strictObject({ lang: z.enum(['vi', 'en']) }),
};
