import type { SmasClass } from '../../common/roster';
import { escapeHtml } from '../../../vnedu/views/html';
import { type HeaderParts, headerBar, legacyPage } from './layout';

export function indexPage(header: HeaderParts, classes: readonly SmasClass[], banner: string): string {
  const links = classes
    .map(
      (c) =>
        `<li><a href="/HoSoHocSinh/DanhSach?lopId=${c.id}">Hồ sơ học sinh lớp ${escapeHtml(c.name)}</a> (${c.students.length} học sinh)</li>`,
    )
    .join('\n');
  return legacyPage({
    title: 'Trang chủ',
    body: `${headerBar(header)}
<div id="content">${banner}
<h2>Chào mừng thầy/cô ${escapeHtml(header.fullName)}</h2>
<ul id="menuHoSo">${links}</ul>
</div>`,
  });
}
