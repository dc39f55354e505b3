import type { MiddlewareHandler } from 'hono';
import type { SmasCurrentState } from './state';

// Every API call carries a Bearer token from the SSO and the school year in a SchoolYear header.
// A token that was good and has run out answers 401, which the app takes as "refresh and retry".

export interface ApiEnv {
  Variables: { username: string };
}

export function apiGuard(state: SmasCurrentState): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const token = /^Bearer (\S{1,200})$/.exec(header)?.[1];
    const unauthorized = (message: string, error: string) => {
      c.header('WWW-Authenticate', `Bearer error="${error}"`);
      return c.json({ message }, 401);
    };
    if (!token) return unauthorized('Chưa đăng nhập: thiếu mã truy cập (Bearer).', 'invalid_request');
    const user = state.tokens.user(token, state.clock.now());
    if (user === undefined) return unauthorized('Mã truy cập không hợp lệ.', 'invalid_token');
    if (user === 'expired') return unauthorized('Phiên làm việc đã hết hạn.', 'invalid_token');
    const year = c.req.header('SchoolYear');
    if (year === undefined || year.trim() === '')
      return c.json(
        { message: `Thiếu năm học: yêu cầu phải có tiêu đề SchoolYear (ví dụ ${state.schoolYearLabel}).` },
        400,
      );
    if (year.trim() !== state.schoolYearLabel)
      return c.json({ message: `Không có dữ liệu năm học ${year.trim().slice(0, 20)}.` }, 400);
    c.set('username', user);
    await next();
  };
}
