/**
 * Browser-extension match patterns (`https://*.vnedu.vn/v5/*`), as Chrome reads them: scheme
 * `http`, `https` or `*` (either); host `*`, `*.domain` (the domain and its subdomains) or an
 * exact name; an optional port (any port when absent or `*`); a path glob where `*` matches
 * anything, compared with the URL's path and query. `file:` and `<all_urls>` are not accepted:
 * a profile describes one web portal.
 */
const PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[a-z\d.-]+)(?::(\*|\d{1,5}))?(\/.*)$/i;

interface MatchPattern {
  scheme: '*' | 'http' | 'https';
  host: string;
  port: string | undefined;
  path: RegExp;
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

// Split by hand rather than with URL, which is not part of the language (shared stays free of
// DOM and Node typings): scheme, optional user info, host, optional port, path, optional query.
const URL_PARTS =
  /^([a-z][a-z\d+.-]*):\/\/(?:[^@/?#]*@)?([^:/?#]*)(?::(\d*))?(\/[^?#]*)?(\?[^#]*)?(?:#.*)?$/i;

export function isMatchPattern(pattern: string): boolean {
  return parseMatchPattern(pattern) !== undefined;
}

/**
 * The same pattern over every path of its origin (`https://*.vnedu.vn/v5/*` → `https://*.vnedu.vn/*`):
 * what a manifest's host permissions and web-accessible resources take, which ignore paths.
 */
export function originPattern(pattern: string): string {
  const match = PATTERN.exec(pattern);
  if (!match) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host, port] = match;
  return `${scheme}://${host}${port === undefined ? '' : `:${port}`}/*`;
}

export function matchesPattern(pattern: string, url: string): boolean {
  const parsed = parseMatchPattern(pattern);
  const parts = URL_PARTS.exec(url);
  if (!parsed || !parts) return false;
  const [, rawScheme = '', rawHost = '', port, path = '/', query = ''] = parts;
  const scheme = rawScheme.toLowerCase();
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort === undefined || (parsed.scheme !== '*' && parsed.scheme !== scheme)) return false;
  if (!hostMatches(parsed.host, rawHost.toLowerCase())) return false;
  if (parsed.port !== undefined && parsed.port !== '*' && parsed.port !== (port || defaultPort)) return false;
  return parsed.path.test(path + query);
}

function parseMatchPattern(pattern: string): MatchPattern | undefined {
  const match = PATTERN.exec(pattern);
  if (!match) return undefined;
  const [, scheme, host, port, path] = match;
  if (!scheme || !host || !path) return undefined;
  const glob = path.split('*').map(escapeRegExp).join('.*');
  return {
    scheme: scheme.toLowerCase() as MatchPattern['scheme'],
    host: host.toLowerCase(),
    port,
    path: new RegExp(`^${glob}$`),
  };
}

function hostMatches(patternHost: string, hostname: string): boolean {
  if (patternHost === '*') return true;
  if (!patternHost.startsWith('*.')) return patternHost === hostname;
  const domain = patternHost.slice(2);
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
