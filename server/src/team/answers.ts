// Shapes the team routes answer with, and request facts they key on.
import type { Context } from 'hono';
import type { Session } from './sessions';

/** What POST/GET /v1/session and an accepted invitation answer. */
export function sessionBody(session: Session) {
  const { id, name, writeKey } = session.workspace;
  return { member: session.member, workspace: { id, name, writeKey }, csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString() };
}

/** The TCP peer (never X-Forwarded-For: anyone could rotate it to dodge the sign-in limit). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
