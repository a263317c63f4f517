// Versioned migrations: NNN_description.sql files applied in order, each in its own transaction.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './client';

const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

export type Migration = { version: number; name: string; sql: string };

/** Reads the migration files of `dir`, sorted by version. */
export function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((name) => FILE_NAME.test(name))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 3)),
      name,
      sql: readFileSync(join(dir, name), 'utf8'),
    }));
}

/** Applies the migrations not yet applied; returns their names. Re-running is a no-op. */
export async function migrate(db: Database, migrations: Migration[]): Promise<string[]> {
  await db.execute(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const done = await db.execute('SELECT version FROM schema_migrations');
  const applied = new Set(done.rows.map((r) => Number(r.version)));
  const names: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    // The schema change and its record commit together: a crash leaves nothing half-applied.
    // The write transaction also serialises servers starting at once: the later one finds it done.
    const tx = await db.transaction('write');
    try {
      const again = await tx.execute({
        sql: 'SELECT 1 FROM schema_migrations WHERE version = ?',
        args: [m.version],
      });
      if (again.rows.length > 0) {
        await tx.rollback();
        continue;
      }
      await tx.executeMultiple(m.sql);
      await tx.execute({
        sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        args: [m.version, m.name, Date.now()],
      });
      await tx.commit();
    } catch (error) {
      await tx.rollback();
      throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
    }
    names.push(m.name);
  }
  return names;
}
