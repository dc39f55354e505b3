import { type Context, Hono } from 'hono';
import type { Account } from '../accounts';
import { type Book, computedValues, findBook, storedCells } from '../book';
import { saveBook } from '../save-book';
import { refillGeneration, type VnEduState } from '../state';
import { gridFragment } from '../views/grid-fragment';
import { type PortalEnv, requireSession } from './session-guard';

// The grade window's XHR endpoints, all on POST /v5/ with the action in `load`, as the portal
// loads its modules: the grid fragment (edu.so_diem.nhap) loaded into the window's panel, "Lưu"
// (edu.so_diem.luu) and the background poll that re-fills cells from the server
// (edu.so_diem.cap_nhat). Each posts the book's hidden fields (iNamHoc, iKhoi, iLopId, iMonHocId,
// iHocKy, muc) form-urlencoded.

export const ACTIONS = {
  load: 'edu.so_diem.nhap',
  save: 'edu.so_diem.luu',
  poll: 'edu.so_diem.cap_nhat',
} as const;

const WINDOW_ID = /^[A-Za-z][\w-]{0,63}$/;
const DELAY = /^\d{1,6}$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Posted = Array<[string, string]>;

async function postedFields(c: Context): Promise<Posted> {
  const text = await c.req.text().catch(() => '');
  return [...new URLSearchParams(text)];
}

const field = (posted: Posted, name: string) => posted.find(([key]) => key === name)?.[1];

function bookOf(state: VnEduState, account: Account, posted: Posted) {
  return findBook(state, account, {
    lop: field(posted, 'iLopId'),
    mon: field(posted, 'iMonHocId'),
    hk: field(posted, 'iHocKy'),
    muc: field(posted, 'muc'),
  });
}

/** The computed cells of every student by their short keys (tbhk, tbcn), for the page to redraw. */
function computedByCode(state: VnEduState, book: Book): Record<string, Record<string, string>> {
  return Object.fromEntries(
    book.roster.students.map((student) => {
      const values = computedValues(state, book, student.code);
      return [student.code, Object.fromEntries(book.computed.map((c) => [c.code, values[c.key] ?? '']))];
    }),
  );
}

export function gradeRoutes(state: VnEduState): Hono<PortalEnv> {
  const app = new Hono<PortalEnv>();
  const foreground = requireSession(state);
  const background = requireSession(state, true);

  app.post(
    '/v5/',
    (c, next) => (c.req.query('load') === ACTIONS.poll ? background(c, next) : foreground(c, next)),
    async (c) => {
      const action = c.req.query('load');
      const account = c.get('account');

      if (action === ACTIONS.load) {
        const posted = await postedFields(c);
        const windowId = field(posted, 'windowId') ?? '';
        if (!WINDOW_ID.test(windowId)) return c.json({ success: false, message: 'Thiếu mã cửa sổ.' }, 400);
        const found = bookOf(state, account, posted);
        if (!found.ok) return c.json({ success: false, message: found.message }, found.status);
        const lockStyle = field(posted, 'lockstyle') === 'none' ? 'none' : 'disabled';
        const html = gridFragment({ state, account, book: found.book, windowId, lockStyle });
        return c.html(html, 200, { 'X-Vnedu-Generation': refillGeneration(state) });
      }

      if (action === ACTIONS.save) {
        const delay = c.req.query('delay');
        const ms = delay !== undefined && DELAY.test(delay) ? Number(delay) : state.settings.saveDelayMs;
        if (ms > 0) await sleep(ms);
        if (c.req.header('X-CSRF-Token') !== c.get('session').csrf) {
          const message = 'Mã xác thực biểu mẫu không hợp lệ. Vui lòng tải lại trang rồi nhập lại.';
          return c.json({ success: false, code: 'CSRF', message }, 403);
        }
        const posted = await postedFields(c);
        const found = bookOf(state, account, posted);
        if (!found.ok) return c.json({ success: false, message: found.message }, found.status);
        const cells = posted.filter(([name]) => name.startsWith('txt_'));
        const outcome = saveBook(state, found.book, account, cells);
        if (!outcome.ok) {
          const code = outcome.status === 403 ? 'LOCKED' : 'INVALID';
          return c.json(
            { success: false, code, message: outcome.message, errors: outcome.errors },
            outcome.status,
          );
        }
        const detail = outcome.changed > 0 ? `Đã cập nhật ${outcome.changed} ô.` : 'Không có ô nào thay đổi.';
        return c.json({
          success: true,
          message: `Lưu dữ liệu thành công! ${detail}`,
          changed: outcome.changed,
          cells: outcome.cells,
          computed: computedByCode(state, found.book),
          generation: refillGeneration(state),
        });
      }

      if (action === ACTIONS.poll) {
        const posted = await postedFields(c);
        const found = bookOf(state, account, posted);
        if (!found.ok) return c.json({ success: false, message: found.message }, found.status);
        const generation = refillGeneration(state);
        const gen = field(posted, 'gen');
        // A page that has seen an older generation gets the stored values back, over its typing.
        const due = gen !== undefined && gen !== '' && gen !== generation;
        return c.json(due ? { generation, cells: storedCells(state, found.book) } : { generation });
      }

      return c.text('404 - Không tìm thấy chức năng.', 404);
    },
  );

  return app;
}
