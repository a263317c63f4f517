// Dashboard sessions: the cookie holds a random token, the database its SHA-256 and the session's
// CSRF token. Expiry slides: a session used within 14 days stays alive.
import { randomBytes } from 'node:crypto';
import type { Workspace } from '../auth/workspaces';
import type { Database } from '../db';
import { toMember, type Member } from './members';
import { newToken, sha256 } from './tokens';
import { DAY_MS, HOUR_MS } from '../time';

export const SESSION_DAYS = 14;
const SESSION_MS = SESSION_DAYS * DAY_MS;
// Moving the expiry costs a write; once an hour per session is plenty.
const REFRESH_MS = HOUR_MS;

export type Session = {
  member: Member;
  workspace: Workspace;
  csrfToken: string;
  expiresAt: number;
  tokenHash: string;
  /** True when this lookup moved the expiry forward (the cookie should be sent again). */
  refreshed: boolean;
};

export function createSessionStore(db: Database, now: () => number = Date.now) {
  return {
    /** A new session for the member: the cookie value and its CSRF token. */
    async create(memberId: string): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
      const { token, hash } = newToken();
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = now() + SESSION_MS;
      // Expired rows go when new ones come (indexed by expiry), so the table stays the size of its live sessions.
      await db.execute({ sql: 'DELETE FROM sessions WHERE expires_at <= ?', args: [now()] });
      await db.execute({
        sql: 'INSERT INTO sessions (token_hash, member_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        args: [hash, memberId, csrfToken, now(), expiresAt],
      });
      return { token, csrfToken, expiresAt };
    },

    /** The live session of a cookie value, with its member and workspace; null when unknown or expired. */
    async lookup(token: string): Promise<Session | null> {
      const tokenHash = sha256(token);
      // The workspace row comes in the same read: one query per dashboard request.
      const result = await db.execute({
        sql: `SELECT s.csrf_token, s.expires_at, m.id, m.email, m.name, m.role, m.created_at,
                     w.id AS w_id, w.name AS w_name, w.write_key, w.secret_key, w.identity_secret
              FROM sessions s JOIN members m ON m.id = s.member_id JOIN workspaces w ON w.id = m.workspace_id
              WHERE s.token_hash = ? AND s.expires_at > ?`,
        args: [tokenHash, now()],
      });
      const row = result.rows[0];
      if (row === undefined) return null;
      let expiresAt = Number(row.expires_at);
      const refreshed = now() + SESSION_MS - expiresAt > REFRESH_MS;
      if (refreshed) {
        expiresAt = now() + SESSION_MS;
        await db.execute({ sql: 'UPDATE sessions SET expires_at = ? WHERE token_hash = ?', args: [expiresAt, tokenHash] });
      }
      const workspace: Workspace = {
        id: Number(row.w_id),
        name: String(row.w_name),
        writeKey: String(row.write_key),
        secretKey: String(row.secret_key),
        identitySecret: String(row.identity_secret ?? ''),
      };
      return { member: toMember(row), workspace, csrfToken: String(row.csrf_token), expiresAt, tokenHash, refreshed };
    },

    async remove(tokenHash: string): Promise<void> {
      await db.execute({ sql: 'DELETE FROM sessions WHERE token_hash = ?', args: [tokenHash] });
    },

    /** Signs the member out everywhere except the session `keep` (after a password change). */
    async removeOthers(memberId: string, keep: string): Promise<void> {
      await db.execute({ sql: 'DELETE FROM sessions WHERE member_id = ? AND token_hash <> ?', args: [memberId, keep] });
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
