import type { Account } from '../accounts';
import type { App, DesktopFlags, GridFlags } from '../grid-flags';
import { gridQuery } from '../grid-flags';
import { type BookLock, lockNotice } from '../locks';
import { PROVINCE } from '../schools';
import type { Session } from '../sessions';
import { formatVnDate } from '../sim-clock';
import type { Settings } from '../state';
import { findSubject, type Term, termName } from '../subjects';
import { bookChoices, bookPanel, bookTitle, extWindow } from './book-window';
import { attrs, escapeHtml, scriptJson } from './html';

// The ExtJS 4 desktop at /v5/: shortcuts, a taskbar, and the windows the query opens, rendered in
// opening order — the last one in front (ux-desktop-active-win, highest z-index), the others left
// in the DOM as the real desktop leaves them. Windows not open yet wait in <template>s until their
// shortcut is clicked (client/desktop.js).

export interface DesktopProps {
  account: Account;
  session: Session;
  settings: Settings;
  /** First calendar year of the school year, for the window titles and `iNamHoc`. */
  schoolYear: number;
  now: number;
  locks: Record<Term, BookLock>;
  flags: DesktopFlags;
}

export const WINDOW_IDS: Record<App, string> = {
  'nhap-diem': 'win_so_diem',
  'so-nhan-xet': 'win_so_nhan_xet',
  'thong-bao': 'win_thong_bao',
};

const shortcut = (app: App, icon: string, caption: string) =>
  `<dt${attrs({ class: 'x-shortcut', id: `${app}-shortcut`, 'data-app': app })}><span class="icon">${icon}</span><div>${escapeHtml(caption)}</div></dt>`;

/**
 * The book the "Sổ nhận xét" window holds: another book than the grade window's — a primary
 * teacher's other subject of the same class, or the same subject of the school's next class.
 */
function otherBook(account: Account, flags: GridFlags): GridFlags {
  const { options, selected } = bookChoices(account, flags);
  if (account.school.level === 'th') {
    const other = (options.mon[selected.khoi] ?? []).find((s) => s.value !== selected.mon);
    if (other) return { ...flags, lop: selected.lop, mon: other.code };
  }
  const classes = account.school.classes;
  const index = classes.findIndex((c) => String(c.id) === selected.lop);
  const next = classes[(index + 1) % classes.length]!;
  const mon = findSubject(selected.mon, account.school.level)?.code;
  return { ...flags, lop: next.name, ...(mon && { mon }) };
}

function windowBody(app: App, props: DesktopProps): string {
  const { account, session, settings, flags, now, locks } = props;
  const windowId = WINDOW_IDS[app];
  if (app === 'thong-bao') {
    const notices = ([1, 2] as const)
      .map((term) => `<li><b>${termName(term)}:</b> ${escapeHtml(lockNotice(term, locks[term]))}</li>`)
      .join('');
    return `<ul class="notice-list">${notices}<li>Hôm nay ${formatVnDate(now)}. Điểm đã nhập chỉ được ghi nhận sau khi bấm <b>Lưu</b>.</li></ul>`;
  }
  if (app === 'nhap-diem' && flags.frame === '1') {
    const query = `${gridQuery(flags)}&win=${windowId}`;
    return `<iframe${attrs({ id: 'ifrNhapDiem', name: 'ifrNhapDiem', class: 'x-window-iframe', title: 'Sổ điểm', src: `/v5/so-diem/nhap-diem?${query}` })}></iframe>`;
  }
  const bookFlags = app === 'so-nhan-xet' ? otherBook(account, flags) : flags;
  return bookPanel({ account, session, windowId, flags: bookFlags, settings, schoolYear: props.schoolYear });
}

function windowOf(app: App, props: DesktopProps, index: number, active: boolean): string {
  const title =
    app === 'nhap-diem'
      ? bookTitle('Sổ điểm', props.schoolYear)
      : app === 'so-nhan-xet'
        ? bookTitle('Sổ nhận xét', props.schoolYear)
        : 'Thông báo';
  const size = app === 'thong-bao' ? { width: 460, height: 240 } : { width: 1120, height: 640 };
  return extWindow({
    id: WINDOW_IDS[app],
    title,
    body: windowBody(app, props),
    active,
    zIndex: 19000 + index * 10,
    box: { left: 120 + index * 28, top: 36 + index * 28, ...size },
    className: app === 'thong-bao' ? '' : 'book-window',
  });
}

export function desktopBody(props: DesktopProps): string {
  const { account, now, flags } = props;
  const opened = [...new Set(flags.open)];
  const windows = opened.map((app, index) => windowOf(app, props, index, index === opened.length - 1));
  const templates = (['nhap-diem', 'so-nhan-xet', 'thong-bao'] as const)
    .filter((app) => !opened.includes(app))
    .map((app) => `<template id="tpl-${app}">${windowOf(app, props, 0, false)}</template>`);
  return `<div id="ux-desktop" class="ux-desktop">
<div id="ux-header">
  <span class="logo">vn<b>Edu</b></span>
  <span class="school-name">${escapeHtml(account.school.name)} — ${escapeHtml(account.school.district)}, ${PROVINCE}</span>
  <span class="spacer"></span>
  <span class="user-name">${escapeHtml(account.fullName)} (${escapeHtml(account.username)})</span>
  <a href="/v5/logout" id="lnkLogout">Đăng xuất</a>
</div>
<dl id="x-shortcuts">
${shortcut('nhap-diem', 'Đ', 'Sổ điểm')}
${shortcut('so-nhan-xet', 'N', 'Sổ nhận xét')}
${shortcut('thong-bao', 'i', 'Thông báo')}
</dl>
${windows.join('\n')}
<div id="ux-taskbar" class="ux-taskbar x-toolbar"><button type="button" id="ux-startbutton" class="x-btn-text">vnEdu</button><div id="ux-taskbuttons"></div><span class="ux-taskbar-clock">${formatVnDate(now)}</span></div>
${templates.join('\n')}
<script type="application/json" id="desktop-config">${scriptJson({ windows: WINDOW_IDS })}</script>
</div>`;
}
