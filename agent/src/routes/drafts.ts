import {
  DeleteDraftQuerySchema,
  type Draft,
  DraftFieldQuerySchema,
  DraftHistoryQuerySchema,
  type DraftHistoryResponse,
  DraftPageQuerySchema,
  DraftPagesQuerySchema,
  type DraftPagesResponse,
  type DraftResponse,
  type PageDraftsResponse,
  SaveDraftRequestSchema,
} from '@edulens/shared/api';
import { type Context, Hono } from 'hono';
import type { AgentEnv } from '../http/env';
import { refusals, refuse } from '../http/refusals';
import { requireJson, validJson, validQuery } from '../http/validation';
import type { Store } from '../store/store';

export interface DraftRouteDeps {
  store: Store;
  now: () => number;
}

const DEFAULT_HISTORY_LIMIT = 100;

/**
 * Drafts API (mounted at /api/drafts). Writes go through the group-commit queue and are answered only
 * once committed to disk; reads are served straight from the database.
 */
export function draftRoutes({ store, now }: DraftRouteDeps): Hono<AgentEnv> {
  const conflict = (c: Context<AgentEnv>, current: Draft | null) =>
    refuse(c, refusals.draftConflict, { extra: { current } });

  return new Hono<AgentEnv>()
    .post('/', requireJson, validJson(SaveDraftRequestSchema), async (c) => {
      const request = c.req.valid('json');
      const outcome = await store.writes.submit(() => store.drafts.save(request, now()));
      if (outcome.status === 'conflict') return conflict(c, outcome.current);
      return c.json({ draft: outcome.draft } satisfies DraftResponse);
    })
    .get('/', validQuery(DraftPageQuerySchema), (c) => {
      const { profile, page } = c.req.valid('query');
      return c.json({ drafts: store.drafts.listPage(profile, page) } satisfies PageDraftsResponse);
    })
    .get('/pages', validQuery(DraftPagesQuerySchema), (c) =>
      c.json({ pages: store.drafts.pages(c.req.valid('query').profile) } satisfies DraftPagesResponse),
    )
    .get('/item', validQuery(DraftFieldQuerySchema), (c) => {
      const draft = store.drafts.get(c.req.valid('query'));
      return draft ? c.json({ draft } satisfies DraftResponse) : refuse(c, refusals.draftNotFound);
    })
    .get('/history', validQuery(DraftHistoryQuerySchema), (c) => {
      const { limit, ...key } = c.req.valid('query');
      return c.json({
        revisions: store.drafts.history(key, limit ?? DEFAULT_HISTORY_LIMIT),
      } satisfies DraftHistoryResponse);
    })
    .delete('/item', validQuery(DeleteDraftQuerySchema), async (c) => {
      const { baseVersion, ...key } = c.req.valid('query');
      const outcome = await store.writes.submit(() => store.drafts.remove(key, baseVersion, now()));
      if (outcome.status === 'not_found') return refuse(c, refusals.draftNotFound);
      if (outcome.status === 'conflict') return conflict(c, outcome.current);
      return c.json({ draft: outcome.draft } satisfies DraftResponse);
    });
}
