// A hash router: `#/accounts/acct_7`. Hash URLs need no server fallback and survive any base path;
// the invitation link (`#/accept/:token`) works before the dashboard knows who you are.
import { useEffect, useState } from 'preact/hooks';

export type Params = Record<string, string>;

/** `#/accounts/x?y` → `/accounts/x`; an empty hash is `/`. */
export function pathOf(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path.startsWith('/') ? path : `/${path}`;
}

/** Matches `/accounts/:id` against `/accounts/acct%207` → `{ id: 'acct 7' }`; null when it does not. */
export function matchPath(pattern: string, path: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Params = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return params;
}

export const href = (path: string) => `#${path}`;

/** Builds `/users/<id>` with the id encoded, for links to user-supplied ids. */
export const pathTo = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export function navigate(path: string): void {
  window.location.hash = path;
}

/** The current route path; re-renders on every hash change. */
export function useHashPath(): string {
  const [path, setPath] = useState(() => pathOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setPath(pathOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}
