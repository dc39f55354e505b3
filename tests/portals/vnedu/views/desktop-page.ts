import type { Account } from '../accounts';
import { type BookLock, lockNotice } from '../locks';
import { PROVINCE, SCHOOL_YEAR } from '../schools';
import { formatVnDate } from '../sim-clock';
import { type Term, termName } from '../subjects';
import { escapeHtml, scriptJson } from './html';

// The ExtJS-like desktop at /v5/: shortcuts that open floating windows (client/desktop.js), a
// taskbar, and the windows' contents kept in <template>s until opened.

export interface DesktopProps {
  account: Account;
  now: number;
  locks: Record<Term, BookLock>;
  /** Body of the "Nhập điểm" window: the grade panel, or an iframe holding the grade page. */
  gradeWindow: string;
  open: string | undefined;
}

const shortcut = (app: string, title: string, size: string, icon: string, caption: string) =>
  `<dt class="x-shortcut" id="${app}-shortcut" data-app="${app}" data-title="${escapeHtml(title)}" data-size="${size}"><span class="icon">${icon}</span><div>${escapeHtml(caption)}</div></dt>`;

export function desktopBody({ account, now, locks, gradeWindow, open }: DesktopProps): string {
  const notices = ([1, 2] as const)
    .map((term) => `<li><b>${termName(term)}:</b> ${escapeHtml(lockNotice(term, locks[term]))}</li>`)
    .join('');
  return `<div id="ux-header">
  <span class="logo">vn<b>Edu</b></span>
  <span>${escapeHtml(account.school.name)} — ${escapeHtml(account.school.district)}, ${PROVINCE}</span>
  <span>Năm học ${SCHOOL_YEAR}</span>
  <span class="spacer"></span>
  <span class="user-name">${escapeHtml(account.fullName)} (${escapeHtml(account.username)})</span>
  <a href="/v5/logout" id="lnkLogout">Đăng xuất</a>
</div>
<dl id="x-shortcuts">
${shortcut('nhap-diem', 'Nhập điểm môn học', '1000x600', 'Đ', 'Nhập điểm')}
${shortcut('thong-bao', 'Thông báo', '460x240', 'i', 'Thông báo')}
</dl>
<div id="ux-taskbar"><button type="button" id="ux-startbutton" class="x-btn-text">vnEdu</button><div id="ux-taskbuttons"></div><span class="ux-taskbar-clock">${formatVnDate(now)}</span></div>
<template id="tpl-nhap-diem">${gradeWindow}</template>
<template id="tpl-thong-bao"><ul class="notice-list">${notices}<li>Điểm đã nhập chỉ được ghi nhận sau khi bấm <b>Lưu</b>.</li></ul></template>
<script type="application/json" id="desktop-config">${scriptJson({ open: open ?? null })}</script>`;
}
