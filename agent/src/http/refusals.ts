import type { ApiError, ApiErrorCode, ApiIssue } from '@edulens/shared/api';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type DiskProblem, describeDiskProblem } from '../store/disk-errors';
import type { AgentEnv } from './env';

export interface Refusal {
  status: ContentfulStatusCode;
  code: ApiErrorCode;
  vi: string;
  en: string;
}

const refusal = (status: ContentfulStatusCode, code: ApiErrorCode, vi: string, en: string): Refusal => ({
  status,
  code,
  vi,
  en,
});

/** Every way the agent says no, in one place, so the wording stays consistent and Vietnamese-first. */
export const refusals = {
  hostForbidden: refusal(
    403,
    'host.forbidden',
    'Từ chối: địa chỉ máy chủ (Host) không phải 127.0.0.1 hay localhost của EduLens.',
    'Refused: the Host header is not the EduLens agent on 127.0.0.1 or localhost.',
  ),
  originForbidden: refusal(
    403,
    'origin.forbidden',
    'Từ chối: trang web hoặc tiện ích này chưa được ghép nối với EduLens.',
    'Refused: this web page or extension is not paired with EduLens.',
  ),
  tokenOfOtherOrigin: refusal(
    403,
    'origin.forbidden',
    'Từ chối: mã truy cập này được cấp cho một tiện ích khác.',
    'Refused: this access token was issued to a different extension.',
  ),
  tokenWithoutOrigin: refusal(
    403,
    'origin.forbidden',
    'Từ chối: mã truy cập này được cấp cho một tiện ích và chỉ dùng được từ tiện ích đó (yêu cầu không có Origin).',
    'Refused: this access token was issued to an extension and works only from it (the request has no Origin).',
  ),
  authMissing: refusal(
    401,
    'auth.missing',
    'Cần ghép nối: thiếu mã truy cập (Authorization: Bearer …).',
    'Pairing required: the access token (Authorization: Bearer …) is missing.',
  ),
  authInvalid: refusal(
    401,
    'auth.invalid',
    'Mã truy cập không hợp lệ; hãy ghép nối lại bằng mã mới từ "edulens pair".',
    'The access token is not valid; pair again with a new code from "edulens pair".',
  ),
  authExpired: refusal(
    401,
    'auth.expired',
    'Mã truy cập đã hết hạn; hãy ghép nối lại bằng mã mới từ "edulens pair".',
    'The access token has expired; pair again with a new code from "edulens pair".',
  ),
  pairingInvalidCode: refusal(
    400,
    'pairing.invalid_code',
    'Mã ghép nối sai, đã dùng hoặc đã hết hạn; chạy "edulens pair" để lấy mã mới.',
    'The pairing code is wrong, already used or expired; run "edulens pair" for a new one.',
  ),
  pairingRateLimited: refusal(
    429,
    'pairing.rate_limited',
    'Đã nhập sai mã ghép nối này quá nhiều lần; hãy chạy "edulens pair" để lấy mã mới.',
    'Too many wrong guesses at this pairing code; run "edulens pair" for a new one.',
  ),
  tooLarge: (maxBytes: number) =>
    refusal(
      413,
      'request.too_large',
      `Dữ liệu gửi lên quá lớn (tối đa ${maxBytes} byte).`,
      `The request body is too large (at most ${maxBytes} bytes).`,
    ),
  malformedJson: refusal(
    400,
    'request.malformed_json',
    'Dữ liệu gửi lên không phải JSON hợp lệ.',
    'The request body is not valid JSON.',
  ),
  notJson: refusal(
    415,
    'request.content_type',
    'Dữ liệu gửi lên phải có Content-Type: application/json.',
    'The request body must be sent with Content-Type: application/json.',
  ),
  draftNotFound: refusal(
    404,
    'draft.not_found',
    'Không có bản nháp cho ô này.',
    'There is no draft for this field.',
  ),
  draftConflict: refusal(
    409,
    'draft.conflict',
    'Bản nháp đã được thay đổi ở nơi khác (phiên bản bạn có đã cũ); xem giá trị hiện tại trong "current".',
    'The draft was changed elsewhere (your version is stale); the stored one is in "current".',
  ),
  routeNotFound: refusal(404, 'route.not_found', 'Không có địa chỉ này.', 'No such endpoint.'),
  internal: refusal(
    500,
    'agent.internal',
    'Lỗi bên trong EduLens; xem nhật ký trong thư mục dữ liệu.',
    'Internal EduLens error; see the log in the data folder.',
  ),
  /** 507 Insufficient Storage: the write was not kept (nothing is acknowledged that is not on disk). */
  storage: (problem: DiskProblem, folder: string) => {
    const { vi, en } = describeDiskProblem(problem, folder);
    return refusal(
      507,
      problem.kind === 'full' ? 'storage.full' : 'storage.unwritable',
      `Chưa lưu được: ${vi}`,
      `Not saved: ${en}`,
    );
  },
} as const;

/** Answers with the uniform error body; `extra` adds fields beside `error` (e.g. a conflict's `current`). */
export function refuse(
  c: Context<AgentEnv>,
  reason: Refusal,
  options: { issues?: ApiIssue[]; extra?: Record<string, unknown> } = {},
): Response {
  c.set('refusal', reason.code);
  const body: ApiError = {
    error: {
      code: reason.code,
      message: { vi: reason.vi, en: reason.en },
      ...(options.issues ? { issues: options.issues } : {}),
    },
  };
  return c.json({ ...body, ...options.extra }, reason.status);
}
