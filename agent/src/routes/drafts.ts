import {
  DeleteDraftQuerySchema,
  type Draft,
  DraftFieldQuerySchema,
  DraftHistoryQuerySchema,
  type DraftHistoryResponse,
  DraftPageQuerySchema,
  PageDraftsRequestSchema,
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
import { diskProblem } from '../store/disk-errors';
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
  /**
   * A write the disk refused (full, read-only, …) is answered 507 and the agent keeps serving: the
   * next write tries the disk again, so saving resumes by itself once space is freed.
   */
  const write = async <T>(
    c: Context<AgentEnv>,
    run: () => T,
  ): Promise<{ done: T } | { refused: Response }> => {
    try {
      return { done: await store.writes.submit(run) };
    } catch (error) {
      const problem = diskProblem(error, store.directory);
      if (!problem) throw error;
      const refusal = refusals.storage(problem, store.directory);
      c.set('cause', problem.code);
      c.set('detail', refusal.en);
      return { refused: refuse(c, refusal) };
    }
  };

  return (
    new Hono<AgentEnv>()
      .post('/', requireJson, validJson(SaveDraftRequestSchema), async (c) => {
        const request = c.req.valid('json');
        const saved = await write(c, () => store.drafts.save(request, now()));
        if ('refused' in saved) return saved.refused;
        const outcome = saved.done;
        if (outcome.status === 'conflict') return conflict(c, outcome.current);
        return c.json({ draft: outcome.draft } satisfies DraftResponse);
      })
      .get('/', validQuery(DraftPageQuerySchema), (c) => {
        const { profile, page } = c.req.valid('query');
        return c.json({ drafts: store.drafts.listPage(profile, page) } satisfies PageDraftsResponse);
      })
      // The page's drafts again, asked with a body so that the extension's request carries its Origin.
      .post('/page', requireJson, validJson(PageDraftsRequestSchema), (c) => {
        const { profile, page } = c.req.valid('json');
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
        const removed = await write(c, () => store.drafts.remove(key, baseVersion, now()));
        if ('refused' in removed) return removed.refused;
        const outcome = removed.done;
        if (outcome.status === 'not_found') return refuse(c, refusals.draftNotFound);
        if (outcome.status === 'conflict') return conflict(c, outcome.current);
        return c.json({ draft: outcome.draft } satisfies DraftResponse);
      })
  );
}
