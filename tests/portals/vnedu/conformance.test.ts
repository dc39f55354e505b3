import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Browser, Page, Request } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../../helpers/chromium';
import { type RunningPortals, startPortals } from '../start-portals';
import type { TestBook } from './test-client';

// Conformance of the simulator with shared/domain/PORTALS.md § vnEdu: one test per fact of
// "What a real saved page shows" and of "The secondary book (TT22)", named after the fact. Shapes
// are checked on the saved pages (pages/*.html, what the browser showed after the page's
// scripts ran), behaviour on the live simulator in Chromium.

// linkedom's DOM, typed loosely: this project compiles tests/portals without the DOM lib.
interface El {
  tagName: string;
  id: string;
  className: string;
  textContent: string | null;
  children: ArrayLike<El>;
  parentElement: El | null;
  nextElementSibling: El | null;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  closest(selector: string): El | null;
}

const pagesDir = new URL('./pages/', import.meta.url);

interface Saved {
  raw: string;
  doc: El;
}

function saved(file: string): Saved {
  const raw = readFileSync(new URL(file, pagesDir), 'utf8');
  const { document } = parseHTML(raw) as unknown as { document: El };
  return { raw, doc: document };
}

const all = <T extends El>(root: El, selector: string): T[] =>
  Array.from(root.querySelectorAll(selector)) as T[];
const one = (root: El, selector: string): El => {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const text = (node: El | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const manifest = JSON.parse(readFileSync(new URL('manifest.json', pagesDir), 'utf8')) as Array<{
  file: string;
  frame?: { file: string };
}>;
const htmlFiles = manifest.flatMap((entry) => [entry.file, ...(entry.frame ? [entry.frame.file] : [])]);

/** The saved TT27 cuối năm book of 2D with two windows open, and its front window. */
const ck2 = saved('tt27-ck2-two-windows.html');
const front = one(ck2.doc, '.x-window.ux-desktop-active-win');
const frontGrid = one(front, 'table.tablefix');
const bodyRows = all(frontGrid, 'tbody > tr');
const tt22 = saved('tt22-hk1.html');
const tt22Grid = one(tt22.doc, '.ux-desktop-active-win table.tablefix');

describe('vnEdu saved page (TT27, học kỳ 2, cuối năm): document', () => {
  it('the document is in quirks mode: no doctype, html.x-border-box.x-quirks.x-viewport', () => {
    for (const file of htmlFiles) {
      const { raw, doc } = saved(file);
      expect(raw, file).not.toMatch(/<!doctype/i);
      expect(one(doc, 'html').className.split(' '), file).toEqual(
        expect.arrayContaining(['x-border-box', 'x-quirks', 'x-viewport']),
      );
    }
  });

  it('several windows are open at once, all .x-window, and the others stay in the DOM', () => {
    const windows = all(ck2.doc, '.x-window');
    expect(windows.map((w) => text(w.querySelector('.x-window-header-text')))).toEqual([
      '[2025-2026] Sổ nhận xét',
      '[2025-2026] Sổ điểm',
    ]);
    // The window behind holds another book's grid, complete.
    const behind = windows[0]!;
    expect(behind.querySelector('table.tablefix tbody tr')).not.toBeNull();
    expect(text(behind.querySelector('table.tieude'))).toContain('Môn học: Toán - Học kỳ 2');
  });

  it('the window in front carries ux-desktop-active-win and the highest z-index', () => {
    const windows = all(ck2.doc, '.x-window');
    expect(windows.filter((w) => w.classList.contains('ux-desktop-active-win'))).toEqual([front]);
    const z = (w: El) => Number(/z-index:\s*(\d+)/.exec(w.getAttribute('style') ?? '')?.[1]);
    expect(Math.max(...windows.map(z))).toBe(z(front));
    expect(text(one(front, '.x-window-header-text'))).toBe('[2025-2026] Sổ điểm');
  });

  it('the school year is only in the window title [yyyy-yyyy] …', () => {
    for (const file of ['tt27-ck2-two-windows.html', 'tt22-hk1.html', 'desktop.html']) {
      const { doc } = saved(file);
      const body = one(doc, 'body');
      // The taskbar's buttons repeat the window titles, as the ExtJS desktop's do.
      const outside = all(body, '*').filter(
        (node) =>
          !node.closest('.x-window-header-text') &&
          !node.closest('#ux-taskbar') &&
          !['STYLE', 'TEMPLATE'].includes(node.tagName) &&
          Array.from(node.children).length === 0 &&
          /20\d\d\s*-\s*20\d\d/.test(node.textContent ?? ''),
      );
      expect(
        outside.map((node) => node.tagName),
        file,
      ).toEqual([]);
      expect(text(body), file).not.toMatch(/Năm học/);
    }
    expect(
      all(ck2.doc, '.x-window-header-text').every((title) => /^\[\d{4}-\d{4}\] /.test(text(title))),
    ).toBe(true);
  });
});

describe('vnEdu saved page: toolbar', () => {
  const labels = () => all(front, '.x-toolbar label').map((label) => text(label));

  it('the toolbar has ExtJS fields, not <select>: labels Khối:, Lớp:, Môn:, Học kỳ:', () => {
    expect(all(ck2.doc, 'select')).toEqual([]);
    expect(labels()).toEqual(expect.arrayContaining(['Khối:', 'Lớp:', 'Môn:', 'Học kỳ:']));
    const lop = one(front, 'table.x-field.x-combo[data-combo="lop"]');
    expect(one(lop, 'input.x-form-field.x-form-text').getAttribute('value')).toBe('2D');
    expect(lop.querySelector('.x-form-trigger')).not.toBeNull();
  });

  it('the toolbar has a check "Điểm theo đợt", "Danh mục nhận xét:" and a check "Hiển thị con điểm đã gửi"', () => {
    expect(labels()).toEqual(
      expect.arrayContaining(['Điểm theo đợt', 'Danh mục nhận xét:', 'Hiển thị con điểm đã gửi']),
    );
    for (const label of ['Điểm theo đợt', 'Hiển thị con điểm đã gửi']) {
      const check = all(front, 'table.x-form-cb-wrap').find((t) => text(t) === label);
      expect(check?.querySelector('input.x-form-checkbox'), label).not.toBeNull();
    }
    expect(one(front, '[data-combo="danhmuc"] input').getAttribute('value')).toBe('của tôi');
  });

  it('the save button is div#<windowId>btLuu holding a <button> whose text is "Lưu"', () => {
    const button = one(front, `div[id="${front.id}btLuu"] > button`);
    expect(text(button)).toBe('Lưu');
  });
});

describe('vnEdu saved page: heading and hidden fields', () => {
  it('the heading above the grid is plain table cells: SỔ ĐIỂM CHI TIẾT, Lớp, Môn học, Giáo viên dạy, Quyền hạn', () => {
    const cells = all(front, 'table.tieude td');
    const cell = (start: string) => cells.find((td) => text(td).startsWith(start));
    expect(cells.some((td) => text(td) === 'SỔ ĐIỂM CHI TIẾT')).toBe(true);
    expect(text(cell('Lớp:')?.querySelector('b') ?? null)).toBe('2D');
    expect(text(cell('Môn học:')?.querySelector('b') ?? null)).toBe('Tiếng Việt - Học kỳ 2');
    expect(text(cell('Giáo viên dạy:')?.querySelector('b') ?? null)).toBe('Lê Thị Hồng Nhung');
    expect(text(cell('Quyền hạn:')?.querySelector('b') ?? null)).toBe('Bạn có quyền nhập điểm');
  });

  it('hidden fields in form#<windowId>_frm: iNamHoc, iKhoi, iLopId, iMonHocId, iHocKy, muc', () => {
    const form = one(front, `form[id="${front.id}_frm"]`);
    const fields = Object.fromEntries(
      all(form, 'input[type="hidden"]').map((input) => [
        input.getAttribute('name'),
        input.getAttribute('value'),
      ]),
    );
    expect(fields).toEqual({
      iNamHoc: '2025',
      iKhoi: '2',
      iLopId: expect.stringMatching(/^\d+$/),
      iMonHocId: expect.stringMatching(/^\d+$/),
      iHocKy: '2',
      muc: 'ck2',
    });
    expect(frontGrid.closest('form')).toBe(form);
  });
});

describe('vnEdu saved page: grid', () => {
  it('the grid is table.table.tablefix with its header in <thead> as ONE tr.head of <td>s, several rowspan=2', () => {
    expect(frontGrid.className.split(' ')).toEqual(expect.arrayContaining(['table', 'tablefix']));
    const rows = all(frontGrid, 'thead > tr');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.className).toBe('head');
    expect(all(frontGrid, 'th')).toEqual([]);
    expect(all(rows[0]!, 'td[rowspan="2"]').length).toBeGreaterThanOrEqual(2);
  });

  it('the headers are STT, Mã HS (hidden), Họ và tên (colspan 2), Ngày sinh, Nhận xét cuối kỳ, KT CN, XL CN, KT CN(Sau thi lại), XL CN(Sau thi lại), SMS', () => {
    const heads = all(frontGrid, 'thead td');
    expect(heads.map(text)).toEqual([
      'STT',
      'Mã HS',
      'Họ và tên',
      'Ngày sinh',
      'Nhận xét cuối kỳ',
      'KT CN',
      'XL CN',
      'KT CN(Sau thi lại)',
      'XL CN(Sau thi lại)',
      'SMS',
    ]);
    expect(heads[1]!.getAttribute('style')).toMatch(/display:\s*none/);
    expect(heads[2]!.getAttribute('colspan')).toBe('2');
  });
});

describe('vnEdu saved page: rows', () => {
  it('rows are <tr id="<mã học sinh>"> (10 digits) with the code again in the hidden second cell', () => {
    expect(bodyRows).toHaveLength(38);
    for (const row of bodyRows) {
      expect(row.id).toMatch(/^\d{10}$/);
      const second = row.querySelector('td:nth-child(2)')!;
      expect(text(second)).toBe(row.id);
      expect(second.getAttribute('style')).toMatch(/display:\s*none/);
    }
  });

  it('the name is in two cells, <b>family + middle</b> and <b>given</b>', () => {
    for (const row of bodyRows) {
      const [family, given] = [
        row.querySelector('td:nth-child(3) > b'),
        row.querySelector('td:nth-child(4) > b'),
      ];
      expect(text(given)).toMatch(/^\S+$/);
      expect(text(family).length).toBeGreaterThan(0);
    }
  });

  it('the birth date is dd/mm/yyyy', () => {
    for (const row of bodyRows)
      expect(text(row.querySelector('td:nth-child(5)'))).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('the SMS cell holds an icon with attributes hoc_sinh_id, ma_hoc_sinh, ho_ten (full name)', () => {
    for (const row of bodyRows) {
      const icon = one(row, 'td:last-child [hoc_sinh_id]');
      expect(icon.getAttribute('hoc_sinh_id')).toMatch(/^\d+$/);
      expect(icon.getAttribute('ma_hoc_sinh')).toBe(row.id);
      const name = `${text(row.querySelector('td:nth-child(3)'))} ${text(row.querySelector('td:nth-child(4)'))}`;
      expect(icon.getAttribute('ho_ten')).toBe(name);
    }
  });
});

describe('vnEdu saved page: editable cells', () => {
  const fields = all(frontGrid, 'td.allowedit > input, td.allowedit > textarea:not(.temp)');

  it('editable cells are td.allowedit holding an <input> (scores, T/H/C) or a <textarea> (comments, maxlength 500)', () => {
    const row = bodyRows[0]!;
    const kinds = all(row, 'td.allowedit').map((td) => Array.from(td.children)[0]!.tagName);
    expect(kinds).toEqual(['TEXTAREA', 'INPUT', 'INPUT']);
    for (const area of all(frontGrid, 'td.allowedit > textarea:not(.temp)')) {
      expect(area.getAttribute('maxlength')).toBe('500');
    }
  });

  it('inputs have classes input_diem_c1 txtDiem <kind> t<col>_<muc> r1, kind ktck (score) or xlck (evaluation)', () => {
    const row = bodyRows[0]!;
    const classes = all(row, 'td.allowedit > input').map((input) => input.className);
    expect(classes).toEqual([
      'input_diem_c1 txtDiem ktck tkt_ck2 r1',
      'input_diem_c1 txtDiem xlck txl_ck2 r1',
    ]);
    for (const field of fields) {
      expect(field.className).toMatch(/^input_diem_c1 txtDiem \w+ t\w+_ck2 r1$/);
    }
  });

  it('name and id are txt_<hoc_sinh_id>_<col>_<muc>, with attributes a (hoc_sinh_id), b (t<col>_<muc>), c (column), t (muc)', () => {
    for (const field of fields) {
      const row = field.closest('tr')!;
      const hocSinhId = one(row, '[hoc_sinh_id]').getAttribute('hoc_sinh_id')!;
      expect(hocSinhId).not.toBe(row.id);
      const [c, t] = [field.getAttribute('c'), field.getAttribute('t')];
      expect(field.getAttribute('name')).toBe(`txt_${hocSinhId}_${c}_${t}`);
      expect(field.id).toBe(field.getAttribute('name'));
      expect(field.getAttribute('a')).toBe(hocSinhId);
      expect(field.getAttribute('b')).toBe(`t${c}_${t}`);
      expect(t).toBe('ck2');
    }
  });

  it('value0 is the value last saved', () => {
    for (const field of fields) {
      expect(field.hasAttribute('value0')).toBe(true);
      const shown = field.tagName === 'TEXTAREA' ? (field.textContent ?? '') : field.getAttribute('value');
      // The page was saved without typing: what is shown is what was saved.
      expect(shown).toBe(field.getAttribute('value0'));
    }
    expect(fields.filter((field) => field.getAttribute('value0') !== '').length).toBeGreaterThan(
      fields.length / 2,
    );
  });

  it('a comment textarea is followed by a second, hidden textarea.temp', () => {
    for (const area of all(frontGrid, 'td.allowedit > textarea:not(.temp)')) {
      const next = area.nextElementSibling;
      expect(next?.tagName).toBe('TEXTAREA');
      expect(next?.className).toBe('temp');
      expect(next?.getAttribute('style')).toMatch(/display:\s*none/);
    }
  });
});

describe('vnEdu saved page: last editor', () => {
  it('the title is "<username> - HH:MM:SS dd/mm/yyyy" of the last save, empty when never saved', () => {
    const fields = all(frontGrid, 'td > input[value0], td > textarea[value0]');
    for (const field of fields) {
      const title = field.getAttribute('title') ?? '';
      if (field.getAttribute('value0') === '') expect(title).toBe('');
      else expect(title).toMatch(/^nhunglth\.thtqt - \d{2}:\d{2}:\d{2} \d{2}\/\d{2}\/2026( - \d+ ký tự)?$/);
    }
  });

  it('a comment title ends with " - N ký tự", N its length', () => {
    const areas = all(frontGrid, 'textarea[value0]:not([value0=""])');
    expect(areas.length).toBeGreaterThan(0);
    for (const area of areas) {
      expect(area.getAttribute('title')).toMatch(
        new RegExp(` - ${[...area.getAttribute('value0')!].length} ký tự$`),
      );
    }
  });
});

describe('vnEdu saved page: locked cells', () => {
  it('locked cells are td.allowedit1 holding a disabled input (the retake columns)', () => {
    for (const row of bodyRows) {
      const locked = all(row, 'td.allowedit1');
      expect(locked).toHaveLength(2);
      for (const td of locked) {
        const input = one(td, 'input');
        expect(input.hasAttribute('disabled')).toBe(true);
        expect(['ktl', 'xll']).toContain(input.getAttribute('c'));
      }
    }
  });

  it('a whole locked book renders every entry cell locked, as td.allowedit1 with a disabled input', () => {
    const grid = one(saved('tt22-locked.html').doc, 'table.tablefix');
    expect(all(grid, 'td.allowedit')).toEqual([]);
    const locked = all(grid, 'td.allowedit1');
    expect(locked.length).toBeGreaterThan(0);
    expect(locked.every((td) => one(td, 'input').hasAttribute('disabled'))).toBe(true);
  });

  it("older notes' shape also exists: a locked cell without any input", () => {
    const grid = one(saved('tt22-locked-no-input.html').doc, 'table.tablefix');
    const entries = all(grid, 'tbody td[data-loai="diem"], tbody td[data-loai="nhanxet"]');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((td) => td.querySelector('input, textarea, span') === null)).toBe(true);
    expect(entries.some((td) => text(td) !== '')).toBe(true);
  });
});

describe('vnEdu saved page: values', () => {
  it('values seen: scores 5–10, T/H, empty; comments are full Vietnamese sentences', () => {
    const values = (c: string) => all(frontGrid, `[c="${c}"]`).map((f) => f.getAttribute('value0') ?? '');
    expect(
      values('kt').every((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= 5 && Number(v) <= 10)),
    ).toBe(true);
    expect(new Set(values('xl').filter((v) => v !== ''))).toEqual(new Set(['T', 'H']));
    expect(values('kt').some((v) => v === '')).toBe(true);
    const comments = values('nx').filter((v) => v !== '');
    expect(comments.every((v) => /^Em [^.]+[.;,][^]*\.$/u.test(v) && v.split(' ').length >= 8)).toBe(true);
  });
});

describe('vnEdu secondary book (TT22): saved pages', () => {
  it('table.tablefix has two header rows built with rowspan/colspan', () => {
    const rows = all(tt22Grid, 'thead > tr.head');
    expect(rows).toHaveLength(2);
    const tx = all(rows[0]!, 'td').find((td) => text(td) === 'ĐĐGtx')!;
    expect(tx.getAttribute('colspan')).toBe('4');
    expect(all(rows[1]!, 'td').map(text)).toEqual(['1', '2', '3', '4']);
    expect(all(rows[0]!, 'td[rowspan="2"]').length).toBeGreaterThan(5);
  });

  it('header cells carry short attributes naming the column: a display name (ten) and a key (ma)', () => {
    const heads = all(tt22Grid, 'thead td');
    expect(heads.every((td) => td.getAttribute('ten') && td.getAttribute('ma'))).toBe(true);
    const row2 = all(tt22Grid, 'thead > tr:nth-child(2) td');
    expect(row2.map((td) => [td.getAttribute('ten'), td.getAttribute('ma')])).toEqual([
      ['ĐĐGtx 1', 'tx1'],
      ['ĐĐGtx 2', 'tx2'],
      ['ĐĐGtx 3', 'tx3'],
      ['ĐĐGtx 4', 'tx4'],
    ]);
  });

  it('body cells carry data-loai, data-cot (the column key) and data-hang (the row)', () => {
    const rows = all(tt22Grid, 'tbody > tr');
    rows.forEach((row, index) => {
      const cells = all(row, 'td[data-cot]');
      expect(cells.map((td) => td.getAttribute('data-cot'))).toEqual([
        'tx1',
        'tx2',
        'tx3',
        'tx4',
        'gk',
        'ck',
        'tbhk',
        'nx',
      ]);
      expect(cells.every((td) => td.getAttribute('data-hang') === String(index + 1))).toBe(true);
      expect(cells.map((td) => td.getAttribute('data-loai'))).toEqual([
        ...Array(6).fill('diem'),
        'tbm',
        'nhanxet',
      ]);
    });
  });

  it('headers seen: STT, Mã HS (hidden), Họ và tên, Ngày sinh, Liên lạc (SMS), ĐTBmhk, TB cả năm', () => {
    const grid = one(saved('tt22-hk2.html').doc, 'table.tablefix');
    const heads = all(grid, 'thead > tr:first-child td');
    expect(heads.map(text)).toEqual([
      'STT',
      'Mã HS',
      'Họ và tên',
      'Ngày sinh',
      'ĐĐGtx',
      'ĐĐGgk',
      'ĐĐGck',
      'ĐTBmhk',
      'TB cả năm',
      'Nhận xét',
      'SMS',
    ]);
    expect(heads[1]!.getAttribute('style')).toMatch(/display:\s*none/);
    expect(heads.at(-1)!.getAttribute('ten')).toBe('Liên lạc');
  });

  it('score inputs are in the input_diem family; ĐTBmhk is a td.tbhk_tt text cell, TB cả năm a read-only input_diem_tbm; comments are input.input_nhan_xet', () => {
    const grid = one(saved('tt22-hk2.html').doc, 'table.tablefix');
    const row = all(grid, 'tbody > tr').find((tr) => text(tr.querySelector('td.tbhk_tt')) !== '')!;
    expect(
      all(row, 'td[data-loai="diem"] input').every((i) =>
        /^input_diem txtDiem diem(tx|gk|ck) /.test(i.className),
      ),
    ).toBe(true);
    expect(text(one(row, 'td.tbhk_tt'))).toMatch(/^\d{1,2}\.\d$/);
    expect(one(row, 'td.tbhk_tt').querySelector('input')).toBeNull();
    const year = one(row, 'td.tbcn_tt > input.input_diem_tbm');
    expect(year.hasAttribute('readonly')).toBe(true);
    expect(one(row, 'td[data-cot="nx"] > input').className).toMatch(/^input_nhan_xet /);
  });

  it('some cells are click-to-edit span.input_diem / span.input_nhan_xet', () => {
    const grid = one(saved('tt22-click-to-edit.html').doc, 'table.tablefix');
    expect(all(grid, 'tbody td.allowedit input')).toEqual([]);
    const spans = all(grid, 'tbody td.allowedit > span');
    expect(new Set(spans.map((s) => s.className))).toEqual(new Set(['input_diem', 'input_nhan_xet']));
    expect(spans.every((s) => /^txt_\d+_\w+_hk1$/.test(s.getAttribute('data-name') ?? ''))).toBe(true);
  });

  it('a cell with no input is locked; a disabled or read-only input is locked', () => {
    const locked = one(saved('tt22-locked.html').doc, 'table.tablefix');
    expect(all(locked, 'tbody input:not([disabled]):not([readonly])')).toEqual([]);
    const open = all(tt22Grid, 'tbody td.allowedit input');
    expect(open.every((input) => !input.hasAttribute('disabled') && !input.hasAttribute('readonly'))).toBe(
      true,
    );
  });

  it('comment-only subjects hold "Đ" / "CĐ" in the score columns', () => {
    const grid = one(saved('tt22-hk2-comments.html').doc, 'table.tablefix');
    const values = all(grid, 'td[data-loai="diem"] input').map((i) => i.getAttribute('value0'));
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v === '' || v === 'Đ' || v === 'CĐ')).toBe(true);
    expect(values).toContain('Đ');
    expect(all(grid, 'thead td').map(text)).toEqual(expect.arrayContaining(['Kết quả HK', 'Kết quả CN']));
  });

  it('the permission is in the heading\'s "Quyền hạn" cell ("Giáo viên bộ môn", or "không có quyền"), the teacher in #gvbm', () => {
    const quyen = (s: Saved) =>
      text(all(s.doc, 'table.tieude td').find((td) => text(td).startsWith('Quyền hạn:'))!);
    expect(quyen(tt22)).toContain('Giáo viên bộ môn');
    expect(quyen(saved('tt22-locked.html'))).toContain('không có quyền');
    expect(text(one(tt22.doc, '#gvbm'))).toBe('Nguyễn Văn An');
  });
});

// ---------------------------------------------------------------------------------------------
// Behaviour, on the live simulator

/** The page's document inside evaluate callbacks (this file is compiled without the DOM lib). */
declare const document: {
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): Iterable<{ querySelector(s: string): unknown }>;
};

let portals: RunningPortals;
let browser: Browser;
let page: Page;
let origin: string;

const control = (path: string, body: unknown = {}) =>
  fetch(`${origin}/__test/${path}`, { method: 'POST', body: JSON.stringify(body) });
const testBook = async (query: string) =>
  (await (await fetch(`${origin}/__test/scores?${query}`)).json()) as TestBook;

async function open(username: string, query: string): Promise<void> {
  await page.context().request.post(`${origin}/__test/login`, { data: { username } });
  await page.goto(`${origin}/v5/?${query}`);
  await page.waitForFunction(() => {
    const panels = [...document.querySelectorAll('.so-diem .book-panel')];
    return (
      panels.length > 0 && panels.every((panel) => panel.querySelector('table.tablefix tbody tr') !== null)
    );
  });
}

/** Types as a person, in the front window. */
async function type(selector: string, value: string): Promise<void> {
  await page.locator(`.ux-desktop-active-win ${selector}`).fill(value);
  await page.locator(`.ux-desktop-active-win ${selector}`).press('Tab');
}

/** "Lưu" in the front window; returns the posted form and the message box's text. */
async function save(): Promise<{ posted: URLSearchParams; message: string; error: boolean }> {
  const request = page.waitForRequest((r: Request) => r.url().includes('load=edu.so_diem.luu'));
  const winId = await page.locator('.ux-desktop-active-win').getAttribute('id');
  await page.click(`[id="${winId}btLuu"] button`);
  const posted = new URLSearchParams((await request).postData() ?? '');
  const box = page.locator('.x-message-box');
  await box.waitFor();
  const message = await box.locator('.x-window-text').innerText();
  const error = (await box.locator('.x-message-box-error').count()) > 0;
  await box.locator('button').click();
  return { posted, message, error };
}

describe('vnEdu simulator behaviour (live)', () => {
  beforeAll(async () => {
    portals = await startPortals({ port: 0 });
    origin = new URL(portals.vnedu.url).origin;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await portals?.stop();
  });

  beforeEach(async () => {
    await control('reset');
    await control('clock', { now: '2026-05-20T09:00:00+07:00' });
    await control('fill', { school: 'thtqt', lop: '2D', mon: 'TV', muc: 'ck2', fraction: 0.9 });
  });

  it('the grid is loaded as an HTML fragment (POST /v5/?load=edu.so_diem.nhap with the hidden fields and a window id): a term change replaces the table without a page load', async () => {
    await open('annv.thcsnd', 'open=nhap-diem&lop=6A1&mon=TOAN&hk=1&poll=0');
    const request = page.waitForRequest((r: Request) => r.url().endsWith('/v5/?load=edu.so_diem.nhap'));
    const url = page.url();
    await page.click('.x-combo[data-combo="hk"] .x-form-trigger');
    await page.click('.x-boundlist-item[data-value="2"]');
    const posted = new URLSearchParams((await request).postData() ?? '');
    expect(Object.fromEntries(posted)).toMatchObject({
      windowId: 'win_so_diem',
      iNamHoc: '2025',
      iKhoi: '6',
      iHocKy: '2',
      muc: 'hk2',
      iLopId: expect.stringMatching(/^\d+$/),
      iMonHocId: expect.stringMatching(/^\d+$/),
    });
    await page.waitForFunction(() => document.querySelector('input[name$="_hk2"]') !== null);
    expect(page.url()).toBe(url);
    expect(await page.inputValue('#win_so_diem_muc')).toBe('hk2');
  });

  it('the toolbar\'s "Danh mục nhận xét:" offers của tôi / của môn học / theo khối của lớp', async () => {
    await open('nhunglth.thtqt', 'open=nhap-diem&lop=2D&mon=TV&muc=ck2&poll=0');
    await page.click('.ux-desktop-active-win .x-combo[data-combo="danhmuc"] .x-form-trigger');
    expect(await page.locator('.x-boundlist-item').allInnerTexts()).toEqual([
      'của tôi',
      'của môn học',
      'theo khối của lớp',
    ]);
  });

  it('a click on a window behind brings it to front: ux-desktop-active-win and the highest z-index move to it', async () => {
    await open('nhunglth.thtqt', 'open=so-nhan-xet,nhap-diem&lop=2D&mon=TV&muc=ck2&poll=0');
    const active = () => page.locator('.x-window.ux-desktop-active-win').getAttribute('id');
    expect(await active()).toBe('win_so_diem');
    await page.locator('#win_so_nhan_xet .x-window-header').click({ position: { x: 400, y: 8 } });
    expect(await active()).toBe('win_so_nhan_xet');
    const z = await page.$$eval('.x-window', (wins) =>
      wins.map((w) => [w.id, Number(/z-index:\s*(\d+)/.exec(w.getAttribute('style') ?? '')?.[1])]),
    );
    const top = Math.max(...z.map(([, value]) => Number(value)));
    expect(z.find(([id]) => id === 'win_so_nhan_xet')?.[1]).toBe(top);
    expect(await page.locator('.x-window').count()).toBe(2);
  });

  it('"Lưu" posts form-urlencoded name=value pairs of only the inputs whose value differs from value0', async () => {
    await open('nhunglth.thtqt', 'open=so-nhan-xet,nhap-diem&lop=2D&mon=TV&muc=ck2&poll=0');
    const book = await testBook('school=thtqt&lop=2D&mon=TV&muc=ck2');
    const [a, b] = book.rows;
    const comment = 'Em đọc lưu loát, viết đúng chính tả, cần luyện thêm văn kể chuyện.';
    await type(`[name="${a!.names.kt}"]`, a!.values.kt === '9' ? '8' : '9');
    await type(`[name="${b!.names.nx}"]`, comment);
    // Typed back to its saved value: not a change.
    await type(`[name="${a!.names.xl}"]`, 'C');
    await type(`[name="${a!.names.xl}"]`, a!.values.xl ?? '');
    const { posted, message } = await save();
    const cells = [...posted].filter(([name]) => name.startsWith('txt_'));
    expect(cells).toEqual([
      [a!.names.kt, a!.values.kt === '9' ? '8' : '9'],
      [b!.names.nx, comment],
    ]);
    expect(posted.get('muc')).toBe('ck2');
    expect(message).toBe('Lưu dữ liệu thành công! Đã cập nhật 2 ô.');
  });

  it('after a save, value0 and title of the saved cells name the value, the account and the server time', async () => {
    await control('clock', { now: '2026-05-21T14:05:09+07:00' });
    await open('nhunglth.thtqt', 'open=nhap-diem&lop=2D&mon=TV&muc=ck2&poll=0');
    const book = await testBook('school=thtqt&lop=2D&mon=TV&muc=ck2');
    const row = book.rows.find((r) => r.values.kt !== '10')!;
    const value = String(Number(row.values.kt ?? '6') + 1);
    await type(`[name="${row.names.kt}"]`, value);
    expect((await save()).error).toBe(false);
    const input = page.locator(`.ux-desktop-active-win [name="${row.names.kt}"]`);
    expect(await input.getAttribute('value0')).toBe(value);
    expect(await input.getAttribute('title')).toMatch(/^nhunglth\.thtqt - 14:05:\d\d 21\/05\/2026$/);
  });

  it('a disabled retake cell is refused by the server, and accepted once the retake opens', async () => {
    await open('nhunglth.thtqt', 'open=nhap-diem&lop=2D&mon=TV&muc=ck2&poll=0');
    const book = await testBook('school=thtqt&lop=2D&mon=TV&muc=ck2');
    const name = book.rows[0]!.names.ktl!;
    const input = page.locator(`.ux-desktop-active-win [name="${name}"]`);
    expect(await input.isDisabled()).toBe(true);
    // Written by script regardless of `disabled`, as a careless tool would.
    await input.evaluate((el) => {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set?.call(el, '7');
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const refused = await save();
    expect(refused.error).toBe(true);
    expect(refused.posted.get(name)).toBe('7');
    expect((await testBook('school=thtqt&lop=2D&mon=TV&muc=ck2')).rows[0]!.values.ktl).toBeUndefined();

    await control('retake', { open: true });
    await open('nhunglth.thtqt', 'open=nhap-diem&lop=2D&mon=TV&muc=ck2&poll=0');
    expect(await page.locator(`.ux-desktop-active-win td.allowedit [name="${name}"]`).isDisabled()).toBe(
      false,
    );
    await type(`[name="${name}"]`, '7');
    expect((await save()).error).toBe(false);
    expect((await testBook('school=thtqt&lop=2D&mon=TV&muc=ck2')).rows[0]!.values.ktl).toBe('7');
  });

  it('message boxes after a save are .x-window.x-message-box and never take ux-desktop-active-win', async () => {
    await open('nhunglth.thtqt', 'open=so-nhan-xet,nhap-diem&lop=2D&mon=TV&muc=ck2&poll=0');
    await page.click('[id="win_so_diembtLuu"] button');
    const box = page.locator('.x-window.x-message-box');
    await box.waitFor();
    expect(await box.getAttribute('class')).not.toContain('ux-desktop-active-win');
    expect(await page.locator('.ux-desktop-active-win').getAttribute('id')).toBe('win_so_diem');
    await box.locator('button').click();
  });
});
