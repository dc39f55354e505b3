import type { SmasClass } from '../../common/roster';
import { escapeHtml } from '../../../vnedu/views/html';
import { SESSION_REQUEST_SCRIPT } from '../client-scripts';
import type { GridFilters, GridPage } from '../grid-query';
import { type HeaderParts, headerBar, legacyPage } from './layout';
import { studentGrid } from './student-grid';

export interface StudentListView {
  header: HeaderParts;
  banner: string;
  classes: readonly SmasClass[];
  current: SmasClass;
  page: GridPage;
  filters: GridFilters;
}

export function studentListPage({
  header,
  banner,
  classes,
  current,
  page,
  filters,
}: StudentListView): string {
  const options = classes
    .map(
      (c) =>
        `<option value="${c.id}"${c.id === current.id ? ' selected' : ''}>${escapeHtml(c.name)}</option>`,
    )
    .join('');
  return legacyPage({
    title: `Hồ sơ học sinh lớp ${current.name}`,
    scripts: [SESSION_REQUEST_SCRIPT, 'grid.js'],
    body: `${headerBar(header)}
<div id="content">${banner}
<h2>Hồ sơ học sinh</h2>
<div class="toolbar"><label for="ddlLop">Lớp</label> <select id="ddlLop" name="lopId">${options}</select></div>
${studentGrid(current.id, page, filters)}
</div>
<div class="RadWindow RadWindow_Default" id="winHoSo" style="display:none">
<div class="rwTitlebar"><em class="rwTitle">Hồ sơ học sinh</em><a class="rwCloseButton" href="javascript:void(0)" title="Đóng">Đóng</a></div>
<div class="rwContent"><iframe id="ifrHoSo" name="ifrHoSo" src="about:blank" title="Hồ sơ học sinh"></iframe></div>
</div>`,
  });
}
