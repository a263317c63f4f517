import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrate, openDatabase, readMigrations, writeTurnsOf } from '../db';
import { BUSY_TIMEOUT_MS } from '../db/client';
import { tempDir } from '../testing/temp-dir';
import { createLocalCommit } from './commit';
import { createNativeCommit } from './native-commit';
import { rowBlock } from './store';
import type { EventRow } from './validate';

const row = (messageId: string, type: 'track' | 'identify' = 'track'): EventRow => ({
  messageId, type, event: type === 'track' ? 'E' : null, userId: 'u', anonymousId: null, groupId: null,
  previousId: null, timestamp: 1_000, receivedAt: 1_000, sentAt: null, properties: null,
  traits: type === 'identify' ? '{"plan":"pro"}' : null, context: null,
});
const block = (...rows: EventRow[]) => rowBlock(1, rows);

async function freshFile() {
  const path = join(tempDir('onward-native-'), 'db.sqlite');
  const db = await openDatabase(`file:${path}`);
  onTestFinished(() => db.close());
  await migrate(db, readMigrations(fileURLToPath(new URL('../db/migrations', import.meta.url))));
  return { path, db };
}

describe('native commit', () => {
  it('stores rows and rollups exactly like the @libsql/client commit, counting new rows per group', async () => {
    const groups = [block(row('a'), row('b', 'identify'), row('a')), block(row('b', 'identify'), row('c'))];
    const native = await freshFile();
    const client = await freshFile();
    expect(await createNativeCommit(native.path)(groups)).toEqual([2, 1]);
    expect(await createLocalCommit(client.db)(groups)).toEqual([2, 1]);
    for (const table of ['events', 'users', 'user_traits', 'user_event_days']) {
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ received_at: _r, ...rest }) => rest);
      const read = async (db: typeof native.db) => strip((await db.execute(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)).rows.map((r) => ({ ...r })));
      expect(await read(native.db)).toEqual(await read(client.db));
    }
  });

  it('splits a write of more rows than one insert holds, and counts each write whole', async () => {
    const { path, db } = await freshFile();
    const many = Array.from({ length: 1_201 }, (_, i) => row(`m${i}`));
    // The second write repeats the last 201 rows of the first and adds one.
    expect(await createNativeCommit(path)([block(...many), block(...many.slice(1_000), row('new'))])).toEqual([1_201, 1]);
    expect((await db.execute('SELECT count(*) AS n, count(DISTINCT message_id) AS d FROM events')).rows[0]).toMatchObject({ n: 1_202, d: 1_202 });
  });

  it('rolls back a failed commit entirely', async () => {
    const { path, db } = await freshFile();
    const commit = createNativeCommit(path);
    const bad = row('x');
    (bad as { type: string }).type = null as unknown as string;
    await expect(commit([block(row('ok')), block(bad)])).rejects.toThrow();
    expect((await db.execute('SELECT count(*) AS n FROM events')).rows[0]).toMatchObject({ n: 0 });
    expect(await commit([block(row('ok'))])).toEqual([1]);
  });

  it('ends its turn when BEGIN fails, so other writers do not wait for a commit that never began', async () => {
    const { path, db } = await freshFile();
    const turns = writeTurnsOf();
    const commit = createNativeCommit(path, () => false, turns);
    const holder = await db.transaction('write');
    await holder.execute("INSERT INTO workspaces (name, write_key, secret_key, created_at) VALUES ('held', 'pk_held', 'sk_held', 0)");
    await expect(commit([block(row('a'))])).rejects.toThrow(/SQLITE_BUSY|locked/);
    await holder.rollback();
    const started = performance.now();
    await turns.turn(async () => undefined);
    expect(performance.now() - started).toBeLessThan(BUSY_TIMEOUT_MS / 5);
  }, 3 * BUSY_TIMEOUT_MS);

  it('starts the WAL over once the checkpoint thread hands it over, and only then', async () => {
    const { path } = await freshFile();
    const walBytes = () => statSync(`${path}-wal`).size;
    const rows = (prefix: string, count: number) => block(...Array.from({ length: count }, (_, i) => row(`${prefix}${i}`)));
    let handedOver = false;
    const commit = createNativeCommit(path, () => handedOver);
    await commit([rows('a', 300)]);
    const long = walBytes();
    await commit([rows('b', 1)]);
    expect(walBytes()).toBeGreaterThan(long);
    const longer = walBytes();
    handedOver = true;
    await commit([rows('c', 1)]);
    // Written over the start of the WAL, not appended.
    expect(walBytes()).toBe(longer);
  });
});
