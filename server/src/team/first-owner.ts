// The first dashboard owner, ensured at every start: from ONWARD_ADMIN_EMAIL / ONWARD_ADMIN_PASSWORD,
// else `admin@localhost` with a generated password. The generated password stays readable in the
// database (for the start banner) until the owner changes it; from then on only a hash exists.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db';
import { createMemberStore } from './members';
import { hashPassword, verifyPassword } from './password';

export const DEFAULT_ADMIN_EMAIL = 'admin@localhost';

/** What the start banner prints: the password only while it is still the generated one. */
export type DashboardSignIn = { email: string; password: string | null; fromEnv: boolean };

export async function ensureFirstOwner(
  db: Database,
  workspaceId: number,
  env: { email?: string | undefined; password?: string | undefined },
  now: () => number = Date.now,
): Promise<DashboardSignIn> {
  const members = createMemberStore(db, now);
  const email = env.email ?? DEFAULT_ADMIN_EMAIL;

  if (env.password !== undefined) {
    // The environment wins at every start, which also makes it the way back in after a lost password.
    const found = await members.byEmail(email);
    if (found === null) {
      await members.create({ workspaceId, email, name: 'Owner', role: 'owner', passwordHash: await hashPassword(env.password) });
    } else if (!(await verifyPassword(env.password, found.passwordHash))) {
      await members.setPassword(found.id, await hashPassword(env.password));
    }
    return { email: email.trim().toLowerCase(), password: null, fromEnv: true };
  }

  if ((await members.count(workspaceId)) === 0) {
    const password = randomBytes(18).toString('base64url');
    await members.create({ workspaceId, email, name: 'Owner', role: 'owner', passwordHash: await hashPassword(password), generatedPassword: password });
  }
  // Another server may have won the race to create it: read back what is stored.
  const owners = (await members.list(workspaceId)).filter((m) => m.role === 'owner');
  const preferred = owners.find((m) => m.email === email.trim().toLowerCase()) ?? owners[0];
  if (preferred === undefined) return { email, password: null, fromEnv: false };
  const stored = await members.byId(workspaceId, preferred.id);
  return { email: preferred.email, password: stored?.generatedPassword ?? null, fromEnv: false };
}
