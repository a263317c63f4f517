// URL patterns of page triggers and multi-page steps: exact, prefix, glob (`*` = anything) or regex.
// Patterns are matched against path + query + hash; a pattern with no `?` ignores the query and one
// with no `#` ignores the hash, so `/projects` matches `/projects?tab=2`. A pattern starting with
// http(s):// is matched against the whole URL.

export type UrlMatch = 'exact' | 'prefix' | 'glob' | 'regex';

type Location = { href: string; pathname: string; search: string; hash: string };

function subject(pattern: string, at: Location): string {
  if (/^https?:\/\//i.test(pattern)) {
    const url = new URL(at.href);
    if (!pattern.includes('?')) url.search = '';
    if (!pattern.includes('#')) url.hash = '';
    return url.href;
  }
  return trimSlash(at.pathname) + (pattern.includes('?') ? at.search : '') + (pattern.includes('#') ? at.hash : '');
}

// A trailing slash is not a different page: /projects/ is /projects.
const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/$/, '') : path);

const escape = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Whether the location matches; an invalid regex matches nothing. */
export function matchUrl(pattern: string, match: UrlMatch, at: Location): boolean {
  if (match === 'regex') {
    try {
      return new RegExp(pattern).test(at.pathname + at.search + at.hash);
    } catch {
      return false;
    }
  }
  const value = subject(pattern, at);
  if (match === 'exact') return value === pattern.replace(/(.)\/(?=$|[?#])/, '$1');
  if (match === 'prefix') return value.startsWith(pattern);
  return new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`).test(value);
}
