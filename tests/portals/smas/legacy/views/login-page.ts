import { escapeHtml } from '../../../vnedu/views/html';
import { legacyPage } from './layout';

export interface LoginView {
  token: string;
  returnUrl?: string;
  userName?: string;
  error?: string;
  info?: string;
}

export function loginPage({ token, returnUrl, userName = '', error, info }: LoginView): string {
  const returnQuery = returnUrl ? `?ReturnUrl=${encodeURIComponent(returnUrl)}` : '';
  return legacyPage({
    title: 'Đăng nhập',
    body: `<form id="formLogOn" method="post" action="/Home/LogOn${escapeHtml(returnQuery)}">
<h2>Đăng nhập hệ thống SMAS</h2>
${info ? `<p class="message-of-error">${escapeHtml(info)}</p>` : ''}
<input name="__RequestVerificationToken" type="hidden" value="${escapeHtml(token)}">
<input name="ReturnUrl" type="hidden" value="${escapeHtml(returnUrl ?? '')}">
<label for="UserName">Tên đăng nhập</label>
<input id="UserName" name="UserName" type="text" maxlength="128" value="${escapeHtml(userName)}" autocomplete="username">
<label for="Password">Mật khẩu</label>
<input id="Password" name="Password" type="password" maxlength="128" autocomplete="current-password">
<div id="idErrorMessage">${escapeHtml(error ?? '')}</div>
<input id="btnLogOn" type="submit" value="Đăng nhập">
</form>`,
  });
}
