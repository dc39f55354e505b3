import { escapeHtml } from '../../../vnedu/views/html';
import { styles } from './styles';

// Server-rendered pages in the shape of an ASP.NET MVC site of the SMAS era: a doctype, a
// header bar naming the user ("Thầy/cô …"), the school level and year, then the content.

export interface LegacyPage {
  title: string;
  body: string;
  /** Served client scripts, in order (from /Scripts/). */
  scripts?: readonly string[];
}

export function legacyPage({ title, body, scripts = [] }: LegacyPage): string {
  const tags = scripts.map((name) => `<script src="/Scripts/${escapeHtml(name)}"></script>`).join('');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} - SMAS</title>
<style>${styles}</style>
</head>
<body>
${body}
${tags}
</body>
</html>`;
}

export interface HeaderParts {
  fullName: string;
  levelName?: string;
  schoolName: string;
  schoolYear: string;
}

export function headerBar({ fullName, levelName, schoolName, schoolYear }: HeaderParts): string {
  const level = levelName ? ` | ${escapeHtml(levelName)}` : '';
  return `<div id="header"><div><strong>SMAS</strong> | ${escapeHtml(schoolName)}${level} | Năm học ${escapeHtml(schoolYear)}</div>
<div>Thầy/cô: <span id="lblUserName">${escapeHtml(fullName)}</span> | <a href="/Home/Index">Trang chủ</a> | <a href="/Home/LogOff">Đăng xuất</a></div></div>`;
}
