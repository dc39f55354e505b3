import { Hono } from 'hono';
import { z } from 'zod';
import { bookView, findBook, storedCells } from '../book';
import { saveBook } from '../save-book';
import { refillGeneration, type VnEduState } from '../state';
import type { Term } from '../subjects';
import { type PortalEnv, requireSession } from './session-guard';

// The grade page's XHR endpoints: load a book, save it ("Lưu"), and the background poll that
// re-fills cells from the server.

const termOf = (value: unknown): Term => (value === '2' || value === 2 ? 2 : 1);

const saveBodySchema = z.object({
  lop: z.string(),
  mon: z.string(),
  hk: z.union([z.literal(1), z.literal(2), z.literal('1'), z.literal('2')]),
  diem: z.record(z.string(), z.record(z.string(), z.string())),
});

const delaySchema = z.coerce.number().int().min(0).max(600_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function gradeRoutes(state: VnEduState): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();

  app.get('/v5/so-diem/bang-diem', requireSession(state), (c) => {
    const { lop, mon, hk } = c.req.query();
    const found = findBook(state, c.get('account'), lop, mon, termOf(hk));
    if (!found.ok) return c.json({ ok: false, message: found.message }, found.status);
    return c.json(bookView(state, found.book));
  });

  app.post('/v5/so-diem/luu', requireSession(state), async (c) => {
    const delay = delaySchema.safeParse(c.req.query('delay'));
    const ms = delay.success ? delay.data : state.settings.saveDelayMs;
    if (ms > 0) await sleep(ms);

    if (c.req.header('X-CSRF-Token') !== c.get('session').csrf) {
      const message = 'Mã xác thực biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi nhập lại.';
      return c.json({ ok: false, code: 'CSRF', message }, 403);
    }
    const parsed = saveBodySchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ ok: false, message: 'Dữ liệu gửi lên không đúng định dạng.' }, 400);
    const { lop, mon, hk, diem } = parsed.data;
    const found = findBook(state, c.get('account'), lop, mon, termOf(hk));
    if (!found.ok) return c.json({ ok: false, message: found.message }, found.status);

    const outcome = saveBook(state, found.book, diem);
    if (!outcome.ok) {
      const code = outcome.status === 403 ? 'LOCKED' : 'INVALID';
      return c.json({ ok: false, code, message: outcome.message, errors: outcome.errors }, outcome.status);
    }
    const detail = outcome.changed > 0 ? `Đã cập nhật ${outcome.changed} ô.` : 'Không có ô nào thay đổi.';
    return c.json({
      ok: true,
      message: `Lưu dữ liệu thành công! ${detail}`,
      changed: outcome.changed,
      book: bookView(state, found.book),
    });
  });

  app.get('/v5/so-diem/cap-nhat', requireSession(state, true), (c) => {
    const { lop, mon, hk, gen } = c.req.query();
    const found = findBook(state, c.get('account'), lop, mon, termOf(hk));
    if (!found.ok) return c.json({ ok: false, message: found.message }, found.status);
    const generation = refillGeneration(state);
    // A page that has seen an older generation gets the stored values back, over its typing.
    const due = gen !== undefined && gen !== '' && gen !== generation;
    return c.json(due ? { generation, cells: storedCells(state, found.book) } : { generation });
  });

  return app;
}
