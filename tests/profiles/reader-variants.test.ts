import { type Profile, profileSchema, vneduProfile } from '@edulens/shared/profiles';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import type { GridFindings } from './walk-entry';
import { bundleWalker, focusOn, walkOn } from './walker';

// The vnEdu profile and the extension's page reader on shapes the saved pages do not pin down but
// a real portal page may take: no window marked active (the front one is the highest z-index), a
// header-only copy of the grid before it, a heading table with the grid's class, a header of
// `th` rows inside `<tbody>`, toolbar fields saved without their value, rows known by `tr id` only.
// Written by hand here (not the simulator): each page is the smallest that has the shape.

const HOST = 'https://c1tranquoctoan63001020sgddaknong.vnedu.vn';

let browser: Browser;
let page: Page;
let walker = '';

beforeAll(async () => {
  walker = await bundleWalker();
  browser = await launchChromium();
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The findings of the vnEdu profile's windowed grade page on a page made of `body`. */
async function walk(body: string): Promise<GridFindings | undefined> {
  await page.unroute('**/*');
  await page.route('**/*', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<html class="x-border-box x-quirks x-viewport"><head><meta charset="utf-8"></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`${HOST}/v5/`, { waitUntil: 'load' });
  const findings = await walkOn(page, walker, vneduProfile);
  return findings.find((f) => f.kind === 'grade-grid' && f.grid)?.grid;
}

const HEAD = `<thead><tr class="head"><td rowspan="2">STT</td><td rowspan="2" style="display:none">Mã HS</td>
<td rowspan="2" colspan="2">Họ và tên</td><td rowspan="2">KT CN</td><td rowspan="2">XL CN</td></tr></thead>`;

function rows(codes: readonly string[], withCodeCell = true): string {
  return codes
    .map(
      (code, i) =>
        `<tr id="${code}"><td>${i + 1}</td>${withCodeCell ? `<td style="display:none">${code}</td>` : ''}` +
        `<td><b>Lò Thị</b></td><td><b>Mai ${i}</b></td>` +
        `<td class="allowedit"><input class="txtDiem ktck" value0="" value=""></td>` +
        `<td class="allowedit"><input class="txtDiem xlck" value0="" value=""></td></tr>`,
    )
    .join('');
}

function bookWindow(options: { title: string; lop: string; z: number; active?: boolean; grid: string }) {
  return `<div class="x-window${options.active ? ' ux-desktop-active-win' : ''}" style="position:absolute;z-index:${options.z}">
<div class="x-window-header-text">${options.title}</div>
<form><input type="hidden" name="iNamHoc" value="2025"><input type="hidden" name="iKhoi" value="2"><input type="hidden" name="iHocKy" value="2"><input type="hidden" name="muc" value="ck2"></form>
<table><tr><td>Lớp: <b>${options.lop}</b></td><td>Môn học: <b>Tiếng Việt - Học kỳ 2</b></td></tr></table>
${options.grid}</div>`;
}

const grid = (codes: readonly string[]) =>
  `<table class="table tablefix">${HEAD}<tbody>${rows(codes)}</tbody></table>`;

describe('the vnEdu reader on shapes a real page may take', () => {
  it('reads the window with the highest z-index when none is marked active', async () => {
    const found = await walk(
      bookWindow({ title: '[2025-2026] Sổ nhận xét', lop: '2A', z: 19010, grid: grid(['1000000001']) }) +
        bookWindow({
          title: '[2025-2026] Sổ điểm',
          lop: '2D',
          z: 19030,
          grid: grid(['2000000001', '2000000002']),
        }) +
        bookWindow({ title: '[2025-2026] Sổ điểm', lop: '2B', z: 19020, grid: grid(['3000000001']) }),
    );
    expect(found?.context).toMatchObject({ class: '2D', schoolYear: '2025-2026', grade: '2', period: 'ck2' });
    expect(found?.keys).toEqual(['2000000001', '2000000002']);
  });

  it('never reads a window behind the active one, even when it comes later or higher', async () => {
    const found = await walk(
      bookWindow({
        title: '[2025-2026] Sổ điểm',
        lop: '2D',
        z: 19000,
        active: true,
        grid: grid(['2000000001']),
      }) + bookWindow({ title: '[2024-2025] Sổ điểm', lop: '1D', z: 19050, grid: grid(['9000000001']) }),
    );
    expect(found?.keys).toEqual(['2000000001']);
    expect(found?.context.class).toBe('2D');
  });

  it('takes the table with rows, not a heading or a header-only copy carrying the same class', async () => {
    const clone = `<table class="table tablefix fixed-header">${HEAD}</table>`;
    const heading = `<table class="tablefix"><tr><td>SỔ ĐIỂM CHI TIẾT</td></tr></table>`;
    const found = await walk(
      bookWindow({
        title: '[2025-2026] Sổ điểm',
        lop: '2D',
        z: 19000,
        active: true,
        grid: heading + clone + grid(['2000000001', '2000000002', '2000000003']),
      }),
    );
    expect(found?.rows).toBe(3);
    expect(found?.columns.map((c) => c.kind)).toEqual(['test', 'level']);
  });

  it('reads a header of th rows inside tbody, and keys rows by tr id when there is no code column', async () => {
    const table =
      `<table class="tablefix"><tbody><tr><th>STT</th><th colspan="2">Họ và tên</th><th>KT CN</th><th>XL CN</th></tr>` +
      rows(['2000000001', '2000000002'], false) +
      `</tbody></table>`;
    const found = await walk(
      bookWindow({ title: '[2025-2026] Sổ điểm', lop: '2D', z: 19000, active: true, grid: table }),
    );
    expect(found?.keys).toEqual(['2000000001', '2000000002']);
    expect(found?.namesFilled).toBe(2);
    expect(found?.columns.map((c) => c.label)).toEqual(['KT CN', 'XL CN']);
  });

  it('reads the class from the heading when the toolbar field was saved without its value', async () => {
    const toolbar = `<div class="x-toolbar"><label class="x-form-item-label" for="cbo-lop">Lớp:</label><input id="cbo-lop" class="x-form-field x-form-text"></div>`;
    const found = await walk(
      `<div class="x-window ux-desktop-active-win">${toolbar}` +
        bookWindow({ title: '[2025-2026] Sổ điểm', lop: '2D', z: 1, grid: grid(['2000000001']) }).replace(
          /^<div class="x-window" [^>]*>/,
          '',
        ),
    );
    expect(found?.context.class).toBe('2D');
    expect(found?.context.subject).toBe('Tiếng Việt');
  });
});

/**
 * A portal whose grade grid is a Telerik RadGrid: the header in one table (with a filter row),
 * the rows in another inside a scrolling `.rgDataDiv`, a pager row drawn in the body, the book's
 * class, subject and term in the toolbar's selects. Described by the profile alone.
 */
const radGridProfile: Profile = {
  id: 'radgrid-portal',
  name: 'RadGrid portal',
  version: 1,
  match: ['https://radgrid.example.vn/*'],
  calendar: { id: 'vnedu-default' },
  pages: [
    {
      kind: 'grade-grid',
      name: 'Sổ điểm (RadGrid)',
      when: { selector: 'div.RadGrid' },
      rulepack: 'tt22',
      context: {
        class: [{ select: ['Lớp'] }],
        subject: [{ select: ['Môn học'] }],
        term: [{ select: ['Học kỳ'] }],
      },
      key: ['class', 'subject', 'term'],
      grid: {
        table: 'div.rgHeaderDiv > table',
        body: { container: 'div.RadGrid', table: 'div.rgDataDiv > table', scroller: 'div.rgDataDiv' },
        skipRows: 'tr.rgFilterRow, tr.rgPager',
        rowKey: { header: ['Mã HS'] },
        columns: {
          name: { header: ['Họ và tên'] },
          tx: { header: ['Thường xuyên'], repeat: true },
          gk: { header: ['Giữa kỳ'] },
          ck: { header: ['Cuối kỳ'] },
        },
      },
      cell: { input: 'input.diem', locked: ['no-input', 'disabled'] },
      save: { button: { text: ['Lưu'] } },
    },
  ],
};

function radGridPage(count: number): string {
  const codes = Array.from({ length: count }, (_, i) => String(7000000001 + i));
  const cols = '<colgroup>' + '<col style="width:90px">'.repeat(7) + '</colgroup>';
  const select = (label: string, options: string[], chosen: number) =>
    `<label>${label} <select>${options
      .map((o, i) => `<option value="${i}"${i === chosen ? ' selected' : ''}>${o}</option>`)
      .join('')}</select></label>`;
  return (
    `<div class="toolbar">${select('Lớp', ['7A1', '7A2'], 1)}${select('Môn học', ['Toán', 'Ngữ văn'], 0)}` +
    `${select('Học kỳ', ['Học kỳ I', 'Học kỳ II'], 1)}<button type="button">Lưu</button></div>` +
    `<div class="RadGrid"><div class="rgHeaderDiv"><table>${cols}<thead>` +
    `<tr><th rowspan="2">Mã HS</th><th rowspan="2">Họ và tên</th><th colspan="3">Thường xuyên</th>` +
    `<th rowspan="2">Giữa kỳ</th><th rowspan="2">Cuối kỳ</th></tr><tr><th>1</th><th>2</th><th>3</th></tr>` +
    `<tr class="rgFilterRow">${'<td><input class="filter"></td>'.repeat(7)}</tr></thead></table></div>` +
    `<div class="rgDataDiv" style="height:120px;overflow:auto"><table>${cols}<tbody>` +
    codes
      .map(
        (code, i) =>
          `<tr class="${i % 2 ? 'rgAltRow' : 'rgRow'}"><td>${code}</td><td>Học sinh ${i + 1}</td>` +
          '<td><input class="diem"></td>'.repeat(5) +
          '</tr>',
      )
      .join('') +
    `<tr class="rgPager"><td>1</td><td>Trang 1/1</td>${'<td>·</td>'.repeat(5)}</tr>` +
    `</tbody></table></div></div>`
  );
}

describe('grid shapes a profile describes', () => {
  it('reads a RadGrid: header and body tables apart, filter and pager rows skipped, context from selects', async () => {
    expect(profileSchema.safeParse(radGridProfile).error?.issues ?? []).toEqual([]);
    await page.unroute('**/*');
    await page.route('**/*', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<html><head><meta charset="utf-8"></head><body>${radGridPage(30)}</body></html>`,
      }),
    );
    await page.goto('https://radgrid.example.vn/so-diem', { waitUntil: 'load' });
    const [found] = await walkOn(page, walker, radGridProfile);
    const grid = found?.grid;
    expect(grid?.rows).toBe(30);
    expect(grid?.keys[0]).toBe('7000000001');
    expect(grid?.namesFilled).toBe(30);
    expect(grid?.columns.map((c) => `${c.kind}${c.index}:${c.label}`)).toEqual([
      'tx0:Thường xuyên 1',
      'tx1:Thường xuyên 2',
      'tx2:Thường xuyên 3',
      'gk0:Giữa kỳ',
      'ck0:Cuối kỳ',
    ]);
    expect(grid?.entryCells).toBe(150);
    expect(grid?.inputs).toBe(150);
    expect(grid?.context).toEqual({ class: '7A2', subject: 'Toán', term: 'Học kỳ II' });
    expect(grid?.saveButton).toBe('Lưu');

    // A cell far down the scrolling body is scrolled into view in it before it takes the focus.
    const focus = await focusOn(page, radGridProfile, '7000000030|ck|0');
    expect(focus?.focusedCell).toBe('7000000030|ck|0');
    expect(focus?.scrollTop).toBeGreaterThan(0);
    expect(focus?.inView).toBe(true);
  });
});
