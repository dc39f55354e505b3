import type { SchoolLevel } from '../../common/school';
import { escapeHtml } from '../../../vnedu/views/html';
import { legacyPage } from './layout';

export function chooseLevelPage(
  token: string,
  levels: readonly SchoolLevel[],
  fullName: string,
  error?: string,
): string {
  const boxes = levels
    .map(
      (level, index) =>
        `<div class="level-box"><label><input type="radio" name="RdbSelectLevel" value="${level.code}"${index === 0 ? ' checked' : ''}> ${escapeHtml(level.name)}</label></div>`,
    )
    .join('\n');
  return legacyPage({
    title: 'Chọn cấp học',
    body: `<form class="level-form" id="formChooseLevel" method="post" action="/Home/ChooseLevel">
<h2>Chọn cấp học</h2>
<p>Thầy/cô ${escapeHtml(fullName)} được phân quyền ở nhiều cấp học. Thầy/cô chọn cấp học để làm việc:</p>
<input name="__RequestVerificationToken" type="hidden" value="${escapeHtml(token)}">
${boxes}
${error ? `<p class="message-of-error">${escapeHtml(error)}</p>` : ''}
<input id="btnChonCap" type="submit" value="Tiếp tục">
</form>`,
  });
}
