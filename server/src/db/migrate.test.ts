import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { migrate, readMigrations } from './migrate';

const dir = fileURLToPath(new URL('./migrations', import.meta.url));

describe('migrate', () => {
  it('applies every migration once; running again is a no-op', async () => {
    const db = await openDatabase(':memory:');
    const all = readMigrations(dir);
    expect(await migrate(db, all)).toEqual(all.map((m) => m.name));
    expect(await migrate(db, all)).toEqual([]);
    const tables = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'");
    expect(tables.rows).toHaveLength(1);
  });

  it('leaves nothing of a failed migration behind', async () => {
    const db = await openDatabase(':memory:');
    const broken = [{ version: 1, name: '001_broken.sql', sql: 'CREATE TABLE half (a); CREATE TABLE (' }];
    await expect(migrate(db, broken)).rejects.toThrow(/Migration 001_broken.sql failed/);
    const left = await db.execute("SELECT name FROM sqlite_master WHERE name IN ('half')");
    expect(left.rows).toHaveLength(0);
    expect((await db.execute('SELECT count(*) AS n FROM schema_migrations')).rows[0]).toMatchObject({ n: 0 });
  });
});
