import { setTimeout as sleep } from 'node:timers/promises';
import { Hono } from 'hono';
import { RECORD_FIELDS, type StudentRecord } from '../../common/record-fields';
import { TOKEN_NAME, tokenMatches } from '../antiforgery';
import { FORM_FIELDS } from '../form-fields';
import type { SmasLegacyState } from '../state';
import { validateRecord } from '../validation';
import { lockText } from '../views/lock-banner';
import { classesOf } from './page-context';
import { type LegacyEnv, requireSession } from './session-guard';

// "Lưu" on the profile form: POST /HoSoHocSinh/Luu with the token and the page's model, answered
// after the configured delay as { Type: 'success' | 'error', Message, Errors: { <posted name>: text } }.

export const SAVED = 'Thầy/cô đã cập nhật hồ sơ học sinh thành công.';
export const NOT_SAVED = 'Thầy/cô chưa cập nhật được hồ sơ: hãy kiểm tra các thông tin chưa hợp lệ.';

type Answer = { Type: 'success' | 'error'; Message: string; Errors: Record<string, string> };

export function saveRoutes(state: SmasLegacyState): Hono<LegacyEnv> {
  const app = new Hono<LegacyEnv>();

  app.post('/HoSoHocSinh/Luu', requireSession(state), async (c) => {
    const body = await c.req.parseBody();
    await sleep(state.settings.saveDelayMs);
    const refuse = (message: string, errors: Record<string, string> = {}, status: 400 | 403 | 404 = 400) =>
      c.json<Answer>({ Type: 'error', Message: message, Errors: errors }, status);
    if (!tokenMatches(c, state.secret, body[TOKEN_NAME])) {
      return refuse(
        'Yêu cầu không hợp lệ (mã chống giả mạo không đúng). Thầy/cô hãy tải lại trang.',
        {},
        403,
      );
    }
    const stored = state.records.get(Number(body.StudentID));
    if (!stored || !classesOf(state, c).some((schoolClass) => schoolClass.id === stored.classId)) {
      return refuse('Không tìm thấy học sinh hoặc thầy/cô không có quyền sửa hồ sơ này.', {}, 404);
    }
    const locked = lockText(state.lockStatus());
    if (locked) return refuse(locked, {}, 403);
    const refusal = state.refusals.get(stored.studentCode);
    if (refusal !== undefined) {
      state.refusals.delete(stored.studentCode);
      return refuse(refusal);
    }
    const posted = Object.fromEntries(
      RECORD_FIELDS.map((field) => {
        const value = body[FORM_FIELDS[field].name];
        return [field, typeof value === 'string' ? value : ''];
      }),
    ) as unknown as StudentRecord;
    const others = [...state.records.values()].filter((r) => r.studentId !== stored.studentId);
    const errors = validateRecord(posted, others);
    const named = Object.fromEntries(
      Object.entries(errors).map(([field, text]) => [FORM_FIELDS[field as keyof StudentRecord].name, text]),
    );
    if (Object.keys(named).length > 0) return refuse(NOT_SAVED, named);
    state.records.set(stored.studentId, { ...stored, ...posted });
    return c.json<Answer>({ Type: 'success', Message: SAVED, Errors: {} });
  });

  return app;
}
