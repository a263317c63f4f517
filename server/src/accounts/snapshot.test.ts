import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../contracts/settings';
import { group } from '../testing/messages';
import { bodyOf, createTestApp } from '../testing/test-app';
import { createScoreSnapshots, maxAgeOf, scoreAndStoreIn, SNAPSHOT_MAX_AGE_MS } from './snapshot';

const ids = (accounts: readonly { id: string }[]) => accounts.map((a) => a.id).sort();
const T = Date.UTC(2026, 0, 10);

describe('account score snapshots', () => {
  it('a quick workspace is scored for every listing: a new account shows at once', async () => {
    const t = await createTestApp({ now: () => T });
    await t.post('/v1/batch', { batch: [group('u1', 'a1', T - 1000, { seats: 2 })] });
    expect(ids((await bodyOf<{ accounts: { id: string }[] }>(await t.admin('GET', '/v1/accounts'))).accounts)).toEqual(['a1']);
    await t.post('/v1/batch', { batch: [group('u2', 'a2', T - 1000, { seats: 2 })] });
    expect(ids((await bodyOf<{ accounts: { id: string }[] }>(await t.admin('GET', '/v1/accounts'))).accounts)).toEqual(['a1', 'a2']);
  });

  it('a slow one is served from its snapshot until it ages out or the settings change', async () => {
    let clock = T;
    const t = await createTestApp({ now: () => clock });
    const settings = settingsSchema.parse({});
    // Every scoring counts as slow here.
    const snapshots = createScoreSnapshots(t.db, scoreAndStoreIn(t.db), () => clock, 0);
    await t.post('/v1/batch', { batch: [group('u1', 'a1', T - 1000)] });
    expect(await snapshots.current(1, settings)).toBeNull();
    await snapshots.refreshIfDue(1, settings);
    await t.post('/v1/batch', { batch: [group('u2', 'a2', T - 1000)] });
    const held = await snapshots.current(1, settings);
    expect(ids(held!.accounts)).toEqual(['a1']);
    expect(await snapshots.current(1, settingsSchema.parse({ segments: [{ name: 'All' }] }))).toBeNull();
    // Past half its allowed age the job rescores; past all of it, listings stop using it.
    clock += maxAgeOf(0) / 2;
    await snapshots.refreshIfDue(1, settings);
    expect(ids((await snapshots.current(1, settings))!.accounts)).toEqual(['a1', 'a2']);
    clock += maxAgeOf(0);
    expect(await snapshots.current(1, settings)).toBeNull();
  });

  it('a quick one is rescored by the job now and then, so growing slow is noticed there', async () => {
    let clock = T;
    const t = await createTestApp({ now: () => clock });
    const settings = settingsSchema.parse({});
    // Every scoring counts as quick here.
    const snapshots = createScoreSnapshots(t.db, scoreAndStoreIn(t.db), () => clock, Number.MAX_SAFE_INTEGER);
    const scoredAt = async () => (await t.db.execute('SELECT computed_at FROM account_score_snapshots')).rows.map((r) => Number(r.computed_at));
    await t.post('/v1/batch', { batch: [group('u1', 'a1', T - 1000)] });
    await snapshots.refreshIfDue(1, settings);
    clock += SNAPSHOT_MAX_AGE_MS - 60_000;
    await snapshots.refreshIfDue(1, settings);
    expect(await scoredAt()).toEqual([T]);
    clock += 60_000;
    await snapshots.refreshIfDue(1, settings);
    expect(await scoredAt()).toEqual([T + SNAPSHOT_MAX_AGE_MS]);
  });
});

describe('refreshing a snapshot', () => {
  it('a refresh asked for while one runs waits for it instead of scoring again; other settings score anew', async () => {
    const t = await createTestApp({ now: () => T });
    await t.post('/v1/batch', { batch: [group('u1', 'a1', T - 1000)] });
    const scored: string[] = [];
    const store = scoreAndStoreIn(t.db);
    const snapshots = createScoreSnapshots(t.db, async (workspaceId, settings, computedAt) => {
      scored.push(settings.segments.map((s) => s.name).join());
      return store(workspaceId, settings, computedAt);
    }, () => T, 0);
    const settings = settingsSchema.parse({});
    const other = settingsSchema.parse({ segments: [{ name: 'All' }] });
    const [job, listing, otherListing] = await Promise.all([snapshots.refresh(1, settings), snapshots.refresh(1, settings), snapshots.refresh(1, other)]);
    expect(listing).toBe(job);
    expect(otherListing).not.toBe(job);
    expect(scored).toHaveLength(2);
    await snapshots.refresh(1, settings);
    expect(scored).toHaveLength(3);
  });
});
