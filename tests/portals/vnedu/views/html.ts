import { styles } from './styles';

// Plain server-rendered HTML strings. Every interpolated value goes through escapeHtml.
// Pages are served as vnEdu serves them: in quirks mode (no doctype), with the classes ExtJS 4
// puts on <html> (x-border-box x-quirks x-viewport).

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

/** `name="value"` pairs, escaped; undefined and false leave the attribute out, true writes it bare. */
export function attrs(values: Readonly<Record<string, string | number | boolean | undefined>>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) =>
      value === true ? ` ${name}` : ` ${name}="${escapeHtml(value as string | number)}"`,
    )
    .join('');
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
  return `<html class="x-border-box x-quirks x-viewport" lang="vi">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escapeHtml(title)}</title>
${head}<style>${styles}</style>
</head>
<body class="x-body ${escapeHtml(bodyClass)}">
${body}
${scriptTags}
</body>
</html>`;
}
