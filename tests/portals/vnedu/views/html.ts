import { styles } from './styles';

// Plain server-rendered HTML strings. Every interpolated value goes through escapeHtml.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** JSON for a <script type="application/json"> block: "</script>" cannot end it early. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

export interface PageParts {
  title: string;
  body: string;
  bodyClass?: string;
  /** Extra <head> content (meta tags). */
  head?: string;
  /** Served client scripts, in order. */
  scripts?: readonly string[];
}

export function htmlPage({ title, body, bodyClass = '', head = '', scripts = [] }: PageParts): string {
  const scriptTags = scripts.map((name) => `<script src="/v5/static/${escapeHtml(name)}"></script>`).join('');
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
${head}<style>${styles}</style>
</head>
<body class="${escapeHtml(bodyClass)}">
${body}
${scriptTags}
</body>
</html>`;
}
