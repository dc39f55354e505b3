import { escapeHtml } from '../../../vnedu/views/html';
import { FILTER_MAX_LENGTH, type FilterName, type GridFilters, type GridPage } from '../grid-query';

// A Telerik-style RadGrid: the header table (with the filter row) apart from the scrolling body
// table, and the pager. The body rows and the pager are also served alone for a page change.

const COLUMNS: ReadonlyArray<{ title: string; filter?: FilterName; width: number }> = [
  { title: 'STT', width: 45 },
  { title: 'Mã học sinh', filter: 'MaHocSinh', width: 110 },
  { title: 'Họ và tên', filter: 'HoTen', width: 190 },
  { title: 'Ngày sinh', filter: 'NgaySinh', width: 95 },
  { title: 'Giới tính', filter: 'GioiTinh', width: 75 },
  { title: 'Dân tộc', filter: 'DanToc', width: 80 },
  { title: 'Trạng thái', filter: 'TrangThai', width: 95 },
  { title: 'Thao tác', width: 70 },
];

const colgroup = `<colgroup>${COLUMNS.map((c) => `<col style="width:${c.width}px">`).join('')}</colgroup>`;

export function gridRows(page: GridPage): string {
  if (page.rows.length === 0) {
    return `<tr class="rgNoRecords"><td colspan="${COLUMNS.length}">Không có học sinh nào.</td></tr>`;
  }
  return page.rows
    .map(({ stt, student: s }, index) => {
      const cells = [stt, s.studentCode, s.fullName, s.birthDate, s.gender, s.ethnicity, s.status]
        .map((value) => `<td>${escapeHtml(value)}</td>`)
        .join('');
      return `<tr class="${index % 2 === 0 ? 'rgRow' : 'rgAltRow'}" id="gridHocSinh_row_${s.studentId}">${cells}<td><a class="rgEdit" href="javascript:void(0)" data-id="${s.studentId}">Sửa</a></td></tr>`;
    })
    .join('\n');
}

export function gridPager(page: GridPage): string {
  const numbers = Array.from({ length: page.pageCount }, (_, i) => i + 1)
    .map((n) =>
      n === page.page
        ? `<span class="rgCurrentPage">${n}</span>`
        : `<a class="rgNumPage" href="javascript:void(0)" data-page="${n}">${n}</a>`,
    )
    .join('');
  return `<input type="button" class="rgPagePrev" title="Trang trước" value="‹"${page.page === 1 ? ' disabled' : ''}>
<span class="rgNumPart">${numbers}</span>
<input type="button" class="rgPageNext" title="Trang sau" value="›"${page.page === page.pageCount ? ' disabled' : ''}>
<span class="rgInfoPart">Trang ${page.page}/${page.pageCount} - ${page.total} học sinh</span>`;
}

export function studentGrid(classId: number, page: GridPage, filters: GridFilters): string {
  const headers = COLUMNS.map((c) => `<th class="rgHeader" scope="col">${escapeHtml(c.title)}</th>`).join('');
  const filterCells = COLUMNS.map((c) =>
    c.filter
      ? `<td><input type="text" class="rgFilterBox" name="${c.filter}" data-filter="${c.filter}" maxlength="${FILTER_MAX_LENGTH}" value="${escapeHtml(filters[c.filter] ?? '')}"></td>`
      : '<td></td>',
  ).join('');
  return `<div id="gridHocSinh" class="RadGrid RadGrid_Default" data-lop-id="${classId}" data-page="${page.page}">
<div class="rgHeaderDiv"><table class="rgMasterTable rgHeaderTable">${colgroup}<thead><tr>${headers}</tr><tr class="rgFilterRow">${filterCells}</tr></thead></table></div>
<div class="rgDataDiv"><table class="rgMasterTable">${colgroup}<tbody>
${gridRows(page)}
</tbody></table></div>
<div class="rgPager">${gridPager(page)}</div>
</div>`;
}
