import { vneduProfile } from '@edulens/shared/profiles';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium';
import type { GridFindings } from './walk-entry';
import { bundleWalker, walkOn } from './walker';

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
