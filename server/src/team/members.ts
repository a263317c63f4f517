// Members of a workspace: who may sign in to the dashboard, with which role. Parameterized SQL only.
import { randomUUID } from 'node:crypto';
import type { Database } from '../db';

export const ROLES = ['owner', 'admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export type Member = { id: string; email: string; name: string; role: Role; createdAt: string };
export type MemberWithSecret = Member & { workspaceId: number; passwordHash: string; generatedPassword: string | null };

/** Emails compare case-insensitively: stored trimmed and lower-cased. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function toMember(row: Record<string, unknown>): Member {
  return {
    id: String(row.id),
    email: String(row.email),
    name: String(row.name),
    role: String(row.role) as Role,
    createdAt: new Date(Number(row.created_at)).toISOString(),
  };
}

const withSecret = (row: Record<string, unknown>): MemberWithSecret => ({
  ...toMember(row),
  workspaceId: Number(row.workspace_id),
  passwordHash: String(row.password_hash),
  generatedPassword: row.generated_password === null ? null : String(row.generated_password),
});

export type NewMember = { workspaceId: number; email: string; name: string; role: Role; passwordHash: string; generatedPassword?: string };

export function createMemberStore(db: Database, now: () => number = Date.now) {
  async function byId(workspaceId: number, id: string): Promise<MemberWithSecret | null> {
    const result = await db.execute({ sql: 'SELECT * FROM members WHERE workspace_id = ? AND id = ?', args: [workspaceId, id] });
    const row = result.rows[0];
    return row === undefined ? null : withSecret(row);
  }

  return {
    async byEmail(email: string): Promise<MemberWithSecret | null> {
      const result = await db.execute({ sql: 'SELECT * FROM members WHERE email = ?', args: [normalizeEmail(email)] });
      const row = result.rows[0];
      return row === undefined ? null : withSecret(row);
    },

    byId,

    async list(workspaceId: number): Promise<Member[]> {
      const result = await db.execute({ sql: 'SELECT * FROM members WHERE workspace_id = ? ORDER BY created_at, rowid', args: [workspaceId] });
      return result.rows.map(toMember);
    },

    async count(workspaceId: number, role?: Role): Promise<number> {
      const result = await db.execute({
        sql: 'SELECT count(*) AS n FROM members WHERE workspace_id = ? AND (? IS NULL OR role = ?)',
        args: [workspaceId, role ?? null, role ?? null],
      });
      return Number(result.rows[0]?.n ?? 0);
    },

    /** Inserts the member; null when the email is taken. */
    async create(m: NewMember): Promise<Member | null> {
      const id = `mem_${randomUUID().replaceAll('-', '')}`;
      const result = await db.execute({
        sql: `INSERT INTO members (id, workspace_id, email, name, role, password_hash, generated_password, created_at, updated_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING`,
        args: [id, m.workspaceId, normalizeEmail(m.email), m.name, m.role, m.passwordHash, m.generatedPassword ?? null, now(), now()],
      });
      if (result.rowsAffected === 0) return null;
      return byId(m.workspaceId, id);
    },

    /** A new password: the generated one (if any) is forgotten. */
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.execute({
        sql: 'UPDATE members SET password_hash = ?, generated_password = NULL, updated_at = ? WHERE id = ?',
        args: [passwordHash, now(), id],
      });
    },

    /** The same password under stronger scrypt parameters (on sign-in, when they grew). */
    async rehash(id: string, passwordHash: string): Promise<void> {
      await db.execute({ sql: 'UPDATE members SET password_hash = ? WHERE id = ?', args: [passwordHash, id] });
    },

    /** Removes the member unless that would leave the workspace without an owner (one statement, no race). */
    async remove(workspaceId: number, id: string): Promise<'removed' | 'last-owner' | 'not-found'> {
      const result = await db.execute({
        sql: `DELETE FROM members WHERE workspace_id = ?1 AND id = ?2
                AND (role <> 'owner' OR (SELECT count(*) FROM members WHERE workspace_id = ?1 AND role = 'owner') > 1)`,
        args: [workspaceId, id],
      });
      if (result.rowsAffected > 0) {
        await db.execute({ sql: 'DELETE FROM sessions WHERE member_id = ?', args: [id] });
        return 'removed';
      }
      return (await byId(workspaceId, id)) === null ? 'not-found' : 'last-owner';
    },
  };
}

export type MemberStore = ReturnType<typeof createMemberStore>;
