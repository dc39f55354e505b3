import { attrs, escapeHtml } from '../../vnedu/views/html';

// The SSO's sign-in page: a plain form that posts back to /connect/authorize with the client's
// parameters, and the error of the last attempt.

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
}

export const CREDENTIAL_MAX = 128;

export function ssoLoginPage(
  request: AuthorizeRequest,
  options: { username?: string; error?: string } = {},
): string {
  const hidden = (name: string, value: string) => `<input${attrs({ type: 'hidden', name, value })}>`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Đăng nhập - SMAS</title>
<style>body{font-family:Arial,sans-serif;background:#eef3f8}form{width:320px;margin:80px auto;background:#fff;padding:24px;border-radius:6px}
label{display:block;margin-top:12px}input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:6px}
.error{color:#c00;margin-top:12px}button{margin-top:16px;padding:8px 16px}</style></head>
<body><form id="loginForm" method="post" action="/connect/authorize">
<h1>Đăng nhập hệ thống SMAS</h1>
${hidden('client_id', request.clientId)}${hidden('redirect_uri', request.redirectUri)}${hidden('state', request.state)}
<label for="username">Tên đăng nhập</label>
<input${attrs({ type: 'text', id: 'username', name: 'username', maxlength: CREDENTIAL_MAX, value: options.username ?? '', autocomplete: 'username' })}>
<label for="password">Mật khẩu</label>
<input${attrs({ type: 'password', id: 'password', name: 'password', maxlength: CREDENTIAL_MAX, autocomplete: 'current-password' })}>
${options.error ? `<div class="error" id="loginError">${escapeHtml(options.error)}</div>` : ''}
<button type="submit" id="btnLogin">Đăng nhập</button>
</form></body></html>`;
}
