// Cross-site request forgery defences for cookie-authenticated requests (the dashboard session):
// an unsafe method must carry the session's X-CSRF-Token, and a browser's Origin must be our own.
// Bearer-key requests skip both: a key is never sent by a browser on its own.
import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { ApiError } from './api-error';

export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isUnsafeMethod = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/**
 * Rejects a request whose Origin header names another host than the one it was sent to (or
 * X-Forwarded-Host, set by a reverse proxy: a page cannot send that header cross-origin).
 * No Origin header (curl, server-to-server) passes.
 */
export function checkOrigin(c: Context): void {
  const origin = c.req.header('origin');
  if (origin === undefined) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden(`Cross-origin request refused: Origin "${origin}" is not this server`);
  }
  const hosts = [new URL(c.req.url).host, c.req.header('host'), ...(c.req.header('x-forwarded-host') ?? '').split(',')]
    .map((h) => h?.trim().toLowerCase())
    .filter((h): h is string => h !== undefined && h !== '');
  if (!hosts.includes(originHost.toLowerCase())) {
    throw forbidden(`Cross-origin request refused: Origin ${origin} is not this server (${hosts[0] ?? 'unknown host'})`);
  }
}

/** For a cookie-authenticated request: unsafe methods need our Origin and the session's CSRF token. */
export function checkCsrf(c: Context, expected: string): void {
  if (!isUnsafeMethod(c.req.method)) return;
  checkOrigin(c);
  const sent = c.req.header(CSRF_HEADER);
  if (sent === undefined || !safeEqual(sent, expected)) {
    throw forbidden(`Missing or wrong ${CSRF_HEADER} header: send the csrfToken that GET /v1/session answers`);
  }
}
