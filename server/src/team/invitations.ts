// Invitations to a workspace: a link with a random token (only its hash stored), valid 7 days, used once.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db';
import { normalizeEmail, type Role } from './members';
import { newToken, sha256 } from './tokens';
import { DAY_MS } from '../time';

export const INVITATION_DAYS = 7;

export type Invitation = { id: string; email: string; role: Role; invitedBy: string | null; createdAt: string; expiresAt: string };

const toInvitation = (row: Record<string, unknown>): Invitation => ({
  id: String(row.id),
  email: String(row.email),
  role: String(row.role) as Role,
  invitedBy: row.invited_by === null ? null : String(row.invited_by),
  createdAt: new Date(Number(row.created_at)).toISOString(),
  expiresAt: new Date(Number(row.expires_at)).toISOString(),
});

/** What a token resolves to: the invitation, or why it cannot be used. */
export type Redeemable =
  | { status: 'ok'; invitation: Invitation & { workspaceId: number } }
  | { status: 'unknown' | 'used' | 'expired' };

export type AcceptResult =
  | { status: 'ok'; memberId: string; workspaceId: number }
  | { status: 'unknown' | 'used' | 'expired' | 'member-exists' };

export function createInvitationStore(db: Database, now: () => number = Date.now) {
  async function resolve(token: string): Promise<Redeemable> {
    const result = await db.execute({ sql: 'SELECT * FROM invitations WHERE token_hash = ?', args: [sha256(token)] });
    const row = result.rows[0];
    if (row === undefined) return { status: 'unknown' };
    if (row.accepted_at !== null) return { status: 'used' };
    if (Number(row.expires_at) <= now()) return { status: 'expired' };
    return { status: 'ok', invitation: { ...toInvitation(row), workspaceId: Number(row.workspace_id) } };
  }

  return {
    /** A new invitation and its token (shown once); earlier pending invitations of that email are revoked. */
    async create(workspaceId: number, input: { email: string; role: Role; invitedBy: string | null }) {
      const { token, hash } = newToken();
      const id = `inv_${randomUUID().replaceAll('-', '')}`;
      const email = normalizeEmail(input.email);
      const expiresAt = now() + INVITATION_DAYS * DAY_MS;
      await db.batch(
        [
          { sql: 'DELETE FROM invitations WHERE workspace_id = ? AND email = ? AND accepted_at IS NULL', args: [workspaceId, email] },
          {
            sql: `INSERT INTO invitations (id, workspace_id, email, role, token_hash, invited_by, created_at, expires_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            args: [id, workspaceId, email, input.role, hash, input.invitedBy, now(), expiresAt],
          },
        ],
        'write',
      );
      const invitation: Invitation = { id, email, role: input.role, invitedBy: input.invitedBy, createdAt: new Date(now()).toISOString(), expiresAt: new Date(expiresAt).toISOString() };
      return { invitation, token };
    },

    /** Invitations not yet accepted and not expired, oldest first. */
    async pending(workspaceId: number): Promise<Invitation[]> {
      const result = await db.execute({
        sql: 'SELECT * FROM invitations WHERE workspace_id = ? AND accepted_at IS NULL AND expires_at > ? ORDER BY created_at, rowid',
        args: [workspaceId, now()],
      });
      return result.rows.map(toInvitation);
    },

    async revoke(workspaceId: number, id: string): Promise<boolean> {
      const result = await db.execute({
        sql: 'DELETE FROM invitations WHERE workspace_id = ? AND id = ? AND accepted_at IS NULL',
        args: [workspaceId, id],
      });
      return result.rowsAffected > 0;
    },

    resolve,

    /**
     * Uses the invitation: marks it accepted and creates the member in one transaction, so two
     * clicks on one link make one member. The password is hashed before (it is slow).
     */
    async accept(token: string, member: { name: string; passwordHash: string }): Promise<AcceptResult> {
      const found = await resolve(token);
      if (found.status !== 'ok') return found;
      const { invitation } = found;
      const memberId = `mem_${randomUUID().replaceAll('-', '')}`;
      const tx = await db.transaction('write');
      try {
        const used = await tx.execute({
          sql: 'UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND expires_at > ?',
          args: [now(), invitation.id, now()],
        });
        if (used.rowsAffected === 0) {
          await tx.rollback();
          return { status: 'used' };
        }
        const created = await tx.execute({
          sql: `INSERT INTO members (id, workspace_id, email, name, role, password_hash, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING`,
          args: [memberId, invitation.workspaceId, invitation.email, member.name, invitation.role, member.passwordHash, now(), now()],
        });
        if (created.rowsAffected === 0) {
          await tx.rollback();
          return { status: 'member-exists' };
        }
        await tx.commit();
        return { status: 'ok', memberId, workspaceId: invitation.workspaceId };
      } finally {
        tx.close();
      }
    },
  };
}

export type InvitationStore = ReturnType<typeof createInvitationStore>;
