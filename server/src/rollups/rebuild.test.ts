import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase, readMigrations } from '../db';
import { BUSY_TIMEOUT_MS } from '../db/client';
import { tempDir } from '../testing/temp-dir';
import { bodyOf, createTestApp } from '../testing/test-app';
import { createRebuildStore } from './rebuild';

const DAY = 86_400_000;
const T0 = Date.parse('2026-02-02T00:00:00Z');
const events = Array.from({ length: 1_200 }, (_, i) => [
  { type: 'page', userId: `u${String(i).padStart(4, '0')}`, timestamp: new Date(T0 + (i % 5) * DAY).toISOString(), messageId: `p${i}` },
  { type: 'track', userId: `u${String(i).padStart(4, '0')}`, event: i % 3 === 0 ? 'Report Created' : 'Project Created', timestamp: new Date(T0 + (i % 5) * DAY + 60_000 * (i % 7)).toISOString(), messageId: `t${i}` },
]).flat();

describe('rebuild after a settings change', () => {
  it('recomputes value and activation for every user, in chunks, with progress', async () => {
    const now = () => T0 + 20 * DAY;
    const t = await createTestApp({ now });
    for (let i = 0; i < events.length; i += 500) await t.post('/v1/batch', { batch: events.slice(i, i + 500) });
    const query = `from=${T0}&to=${T0 + 10 * DAY}`;
    // No value event yet: nobody has reached value.
    expect(await bodyOf(await t.admin('GET', `/v1/metrics/ttv?${query}`))).toMatchObject({ users: 1_200, reached: 0 });

    const put = await bodyOf<{ rebuild: { running: boolean; total: number } }>(
      await t.admin('PUT', '/v1/settings', { valueEvent: 'Report Created', activation: { events: ['Project Created'], windowDays: 1 } }),
    );
    expect(put.rebuild).toMatchObject({ running: true, total: 1_200 });
    expect(await bodyOf(await t.admin('GET', `/v1/metrics/ttv?${query}`))).toMatchObject({ rebuilding: { running: true, done: 0 } });

    const rebuilds = createRebuildStore(t.db, 'test', now);
    let steps = 0;
    while (await rebuilds.step()) steps += 1;
    expect(steps).toBe(3); // 500 + 500 + 200 users
    expect(await rebuilds.status(1)).toMatchObject({ running: false, done: 1_200, total: 1_200 });
    const ttv = await bodyOf<Record<string, unknown>>(await t.admin('GET', `/v1/metrics/ttv?${query}`));
    expect(ttv).toMatchObject({ users: 1_200, reached: 400, medianMs: 180_000 });
    expect(ttv.rebuilding).toBeUndefined();
    expect(await bodyOf(await t.admin('GET', `/v1/metrics/activation?${query}`))).toMatchObject({ mature: 1_200, activated: 800 });
  });

  it('a new dormancy threshold: reactivated users are counted right while the latest returns are rebuilt, and after', async () => {
    const now = () => T0 + 40 * DAY;
    const t = await createTestApp({ now });
    // Back after 10 days (a return under a 7-day threshold only) and after 20 days (under both).
    const page = (userId: string, at: number) => ({ type: 'page', userId, timestamp: new Date(at).toISOString() });
    await t.post('/v1/batch', { batch: [page('ten', T0), page('ten', T0 + 10 * DAY), page('twenty', T0), page('twenty', T0 + 20 * DAY)] });
    const reactivated = async () =>
      bodyOf<{ reactivated: number; rebuilding?: unknown }>(await t.admin('GET', `/v1/metrics/dormancy?from=${T0}&to=${T0 + 30 * DAY}`));
    // No settings saved: the default 14 days.
    expect(await reactivated()).toMatchObject({ reactivated: 1 });

    await t.admin('PUT', '/v1/settings', { dormantAfterDays: 7 });
    expect(await reactivated()).toMatchObject({ reactivated: 2, rebuilding: { running: true } });
    const rebuilds = createRebuildStore(t.db, 'test', now);
    while (await rebuilds.step());
    const after = await reactivated();
    expect(after).toMatchObject({ reactivated: 2 });
    expect(after.rebuilding).toBeUndefined();
    expect(await t.rows('SELECT id, last_return_at FROM users ORDER BY id')).toEqual([
      { id: 'ten', last_return_at: T0 + 10 * DAY },
      { id: 'twenty', last_return_at: T0 + 20 * DAY },
    ]);
  });

  it('a second change restarts the rebuild; a lease held elsewhere is left alone until it expires', async () => {
    let clock = T0;
    const t = await createTestApp({ now: () => clock });
    await t.post('/v1/batch', { batch: events.slice(0, 2_000) });
    await t.admin('PUT', '/v1/settings', { valueEvent: 'Report Created' });
    const a = createRebuildStore(t.db, 'a', () => clock);
    const b = createRebuildStore(t.db, 'b', () => clock);
    // a claims the lease and finishes a chunk; the lease is released with the chunk's commit.
    expect(await a.step()).toBe(true);
    expect(await a.status(1)).toMatchObject({ done: 500 });
    await t.admin('PUT', '/v1/settings', { valueEvent: 'Project Created' });
    expect(await a.status(1)).toMatchObject({ running: true, done: 0 });
    await t.db.execute({ sql: "UPDATE user_rebuilds SET lease_owner = 'a', lease_until = ?", args: [clock + 30_000] });
    expect(await b.step()).toBe(false);
    clock += 31_000;
    while (await b.step());
    expect(await b.status(1)).toMatchObject({ running: false, done: 1_000 });
  });

  it('an idle poll looks without the write lock, so it never waits on the ingest writer', async () => {
    const path = join(tempDir('onward-rebuild-'), 'db.sqlite');
    const db = await openDatabase(`file:${path}`);
    await migrate(db, readMigrations(fileURLToPath(new URL('../db/migrations', import.meta.url))));
    // The commit worker's connection, mid-transaction: a write here would wait out the busy timeout.
    const writer = new Database(path);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = performance.now();
      expect(await createRebuildStore(db, 'poller').step()).toBe(false);
      expect(performance.now() - started).toBeLessThan(BUSY_TIMEOUT_MS / 5);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
      db.close();
    }
  }, 2 * BUSY_TIMEOUT_MS);
});

