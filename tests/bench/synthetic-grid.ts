import type { Page } from 'playwright';

// A vnEdu-shaped grade page of any size, for benchmarks that need the 45 × 12 grid (the
// simulator's classes have 35–48 students and at most 6 score columns). Same DOM as the simulator:
// ExtJS window, filters with labels, `table.tablefix` with a two-row merged header (ĐĐGtx 1…n,
// ĐĐGgk, ĐĐGck, ĐTBmhk), framework-controlled `input.input_diem` cells (a model updated only by
// input/change events) and a "Lưu" button. Served by Playwright routing on the simulator's host
// pattern, so the extension's content script runs on it.

export const BENCH_ROWS = 45;
export const BENCH_COLUMNS = 12;
export const BENCH_URL = 'http://127.0.0.1:9/v5/?open=nhap-diem&bench=1';

export function studentCode(row: number): string {
  return String(6300000000 + row * 7919);
}

// Every benchmark finds the grid's score inputs through these two, so moving the page to another
// markup changes only this file.

/** Selector of every score input of the grid, which the page lists row by row in column order. */
export const SCORE_INPUTS = 'input.input_diem';

/** Selector of one score input: `row` 0-based, `key` one of tx1…txN, gk, ck. */
export function scoreInput(row: number, key: string): string {
  return `input[name="diem[${studentCode(row)}][${key}]"]`;
}

export function syntheticGradePage(rows = BENCH_ROWS, columns = BENCH_COLUMNS): string {
  const tx = columns - 2;
  const keys = [...Array.from({ length: tx }, (_, i) => `tx${i + 1}`), 'gk', 'ck'];
  const header =
    `<tr><th rowspan="2">STT</th><th rowspan="2">Mã HS</th><th rowspan="2">Họ và tên</th>` +
    `<th colspan="${tx}">ĐĐGtx</th><th rowspan="2">ĐĐGgk</th><th rowspan="2">ĐĐGck</th><th rowspan="2">ĐTBmhk</th></tr>` +
    `<tr>${Array.from({ length: tx }, (_, i) => `<th>${i + 1}</th>`).join('')}</tr>`;
  const body = Array.from({ length: rows }, (_, r) => {
    const code = studentCode(r);
    const cells = keys
      .map(
        (key) =>
          `<td class="cell-entry"><input type="text" class="input_diem" name="diem[${code}][${key}]" maxlength="4" value=""></td>`,
      )
      .join('');
    return `<tr data-ma-hs="${code}"><td class="stt">${r + 1}</td><td class="ma-hs">${code}</td><td class="ho-ten">Học Sinh ${r + 1}</td>${cells}<td class="cell-computed dtbhk"></td></tr>`;
  }).join('');
  const combo = (label: string, value: string) =>
    `<div class="x-form-item x-combo"><label class="x-form-item-label" for="cbo-${label}">${label}:</label><input type="text" id="cbo-${label}" class="x-form-text" readonly value="${value}"></div>`;
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>vnEdu - bench</title>
<style>table.tablefix{border-collapse:collapse}td,th{border:1px solid #ccc;padding:1px 3px}input.input_diem{width:36px}</style></head>
<body><div id="ux-header"><span>Trường THCS Bench — Huyện Thử</span> <span>Năm học 2025-2026</span></div>
<div class="x-window x-window-active" id="win-nhap-diem"><div class="x-window-body"><div class="nhapdiem-panel">
<div class="x-toolbar">${combo('Khối', 'Khối 8')}${combo('Lớp', '8A1')}${combo('Môn', 'Toán')}${combo('Học kỳ', 'Học kỳ I')}<button type="button" id="btnLuu" class="x-btn-text">Lưu</button></div>
<table class="tablefix" id="tblNhapDiem"><thead>${header}</thead><tbody>${body}</tbody></table></div></div></div>
<script>
// The page's model: only input/change events reach it (as on the real portal).
window.model = {};
document.addEventListener('input', (e) => { if (e.target.name) window.model[e.target.name] = e.target.value; }, true);
document.addEventListener('change', (e) => { if (e.target.name) window.model[e.target.name] = e.target.value; }, true);
// Bench driver: n edits as typing produces them (native value setter + input event), each in its
// own task like real keystrokes, so whatever the extension defers runs between them.
window.benchType = async (count) => {
  const inputs = [...document.querySelectorAll('input.input_diem')];
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const values = ['8', '8.', '8.5', '85', '11', '7', '', '9,5', 'x', '10'];
  for (let i = 0; i < count; i++) {
    const input = inputs[(i * 37) % inputs.length];
    setter.call(input, values[i % values.length]);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((done) => setTimeout(done, 0));
  }
};
</script></body></html>`;
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
