import type { Account } from '../accounts';
import { resolvePeriod } from '../book';
import type { GridFlags } from '../grid-flags';
import type { Session } from '../sessions';
import { schoolYearLabel } from '../schools';
import type { Settings } from '../state';
import { findSubject, type Period, type Term } from '../subjects';
import { attrs, escapeHtml, scriptJson } from './html';

// A book's window content: the ExtJS 4 toolbar (combos Khối, Lớp, Môn, Học kỳ — and Đợt in a
// primary book —, the checks "Điểm theo đợt" and "Hiển thị con điểm đã gửi", the combo "Danh mục
// nhận xét:", the save button div#<windowId>btLuu > button "Lưu"), the panel the grid fragment is
// loaded into, the pager, and the page script's configuration (a JSON <script>, dropped from saved
// pages). Also the ExtJS 4 window around it.

interface Option {
  value: string;
  text: string;
}

export interface BookSelection {
  khoi: string;
  /** iLopId */
  lop: string;
  /** iMonHocId */
  mon: string;
  hk: Term;
  muc: string;
}

const PERIOD_TEXT: Record<Period, string> = {
  gk1: 'Giữa kỳ',
  ck1: 'Cuối kỳ',
  gk2: 'Giữa kỳ',
  ck2: 'Cuối năm',
};

const COMMENT_LISTS: Option[] = [
  { value: '1', text: 'của tôi' },
  { value: '2', text: 'của môn học' },
  { value: '3', text: 'theo khối của lớp' },
];

/** What the account may open, and what the query selects (falling back to the first choices). */
export function bookChoices(account: Account, flags: Pick<GridFlags, 'lop' | 'mon' | 'hk' | 'muc'>) {
  const { school } = account;
  const classes = school.classes;
  const schoolClass = classes.find((c) => c.name === flags.lop || String(c.id) === flags.lop) ?? classes[0];
  if (!schoolClass) throw new Error(`${school.name} has no classes`);
  const grades = [...new Set(classes.map((c) => c.grade))];
  const subjectsOfGrade = (grade: number) =>
    account.subjects
      .map((code) => findSubject(code, school.level))
      .filter((s) => s !== undefined && s.grades.includes(grade as never))
      .map((s) => ({ value: String(s!.id), text: s!.name, code: s!.code }));
  const options = {
    khoi: grades.map((grade) => ({ value: String(grade), text: `Khối ${grade}` })),
    lop: Object.fromEntries(
      grades.map((grade) => [
        String(grade),
        classes.filter((c) => c.grade === grade).map((c) => ({ value: String(c.id), text: c.name })),
      ]),
    ),
    mon: Object.fromEntries(grades.map((grade) => [String(grade), subjectsOfGrade(grade)])),
    hk: ([1, 2] as const).map((term) => ({ value: String(term), text: `Học kỳ ${term}` })),
    muc:
      school.level === 'th'
        ? {
            '1': (['gk1', 'ck1'] as const).map((p) => ({ value: p, text: PERIOD_TEXT[p] })),
            '2': (['gk2', 'ck2'] as const).map((p) => ({ value: p, text: PERIOD_TEXT[p] })),
          }
        : null,
    danhMuc: COMMENT_LISTS,
  };
  const monList = options.mon[String(schoolClass.grade)] ?? [];
  const mon = monList.find((s) => s.code === flags.mon || s.value === flags.mon) ?? monList[0];
  const { term, muc } = resolvePeriod(school.level, { hk: flags.hk, muc: flags.muc });
  const selected: BookSelection = {
    khoi: String(schoolClass.grade),
    lop: String(schoolClass.id),
    mon: mon?.value ?? '',
    hk: term,
    muc,
  };
  return { options, selected };
}

/** An ExtJS 4 combo box: a field table with its label, a read-only text input and a trigger. */
function combo(windowId: string, name: string, label: string, selected: Option | undefined): string {
  const id = `${windowId}-cbo-${name}`;
  return `<table${attrs({ class: 'x-field x-form-item x-form-type-text x-field-toolbar x-combo', id, 'data-combo': name, 'data-value': selected?.value ?? '', cellpadding: 0 })}><tbody><tr><td class="x-field-label-cell"><label${attrs({ class: 'x-form-item-label', for: `${id}-inputEl` })}>${escapeHtml(label)}</label></td><td class="x-form-item-body"><input${attrs({ type: 'text', class: 'x-form-field x-form-text', id: `${id}-inputEl`, readonly: true, autocomplete: 'off', value: selected?.text ?? '' })}></td><td class="x-trigger-cell"><div class="x-trigger-index-0 x-form-trigger x-form-arrow-trigger" role="button"></div></td></tr></tbody></table>`;
}

/** An ExtJS 4 checkbox: a button input and its box label. */
function check(windowId: string, name: string, label: string, checked: boolean): string {
  const id = `${windowId}-chk-${name}`;
  return `<table${attrs({ class: `x-field x-form-item x-form-cb-wrap x-form-type-checkbox x-field-toolbar${checked ? ' x-form-cb-checked' : ''}`, id, 'data-check': name, cellpadding: 0 })}><tbody><tr><td class="x-form-item-body"><input${attrs({ type: 'button', class: 'x-form-field x-form-checkbox', id: `${id}-inputEl`, 'aria-checked': String(checked), role: 'checkbox' })}><label${attrs({ class: 'x-form-cb-label', for: `${id}-inputEl` })}>${escapeHtml(label)}</label></td></tr></tbody></table>`;
}

export interface BookPanelProps {
  account: Account;
  session: Session;
  windowId: string;
  flags: GridFlags;
  settings: Settings;
  /** `iNamHoc`: the first calendar year of the school year. */
  schoolYear: number;
}

export function bookPanel({
  account,
  session,
  windowId,
  flags,
  settings,
  schoolYear,
}: BookPanelProps): string {
  const { options, selected } = bookChoices(account, flags);
  const config = {
    windowId,
    schoolYear,
    urls: {
      load: '/v5/?load=edu.so_diem.nhap',
      save: '/v5/?load=edu.so_diem.luu',
      poll: '/v5/?load=edu.so_diem.cap_nhat',
    },
    csrf: session.csrf,
    edit: flags.edit,
    paging: flags.paging,
    pageSize: 20,
    pollMs: flags.poll ?? settings.pollMs,
    delayMs: flags.delay ?? null,
    lockStyle: flags.locked,
    options,
    selected,
  };
  const find = (list: readonly Option[] | undefined, value: string) => list?.find((o) => o.value === value);
  const primary = options.muc !== null;
  const fields = [
    combo(windowId, 'khoi', 'Khối:', find(options.khoi, selected.khoi)),
    combo(windowId, 'lop', 'Lớp:', find(options.lop[selected.khoi], selected.lop)),
    combo(windowId, 'mon', 'Môn:', find(options.mon[selected.khoi], selected.mon)),
    combo(windowId, 'hk', 'Học kỳ:', find(options.hk, String(selected.hk))),
    check(windowId, 'theodot', 'Điểm theo đợt', primary),
    primary
      ? combo(windowId, 'muc', 'Đợt:', find(options.muc?.[String(selected.hk) as '1' | '2'], selected.muc))
      : '',
    combo(windowId, 'danhmuc', 'Danh mục nhận xét:', options.danhMuc[0]),
    check(windowId, 'dagui', 'Hiển thị con điểm đã gửi', false),
    `<div${attrs({ id: `${windowId}btLuu`, class: 'x-btn x-btn-default-toolbar-small x-btn-save' })}><button type="button" class="x-btn-center"><span class="x-btn-inner">Lưu</span></button></div>`,
  ];
  return `<div${attrs({ class: 'so-diem', 'data-window': windowId })}>
<div${attrs({ class: 'x-toolbar x-docked-top x-toolbar-default', id: `${windowId}-tbar`, role: 'toolbar' })}>${fields.join('')}</div>
<div${attrs({ class: 'x-panel-body book-panel', id: `${windowId}-grid` })}></div>
<div class="x-toolbar x-paging" hidden></div>
<script type="application/json" class="book-config">${scriptJson(config)}</script>
</div>`;
}

export interface WindowProps {
  id: string;
  /** Shown in the header; book windows start with the school year: "[2025-2026] Sổ điểm". */
  title: string;
  body: string;
  active: boolean;
  zIndex: number;
  box: { left: number; top: number; width: number; height: number };
  className?: string;
}

/** An ExtJS 4 desktop window; the one in front carries ux-desktop-active-win and the highest z-index. */
export function extWindow({ id, title, body, active, zIndex, box, className = '' }: WindowProps): string {
  const style = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px;z-index:${zIndex}`;
  const classes = `x-window x-layer x-window-default x-closable x-window-closable x-border-box ${className}${active ? ' ux-desktop-active-win' : ''}`;
  return `<div${attrs({ class: classes, id, style, role: 'dialog' })}>
<div${attrs({ class: 'x-window-header x-header x-header-horizontal x-window-header-default', id: `${id}_header` })}><div class="x-header-body"><div class="x-header-text-container"><span${attrs({ class: 'x-header-text x-window-header-text', id: `${id}_header_hd-textEl` })}>${escapeHtml(title)}</span></div><div class="x-tool" title="Đóng"><span class="x-tool-img x-tool-close" role="button">×</span></div></div></div>
<div${attrs({ class: 'x-window-body x-window-body-default', id: `${id}-body` })}>${body}</div>
</div>`;
}

export const bookTitle = (book: 'Sổ điểm' | 'Sổ nhận xét', schoolYear: number) =>
  `[${schoolYearLabel(schoolYear)}] ${book}`;
