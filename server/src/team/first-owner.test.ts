import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations } from '../db';
import { createWorkspaceStore } from '../auth/workspaces';
import { ensureFirstOwner } from './first-owner';
import { createMemberStore } from './members';
import { hashPassword, verifyPassword } from './password';

async function freshDb() {
  const db = await openDatabase(':memory:');
  await migrate(db, readMigrations(fileURLToPath(new URL('../db/migrations', import.meta.url))));
  await createWorkspaceStore(db).ensureDefault({});
  return db;
}

describe('the first dashboard owner', () => {
  it('is generated once, and its password is shown at every start until the owner changes it', async () => {
    const db = await freshDb();
    const first = await ensureFirstOwner(db, 1, {});
    expect(first).toMatchObject({ email: 'admin@localhost', fromEnv: false });
    expect(first.password).toMatch(/^[\w-]{24}$/);
    expect(await ensureFirstOwner(db, 1, {})).toEqual(first);
    const members = createMemberStore(db);
    const owner = await members.byEmail('admin@localhost');
    expect(owner?.role).toBe('owner');
    expect(await verifyPassword(first.password ?? '', owner?.passwordHash ?? '')).toBe(true);

    await members.setPassword(owner?.id ?? '', await hashPassword('chosen by the owner'));
    expect(await ensureFirstOwner(db, 1, {})).toEqual({ email: 'admin@localhost', password: null, fromEnv: false });
    expect((await db.execute('SELECT generated_password FROM members')).rows[0]?.generated_password).toBeNull();
  });

  it('comes from ONWARD_ADMIN_EMAIL / ONWARD_ADMIN_PASSWORD, which win at every start', async () => {
    const db = await freshDb();
    const env = { email: 'Boss@Example.com', password: 'from the environment' };
    expect(await ensureFirstOwner(db, 1, env)).toEqual({ email: 'boss@example.com', password: null, fromEnv: true });
    const members = createMemberStore(db);
    const boss = await members.byEmail('boss@example.com');
    expect(boss?.generatedPassword).toBeNull();
    expect(await verifyPassword('from the environment', boss?.passwordHash ?? '')).toBe(true);
    await ensureFirstOwner(db, 1, { ...env, password: 'rotated in the environment' });
    expect(await verifyPassword('rotated in the environment', (await members.byEmail('boss@example.com'))?.passwordHash ?? '')).toBe(true);
    expect(await members.count(1)).toBe(1);
  });
});
