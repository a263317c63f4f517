// Versioned migrations: NNN_description.sql files applied in order, each in its own transaction,
// by one server at a time (a lease row in schema_lock); servers starting meanwhile wait, reading only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './client';
import { leaseOwner } from './lease-owner';

const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;
// sqld aborts a transaction another writer has waited on for 5 s (TRANSACTION_TIMEOUT); a file says BUSY.
const TRANSIENT = /TRANSACTION_TIMEOUT|SQLITE_BUSY|database is locked|STREAM_EXPIRED/;

export type Migration = { version: number; name: string; sql: string };

export type MigrateOptions = {
  /** @default host:pid:random */
  owner?: string;
  /** How long the lock holds without news from its holder (renewed before each migration). @default 60000 */
  lockMs?: number;
  /** How long to wait for another server's migrations before giving up. @default 300000 */
  waitMs?: number;
  /** @default 250 */
  pollMs?: number;
  now?: () => number;
};

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Creates the bookkeeping tables when missing. Checked by a read first: on sqld even a no-op
 * CREATE … IF NOT EXISTS queues for the write lock, and after 5 s would abort a migration under way.
 */
async function ensureTables(db: Database): Promise<void> {
  const found = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'schema_lock')");
  const has = new Set(found.rows.map((r) => String(r.name)));
  if (!has.has('schema_migrations')) {
    await db.execute('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  }
  if (!has.has('schema_lock')) {
    await db.execute('CREATE TABLE IF NOT EXISTS schema_lock (id INTEGER PRIMARY KEY CHECK (id = 1), owner TEXT NOT NULL, expires_at INTEGER NOT NULL)');
  }
}

async function pendingOf(db: Database, migrations: Migration[]): Promise<Migration[]> {
  const done = await db.execute('SELECT version FROM schema_migrations');
  const applied = new Set(done.rows.map((r) => Number(r.version)));
  return migrations.filter((m) => !applied.has(m.version));
}

function createLock(db: Database, owner: string, lockMs: number, now: () => number) {
  return {
    /** The current holder when another server holds an unexpired lock; null once this one holds it. */
    async acquire(): Promise<string | null> {
      const held = (await db.execute('SELECT owner, expires_at FROM schema_lock WHERE id = 1')).rows[0];
      if (held !== undefined && held.owner !== owner && Number(held.expires_at) > now()) return String(held.owner);
      const r = await db.execute({
        sql: `INSERT INTO schema_lock (id, owner, expires_at) VALUES (1, ?1, ?2)
              ON CONFLICT (id) DO UPDATE SET owner = ?1, expires_at = ?2 WHERE schema_lock.owner = ?1 OR schema_lock.expires_at <= ?3
              RETURNING owner`,
        args: [owner, now() + lockMs, now()],
      });
      return r.rows.length === 1 ? null : String(held?.owner ?? 'another server');
    },
    async release(): Promise<void> {
      await db.execute({ sql: 'DELETE FROM schema_lock WHERE owner = ?', args: [owner] });
    },
  };
}

/** Applies one migration and its version row in one transaction; false when another server already had. */
async function applyOne(db: Database, m: Migration): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    const tx = await db.transaction('write');
    try {
      const again = await tx.execute({ sql: 'SELECT 1 FROM schema_migrations WHERE version = ?', args: [m.version] });
      if (again.rows.length > 0) {
        await tx.rollback();
        return false;
      }
      await tx.executeMultiple(m.sql);
      await tx.execute({
        sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        args: [m.version, m.name, Date.now()],
      });
      await tx.commit();
      return true;
    } catch (error) {
      await tx.rollback().catch(() => {});
      const message = (error as Error).message;
      if (attempt < 3 && TRANSIENT.test(`${(error as { code?: string }).code ?? ''} ${message}`)) continue;
      throw new Error(`Migration ${m.name} failed: ${message}`, { cause: error });
    } finally {
      tx.close();
    }
  }
}

/** Applies the migrations not yet applied; returns their names. Re-running is a no-op. */
export async function migrate(db: Database, migrations: Migration[], options: MigrateOptions = {}): Promise<string[]> {
  const { owner = leaseOwner(), lockMs = 60_000, waitMs = 300_000, pollMs = 250, now = Date.now } = options;
  await ensureTables(db);
  const lock = createLock(db, owner, lockMs, now);
  const deadline = now() + waitMs;
  const names: string[] = [];
  for (;;) {
    const pending = await pendingOf(db, migrations);
    if (pending.length === 0) return names;
    const holder = await lock.acquire();
    if (holder === null) {
      try {
        for (const m of pending) {
          // Renews the lease; lost only if this server stalled past lockMs and another took over.
          if ((await lock.acquire()) !== null) break;
          if (await applyOne(db, m)) names.push(m.name);
        }
      } finally {
        await lock.release();
      }
      continue;
    }
    if (now() > deadline) throw new Error(`Migrations still held by ${holder} after ${waitMs} ms; the lock expires on its own if that server died`);
    await sleep(pollMs);
  }
}
