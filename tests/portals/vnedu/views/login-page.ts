import type { Challenge } from '../captcha';
import { escapeHtml, htmlPage } from './html';

export interface LoginPageProps {
  challenge: Challenge;
  next: string;
  username?: string;
  error?: string;
  /** Shown after a session ran out. */
  info?: string;
}

export function loginPage({ challenge, next, username = '', error, info }: LoginPageProps): string {
  const message =
    (error ? `<p class="login-error" role="alert">${escapeHtml(error)}</p>` : '') +
    (info ? `<p class="login-info">${escapeHtml(info)}</p>` : '');
  return htmlPage({
    title: 'vnEdu - Đăng nhập hệ thống',
    bodyClass: 'login-body',
    body: `<div class="login-box">
  <div class="x-window-header"><span class="x-window-header-text">vnEdu — Hệ thống quản lý trường học trực tuyến</span></div>
  <form id="frmLogin" method="post" action="/v5/login" autocomplete="off">
    ${message}
    <input type="hidden" name="_token" value="${escapeHtml(challenge.id)}">
    <input type="hidden" name="next" value="${escapeHtml(next)}">
    <div class="x-form-item"><label class="x-form-item-label" for="username">Tên đăng nhập</label>
      <input class="x-form-text" id="username" name="username" value="${escapeHtml(username)}" autofocus></div>
    <div class="x-form-item"><label class="x-form-item-label" for="password">Mật khẩu</label>
      <input class="x-form-text" id="password" name="password" type="password"></div>
    <div class="x-form-item"><label class="x-form-item-label" for="captcha">Mã xác nhận</label>
      <span class="captcha-row"><input class="x-form-text" id="captcha" name="captcha" maxlength="5">
      <img class="captcha" src="/v5/captcha/${escapeHtml(challenge.id)}.svg" width="130" height="40" alt="Mã xác nhận" data-test-captcha="${escapeHtml(challenge.text)}"></span></div>
    <div class="x-form-item" style="justify-content:flex-end"><button type="submit" id="btnLogin" class="x-btn-text">Đăng nhập</button></div>
  </form>
  <div class="login-foot">Sở Giáo dục và Đào tạo Đắk Nông · Hỗ trợ: 18001260</div>
</div>`,
  });
}
