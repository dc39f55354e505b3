import type { Page } from 'playwright';
import { styles } from '../portals/vnedu/views/styles';
import { vietnameseNames } from './names';

// A vnEdu grade page of any size, for benchmarks that need the 45 × 12 grid (the
// simulator's classes have 35–48 students and at most 6 score columns). Same markup family as the
// pages saved from the live portal (tests/portals/vnedu/pages/tt22-hk1.html; tests/portals/README.md
// § "DOM shape") and the simulator's own stylesheet: quirks mode, the ExtJS 4 desktop with the book
// window "[2025-2026] Sổ điểm" in front, its toolbar (combos, "Lưu" as `div#<win>btLuu > button`),
// the fragment's hidden form fields (iNamHoc, iKhoi, iLopId, iMonHocId, iHocKy, muc) and heading
// table, then `table.table.tablefix` with two `tr.head` rows of `td` cells and rows `tr#<code>`
// whose entry cells are `td.allowedit` holding `input.input_diem.txtDiem` (name = id =
// txt_<id>_<col>_<muc>, a/b/c/t, value0, title). Only score columns: ĐĐGtx 1…n, ĐĐGgk, ĐĐGck
// (the 12 entry columns of the 45 × 12 goal, so no comment column), then ĐTBmhk and SMS. The
// fields are framework-controlled (a model updated only by input/change events). Generated, not
// read from the saved page, and deterministic. Served by Playwright routing on the simulator's
// host pattern, so the extension's content script runs on it.

export const BENCH_ROWS = 45;
export const BENCH_COLUMNS = 12;
export const BENCH_URL = 'http://127.0.0.1:9/v5/?open=nhap-diem&bench=1';

const WINDOW_ID = 'win_so_diem';
const MUC = 'hk1';

export function studentCode(row: number): string {
  return String(6300000000 + row * 7919);
}

/** The portal's internal student id (`hoc_sinh_id`), which names the fields. */
function studentId(row: number): string {
  return String(1900000 + row * 1373);
}

const NAMES = vietnameseNames(200);

/** Family, middle and given name: "Nguyễn Văn An". */
export function studentName(row: number): string {
  return NAMES[row % NAMES.length]!;
}

/** Score column keys in table order: tx1…txN, gk, ck. */
function scoreKeys(columns: number): string[] {
  return [...Array.from({ length: columns - 2 }, (_, i) => `tx${i + 1}`), 'gk', 'ck'];
}

// Every benchmark finds the grid's score inputs through these two, so moving the page to another
// markup changes only this file.

/** Selector of every score input of the grid, which the page lists row by row in column order. */
export const SCORE_INPUTS = 'table.tablefix input.input_diem';

/** Selector of one score input: `row` 0-based, `key` one of tx1…txN, gk, ck. */
export function scoreInput(row: number, key: string): string {
  return `input[name="txt_${studentId(row)}_${key}_${MUC}"]`;
}

const esc = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function combo(name: string, label: string, value: string, text: string): string {
  const id = `${WINDOW_ID}-cbo-${name}`;
  return `<table class="x-field x-form-item x-form-type-text x-field-toolbar x-combo" id="${id}" data-combo="${name}" data-value="${value}" cellpadding="0"><tbody><tr><td class="x-field-label-cell"><label class="x-form-item-label" for="${id}-inputEl">${label}:</label></td><td class="x-form-item-body"><input type="text" class="x-form-field x-form-text" id="${id}-inputEl" readonly="" autocomplete="off" value="${esc(text)}"></td><td class="x-trigger-cell"><div class="x-trigger-index-0 x-form-trigger x-form-arrow-trigger" role="button"></div></td></tr></tbody></table>`;
}

function header(tx: number): string {
  const cell = (ten: string, ma: string, text: string, span = '') =>
    `<td${span} ten="${ten}" ma="${ma}">${text}</td>`;
  const first =
    `<tr class="head">${cell('STT', 'stt', 'STT', ' rowspan="2"')}` +
    `<td rowspan="2" style="display:none" ten="Mã học sinh" ma="ma_hs">Mã HS</td>` +
    cell('Họ và tên', 'ho_ten', 'Họ và tên', ' rowspan="2" colspan="2"') +
    cell('Ngày sinh', 'ngay_sinh', 'Ngày sinh', ' rowspan="2"') +
    cell('ĐĐGtx', 'tx', 'ĐĐGtx', ` colspan="${tx}"`) +
    cell('ĐĐGgk', 'gk', 'ĐĐGgk', ' rowspan="2"') +
    cell('ĐĐGck', 'ck', 'ĐĐGck', ' rowspan="2"') +
    cell('ĐTBmhk', 'tbhk', 'ĐTBmhk', ' rowspan="2"') +
    `${cell('Liên lạc', 'sms', 'SMS', ' rowspan="2"')}</tr>`;
  const second = `<tr class="head">${Array.from({ length: tx }, (_, i) => cell(`ĐĐGtx ${i + 1}`, `tx${i + 1}`, String(i + 1))).join('')}</tr>`;
  return `<thead>${first}${second}</thead>`;
}

function row(r: number, keys: readonly string[]): string {
  const code = studentCode(r);
  const id = studentId(r);
  const hang = r + 1;
  const name = studentName(r);
  const given = name.slice(name.lastIndexOf(' ') + 1);
  const family = name.slice(0, name.lastIndexOf(' '));
  const born = `${String(1 + ((r * 7) % 28)).padStart(2, '0')}/${String(1 + ((r * 5) % 12)).padStart(2, '0')}/2012`;
  const cells = keys
    .map((key) => {
      const kind = key.startsWith('tx') ? 'diemtx' : `diem${key}`;
      const field = `txt_${id}_${key}_${MUC}`;
      return `<td class="allowedit" data-loai="diem" data-cot="${key}" data-hang="${hang}"><input type="text" class="input_diem txtDiem ${kind} t${key}_${MUC} r1" name="${field}" id="${field}" a="${id}" b="t${key}_${MUC}" c="${key}" t="${MUC}" value0="" title="" autocomplete="off" value="" maxlength="4"></td>`;
    })
    .join('');
  return (
    `<tr id="${code}"${r % 2 === 1 ? ' class="r-alt"' : ''}><td class="stt">${hang}</td><td style="display:none">${code}</td>` +
    `<td class="ho"><b>${family}</b></td><td class="ten"><b>${given}</b></td><td class="ngaysinh">${born}</td>${cells}` +
    `<td class="tbhk_tt" data-loai="tbm" data-cot="tbhk" data-hang="${hang}"></td>` +
    `<td class="sms"><span class="icon-sms" title="Gửi tin nhắn" hoc_sinh_id="${id}" ma_hoc_sinh="${code}" ho_ten="${name}"></span></td></tr>`
  );
}

export function syntheticGradePage(rows = BENCH_ROWS, columns = BENCH_COLUMNS): string {
  const keys = scoreKeys(columns);
  const title = '[2025-2026] Sổ điểm';
  const hidden = (
    [
      ['iNamHoc', '2025'],
      ['iKhoi', '8'],
      ['iLopId', '418801'],
      ['iMonHocId', '1019'],
      ['iHocKy', '1'],
      ['muc', MUC],
    ] as const
  )
    .map(([name, value]) => `<input type="hidden" name="${name}" id="${WINDOW_ID}_${name}" value="${value}">`)
    .join('');
  const toolbar =
    combo('khoi', 'Khối', '8', 'Khối 8') +
    combo('lop', 'Lớp', '418801', '8A1') +
    combo('mon', 'Môn', '1019', 'Toán') +
    combo('hk', 'Học kỳ', '1', 'Học kỳ 1') +
    `<div id="${WINDOW_ID}btLuu" class="x-btn x-btn-default-toolbar-small x-btn-save"><button type="button" class="x-btn-center"><span class="x-btn-inner">Lưu</span></button></div>`;
  const heading = `<table class="tieude" width="100%" cellspacing="0" cellpadding="2">
<tbody><tr><td colspan="2" class="tieude-so" align="center">SỔ ĐIỂM CHI TIẾT</td></tr>
<tr><td>Lớp: <b>8A1</b></td><td>Môn học: <b>Toán - Học kỳ 1</b></td></tr>
<tr><td>Giáo viên dạy: <b id="gvbm">Nguyễn Văn An</b></td><td>Quyền hạn: <b>Giáo viên bộ môn - Bạn có quyền nhập điểm</b></td></tr>
<tr><td colspan="2" class="lock-notice">Sổ điểm học kỳ I sẽ khóa lúc 00:00 ngày 15/01/2026.</td></tr>
</tbody></table>`;
  const body = Array.from({ length: rows }, (_, r) => row(r, keys)).join('\n');
  const table = `<table class="table tablefix" id="${WINDOW_ID}_tbl" cellspacing="0" cellpadding="0">${header(columns - 2)}<tbody>${body}</tbody></table>`;
  const scores = JSON.stringify(SCORE_INPUTS);
  return `<html class="x-border-box x-quirks x-viewport" lang="vi"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>vnEdu - Trường THCS Bench</title>
<style>${styles}</style>
</head>
<body class="x-body x-desktop-body">
<div id="ux-desktop" class="ux-desktop">
<div id="ux-header">
  <span class="logo">vn<b>Edu</b></span>
  <span class="school-name">Trường THCS Bench — Huyện Thử, Tỉnh Thử</span>
  <span class="spacer"></span>
  <span class="user-name">Nguyễn Văn An (annv.bench)</span>
  <a href="/v5/logout" id="lnkLogout">Đăng xuất</a>
</div>
<dl id="x-shortcuts">
<dt class="x-shortcut" id="nhap-diem-shortcut" data-app="nhap-diem"><span class="icon">Đ</span><div>Sổ điểm</div></dt>
</dl>
<div class="x-window x-layer x-window-default x-closable x-window-closable x-border-box book-window ux-desktop-active-win" id="${WINDOW_ID}" style="left:120px;top:36px;width:1120px;height:640px;z-index:19000" role="dialog">
<div class="x-window-header x-header x-header-horizontal x-window-header-default" id="${WINDOW_ID}_header"><div class="x-header-body"><div class="x-header-text-container"><span class="x-header-text x-window-header-text" id="${WINDOW_ID}_header_hd-textEl">${title}</span></div><div class="x-tool" title="Đóng"><span class="x-tool-img x-tool-close" role="button">×</span></div></div></div>
<div class="x-window-body x-window-body-default" id="${WINDOW_ID}-body"><div class="so-diem" data-window="${WINDOW_ID}">
<div class="x-toolbar x-docked-top x-toolbar-default" id="${WINDOW_ID}-tbar" role="toolbar">${toolbar}</div>
<div class="x-panel-body book-panel" id="${WINDOW_ID}-grid"><form id="${WINDOW_ID}_frm" name="${WINDOW_ID}_frm" method="post">${hidden}
${heading}
${table}
</form></div>
<div class="x-toolbar x-paging" hidden=""></div>
</div></div>
</div>
<div id="ux-taskbar" class="ux-taskbar x-toolbar"><button type="button" id="ux-startbutton" class="x-btn-text">vnEdu</button><div id="ux-taskbuttons"><button type="button" class="ux-taskbutton active" data-window="${WINDOW_ID}">${title}</button></div><span class="ux-taskbar-clock">20/11/2025</span></div>
</div>
<script>
// The page's model: only input/change events reach it (as on the real portal).
window.model = {};
document.addEventListener('input', (e) => { if (e.target.name) window.model[e.target.name] = e.target.value; }, true);
document.addEventListener('change', (e) => { if (e.target.name) window.model[e.target.name] = e.target.value; }, true);
// Bench driver: n edits as typing produces them (native value setter + input event), each in its
// own task like real keystrokes, so whatever the extension defers runs between them.
window.benchType = async (count) => {
  const inputs = [...document.querySelectorAll(${scores})];
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const values = ['8', '8.', '8.5', '85', '11', '7', '', '9,5', 'x', '10'];
  for (let i = 0; i < count; i++) {
    const input = inputs[(i * 37) % inputs.length];
    setter.call(input, values[i % values.length]);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((done) => setTimeout(done, 0));
  }
};
</script>
</body></html>`;
}

/** Serves the synthetic page at BENCH_URL in this page and opens it. */
export async function openSyntheticGrid(
  page: Page,
  rows = BENCH_ROWS,
  columns = BENCH_COLUMNS,
): Promise<void> {
  const html = syntheticGradePage(rows, columns);
  await page.route('http://127.0.0.1:9/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await page.goto(BENCH_URL);
}
