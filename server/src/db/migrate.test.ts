import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRebuildStore } from '../rollups/rebuild';
import { SQLD_BINARY, startTestSqld } from '../testing/sqld';
import { tempDir } from '../testing/temp-dir';
import { openDatabase, type Database } from './client';
import { migrate, readMigrations } from './migrate';

const dir = fileURLToPath(new URL('./migrations', import.meta.url));
const all = readMigrations(dir);

/** `n` clients on one new database file, as `n` servers share one database. */
async function sharedFile(n: number): Promise<Database[]> {
  const tmp = tempDir('onward-migrate-');
  const dbs = await Promise.all(Array.from({ length: n }, () => openDatabase(`file:${join(tmp, 'onward.db')}`)));
  onTestFinished(() => {
    for (const db of dbs) db.close();
  });
  return dbs;
}

/** Every migration was applied exactly once, by one of the migrators, and the lock is free again. */
async function expectAppliedOnce(db: Database, results: string[][]) {
  expect(results.flat().sort()).toEqual(all.map((m) => m.name));
  const rows = await db.execute('SELECT version, count(*) AS n FROM schema_migrations GROUP BY version ORDER BY version');
  expect(rows.rows.map((r) => [Number(r.version), Number(r.n)])).toEqual(all.map((m) => [m.version, 1]));
  expect((await db.execute('SELECT count(*) AS n FROM schema_lock')).rows[0]).toMatchObject({ n: 0 });
}

describe('migrate', () => {
  it('applies every migration once; running again is a no-op', async () => {
    const db = await openDatabase(':memory:');
    expect(await migrate(db, all)).toEqual(all.map((m) => m.name));
    expect(await migrate(db, all)).toEqual([]);
    const tables = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'");
    expect(tables.rows).toHaveLength(1);
  });

  it('007 marks the survey responses stored before it that came from anonymous visitors', async () => {
    const db = await openDatabase(':memory:');
    await migrate(db, all.filter((m) => m.version < 7));
    await db.batch([
      "INSERT INTO users (workspace_id, id, is_anonymous, first_message_at) VALUES (1, 'ada', 0, 1), (1, 'anon-1', 1, 1)",
      "INSERT INTO survey_responses (workspace_id, user_id, at, score) VALUES (1, 'ada', 5, 9), (1, 'anon-1', 6, 3)",
    ], 'write');
    await migrate(db, all);
    const rows = await db.execute('SELECT user_id, anonymous FROM survey_responses ORDER BY at');
    expect(rows.rows.map((r) => [r.user_id, Number(r.anonymous)])).toEqual([['ada', 0], ['anon-1', 1]]);
  });

  it('008 keys the users stored before it, negative and unique, and their activity days by the same key', async () => {
    const db = await openDatabase(':memory:');
    await migrate(db, all.filter((m) => m.version < 8));
    await db.batch([
      "INSERT INTO users (workspace_id, id, is_anonymous, first_message_at) VALUES (1, 'ada', 0, 1), (1, 'bo', 0, 1), (2, 'ada', 0, 1)",
      `INSERT INTO user_activity_days (workspace_id, user_id, day, first_at, last_at) VALUES
         (1, 'ada', 0, 1, 2), (1, 'ada', 1, 86400001, 86400002), (1, 'bo', 0, 3, 4), (2, 'ada', 0, 5, 6)`,
    ], 'write');
    await migrate(db, all);
    const users = await db.execute('SELECT workspace_id, id, key FROM users ORDER BY workspace_id, id');
    const keys = users.rows.map((r) => Number(r.key));
    expect(keys.every((k) => k < 0)).toBe(true);
    expect(new Set(keys).size).toBe(3);
    const days = await db.execute(`SELECT count(*) AS n FROM user_activity_days d JOIN users u
      ON u.workspace_id = d.workspace_id AND u.id = d.user_id AND u.key = d.user_key`);
    expect(Number(days.rows[0]!.n)).toBe(4);
  });

  it('010 has a rebuild fill in the latest return of the users stored before it', async () => {
    const db = await openDatabase(':memory:');
    await migrate(db, all.filter((m) => m.version < 10));
    const DAY = 86_400_000;
    // ada returns at day 20 (20 days away), then is back after 2 days (no return); bo never returns.
    await db.batch([
      "INSERT INTO users (workspace_id, id, is_anonymous, first_message_at) VALUES (1, 'ada', 0, 1), (1, 'bo', 0, 1)",
      `INSERT INTO user_activity_days (workspace_id, user_id, day, first_at, last_at, gap_before) VALUES
         (1, 'ada', 0, 1, 2, NULL), (1, 'ada', 20, ${20 * DAY + 5}, ${20 * DAY + 9}, ${20 * DAY + 3}),
         (1, 'ada', 22, ${22 * DAY}, ${22 * DAY}, ${2 * DAY - 9}), (1, 'bo', 0, 3, 4, NULL)`,
    ], 'write');
    await migrate(db, all);
    expect((await db.execute('SELECT total, finished_at FROM user_rebuilds WHERE workspace_id = 1')).rows[0]).toMatchObject({ total: 2, finished_at: null });
    const rebuilds = createRebuildStore(db, 'test');
    while (await rebuilds.step());
    const users = await db.execute('SELECT id, last_return_at FROM users ORDER BY id');
    expect(users.rows.map((r) => [r.id, r.last_return_at])).toEqual([['ada', 20 * DAY + 5], ['bo', null]]);
  });

  it('012 takes when each user first had an account from the account history', async () => {
    const db = await openDatabase(':memory:');
    await migrate(db, all.filter((m) => m.version < 12));
    await db.batch([
      `INSERT INTO users (workspace_id, id, is_anonymous, first_message_at, account_id, account_at) VALUES
         (1, 'ada', 0, 1, 'acme', 30), (1, 'bo', 0, 1, NULL, NULL)`,
      "INSERT INTO user_account_history (workspace_id, user_id, at, account_id) VALUES (1, 'ada', 30, 'acme'), (1, 'ada', 10, 'initech')",
    ], 'write');
    await migrate(db, all);
    const users = await db.execute('SELECT id, account_first_at FROM users ORDER BY id');
    expect(users.rows.map((r) => [r.id, r.account_first_at])).toEqual([['ada', 10], ['bo', null]]);
  });

  it('015 keeps the event and activity days stored before it, and the latest return follows new gaps', async () => {
    const db = await openDatabase(':memory:');
    await migrate(db, all.filter((m) => m.version < 15));
    const DAY = 86_400_000;
    await db.batch([
      "INSERT INTO users (workspace_id, id, is_anonymous, key, first_message_at) VALUES (1, 'ada', 0, 7, 1)",
      `INSERT INTO user_event_days (workspace_id, user_id, event, day, count, first_at, last_at) VALUES
         (1, 'ada', 'Report Run', 0, 3, 10, 20), (1, 'ada', 'Report Run', 30, 1, ${30 * DAY + 5}, ${30 * DAY + 5})`,
      `INSERT INTO user_activity_days (workspace_id, user_id, day, first_at, last_at, gap_before, user_key) VALUES
         (1, 'ada', 0, 1, 20, NULL, 7), (1, 'ada', 30, ${30 * DAY + 5}, ${30 * DAY + 5}, ${30 * DAY - 15}, 7)`,
    ], 'write');
    await migrate(db, all);
    const events = await db.execute('SELECT event, day, count, first_at, last_at FROM user_event_days ORDER BY day');
    expect(events.rows.map((r) => [r.event, r.day, r.count, r.first_at, r.last_at])).toEqual([
      ['Report Run', 0, 3, 10, 20], ['Report Run', 30, 1, 30 * DAY + 5, 30 * DAY + 5]]);
    const days = await db.execute('SELECT day, first_at, last_at, gap_before, user_key FROM user_activity_days ORDER BY day');
    expect(days.rows.map((r) => [r.day, r.first_at, r.last_at, r.gap_before, r.user_key])).toEqual([
      [0, 1, 20, null, 7], [30, 30 * DAY + 5, 30 * DAY + 5, 30 * DAY - 15, 7]]);
    // The trigger now watches user_days: a gap set on an activity row moves the latest return.
    await db.execute(`UPDATE user_days SET gap_before = ${30 * DAY - 15} WHERE event = '' AND day = 30`);
    expect((await db.execute("SELECT last_return_at FROM users WHERE id = 'ada'")).rows[0]?.last_return_at).toBe(30 * DAY + 5);
  });

  it('leaves nothing of a failed migration behind, and frees the lock', async () => {
    const db = await openDatabase(':memory:');
    const broken = [{ version: 1, name: '001_broken.sql', sql: 'CREATE TABLE half (a); CREATE TABLE (' }];
    await expect(migrate(db, broken)).rejects.toThrow(/Migration 001_broken.sql failed/);
    const left = await db.execute("SELECT name FROM sqlite_master WHERE name IN ('half')");
    expect(left.rows).toHaveLength(0);
    expect((await db.execute('SELECT count(*) AS n FROM schema_migrations')).rows[0]).toMatchObject({ n: 0 });
    expect((await db.execute('SELECT count(*) AS n FROM schema_lock')).rows[0]).toMatchObject({ n: 0 });
  });

  it('two servers starting at once on one file: one applies each migration, the other waits', async () => {
    const [a, b] = (await sharedFile(2)) as [Database, Database];
    const results = await Promise.all([migrate(a, all, { owner: 'a', pollMs: 10 }), migrate(b, all, { owner: 'b', pollMs: 10 })]);
    await expectAppliedOnce(a, results);
  });

  it('waits for a live lock and takes over one whose holder died', async () => {
    const [db] = (await sharedFile(1)) as [Database];
    await migrate(db, []);
    const t0 = Date.now();
    await db.execute({ sql: "INSERT INTO schema_lock (id, owner, expires_at) VALUES (1, 'dead', ?)", args: [t0 + 300] });
    expect(await migrate(db, all, { owner: 'b', pollMs: 20 })).toEqual(all.map((m) => m.name));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
  });

  it('gives up after waitMs, naming the holder', async () => {
    const [db] = (await sharedFile(1)) as [Database];
    await migrate(db, []);
    await db.execute({ sql: "INSERT INTO schema_lock (id, owner, expires_at) VALUES (1, 'busy-server', ?)", args: [Date.now() + 60_000] });
    await expect(migrate(db, all, { owner: 'b', pollMs: 10, waitMs: 100 })).rejects.toThrow(/held by busy-server/);
    expect((await db.execute('SELECT count(*) AS n FROM schema_migrations')).rows[0]).toMatchObject({ n: 0 });
  });
});

describe.skipIf(!existsSync(SQLD_BINARY))('migrate on sqld (interactive transactions over HTTP)', () => {
  /** A new sqld with `n` clients, as `n` servers share one. */
  async function onSqld(n: number): Promise<{ url: string; dbs: Database[] }> {
    const sqld = (await startTestSqld())!;
    const dbs = await Promise.all(Array.from({ length: n }, () => openDatabase(sqld.url)));
    onTestFinished(async () => {
      for (const db of dbs) db.close();
      await sqld.stop();
    });
    return { url: sqld.url, dbs };
  }

  it('three servers starting at once: each migration applied once', async () => {
    const { dbs } = await onSqld(3);
    const results = await Promise.all(dbs.map((db, i) => migrate(db, all, { owner: `s${i}`, pollMs: 20 })));
    await expectAppliedOnce(dbs[0]!, results);
  });

  it('a server killed inside its migration transaction leaves nothing; the next one applies it once', { timeout: 30_000 }, async () => {
    const { url, dbs } = await onSqld(1);
    const survivor = dbs[0]!;
    await migrate(survivor, []);
    // The dead server: took the lock, opened the transaction, created a table, never committed.
    const dead = await openDatabase(url);
    await dead.execute({ sql: "INSERT INTO schema_lock (id, owner, expires_at) VALUES (1, 'dead', ?)", args: [Date.now() + 200] });
    const tx = await dead.transaction('write');
    await tx.execute('CREATE TABLE half_applied (a)');
    dead.close();
    expect(await migrate(survivor, all, { owner: 'survivor', pollMs: 20 })).toEqual(all.map((m) => m.name));
    await expectAppliedOnce(survivor, [all.map((m) => m.name)]);
    expect((await survivor.execute("SELECT name FROM sqlite_master WHERE name = 'half_applied'")).rows).toHaveLength(0);
  });
});
