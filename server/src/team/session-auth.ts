// Reading the dashboard session of a request: the cookie → the session row, the CSRF rule for
// unsafe methods, and the cookie sent again when the sliding expiry moved.
import type { Context } from 'hono';
import { ApiError } from '../http/api-error';
import { checkCsrf } from '../http/csrf';
import { clearedCookieHeader, sessionToken, setSessionCookie } from './cookie';
import type { Session, SessionStore } from './sessions';

/** The request's live session, or null (no cookie, unknown, expired). Checks no CSRF. */
export async function sessionOf(c: Context, sessions: SessionStore, now: () => number): Promise<Session | null> {
  const token = sessionToken(c);
  if (token === undefined) return null;
  const session = await sessions.lookup(token);
  if (session?.refreshed === true) setSessionCookie(c, token, session.expiresAt, now());
  return session;
}

/** The session, or 401 (clearing a stale cookie); 403 when an unsafe method lacks our Origin or CSRF token. */
export async function requireSession(c: Context, sessions: SessionStore, now: () => number): Promise<Session> {
  const session = await sessionOf(c, sessions, now);
  if (session === null) {
    if (sessionToken(c) === undefined) throw new ApiError(401, 'unauthorized', 'Not signed in');
    const clear = { 'Set-Cookie': clearedCookieHeader(c) };
    throw new ApiError(401, 'unauthorized', 'Your session has expired or was signed out; sign in again', undefined, clear);
  }
  checkCsrf(c, session.csrfToken);
  return session;
}
