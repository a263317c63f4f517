import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app';
import { ROLLUP_STATEMENTS } from './statements';

const T0 = Date.parse('2026-01-05T00:00:00Z');
const at = (minutes: number) => T0 + minutes * 60_000;

// One user's history: traits changed over time, two accounts, activity and an anonymous visit.
const history = [
  { type: 'page', anonymousId: 'anon-1', timestamp: at(0), messageId: 'p0' },
  { type: 'identify', userId: 'u1', anonymousId: 'anon-1', timestamp: at(1), traits: { plan: 'free', name: 'Ada' }, messageId: 'i1' },
  { type: 'identify', userId: 'u1', timestamp: at(10), traits: { plan: 'pro' }, messageId: 'i2' },
  { type: 'identify', userId: 'u1', timestamp: at(5), traits: { plan: 'team', seats: 3, beta: true }, messageId: 'i3' },
  { type: 'group', userId: 'u1', groupId: 'acc-a', timestamp: at(2), traits: { mrr: 100, name: 'A' }, messageId: 'g1' },
  { type: 'group', userId: 'u1', groupId: 'acc-b', timestamp: at(20), traits: { mrr: 50 }, messageId: 'g2' },
  { type: 'group', userId: 'u2', groupId: 'acc-a', timestamp: at(3), traits: { mrr: 120 }, messageId: 'g3' },
  { type: 'track', userId: 'u1', event: 'Report Created', timestamp: at(30), messageId: 't1' },
  { type: 'track', userId: 'u1', event: 'Report Created', timestamp: at(4), messageId: 't2' },
  { type: 'alias', userId: 'u1', previousId: 'legacy-7', timestamp: at(6), messageId: 'a1' },
];

async function rollupsAfter(batches: unknown[][]) {
  const t = await createTestApp();
  for (const batch of batches) await t.post('/v1/batch', { batch });
  return {
    // A user's key is the id of whichever of their messages was stored first: arrival order decides it.
    users: (await t.rows('SELECT * FROM users ORDER BY id')).map(({ key: _key, ...user }) => user),
    userTraits: await t.rows('SELECT user_id, key, value, set_at FROM user_traits ORDER BY user_id, key'),
    accounts: await t.rows('SELECT * FROM accounts ORDER BY id'),
    accountTraits: await t.rows('SELECT account_id, key, value FROM account_traits ORDER BY account_id, key'),
    identities: await t.rows('SELECT anonymous_id, user_id, linked_at FROM identities ORDER BY anonymous_id'),
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('rollups', () => {
  it('keep the latest trait by timestamp, the latest account and activity bounds', async () => {
    const r = await rollupsAfter([history]);
    expect(r.userTraits.filter((t) => t.user_id === 'u1')).toEqual([
      { user_id: 'u1', key: 'beta', value: 'true', set_at: at(5) },
      { user_id: 'u1', key: 'name', value: '"Ada"', set_at: at(1) },
      { user_id: 'u1', key: 'plan', value: '"pro"', set_at: at(10) },
      { user_id: 'u1', key: 'seats', value: '3', set_at: at(5) },
    ]);
    expect(r.users.find((u) => u.id === 'u1')).toMatchObject({
      is_anonymous: 0,
      first_message_at: at(1),
      first_activity_at: at(4),
      last_activity_at: at(30),
      account_id: 'acc-b',
      account_at: at(20),
    });
    expect(r.users.find((u) => u.id === 'anon-1')).toMatchObject({ is_anonymous: 1, first_activity_at: at(0) });
    expect(r.accountTraits).toEqual([
      { account_id: 'acc-a', key: 'mrr', value: '120' },
      { account_id: 'acc-a', key: 'name', value: '"A"' },
      { account_id: 'acc-b', key: 'mrr', value: '50' },
    ]);
    expect(r.identities).toEqual([
      { anonymous_id: 'anon-1', user_id: 'u1', linked_at: at(1) },
      { anonymous_id: 'legacy-7', user_id: 'u1', linked_at: at(6) },
    ]);
  });

  it.each([1, 2, 3, 4, 5])('give the same rows whatever the arrival order and batching (seed %i)', async (seed) => {
    const expected = await rollupsAfter([history]);
    const order = shuffled(history, seed);
    const size = 1 + (seed % 4);
    const batches = [];
    for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
    // Replaying everything again changes nothing: duplicates never count twice.
    batches.push(shuffled(history, seed + 100));
    expect(await rollupsAfter(batches)).toEqual(expected);
  });

  it('leave no user with a start to rebuild once a transaction ends (migration 016), one message at a time', async () => {
    const t = await createTestApp();
    const createdAt = { type: 'identify', userId: 'u1', timestamp: at(40), traits: { createdAt: new Date(at(-60)).toISOString() }, messageId: 'c1' };
    for (const message of [...shuffled(history, 3), createdAt]) {
      await t.post('/v1/batch', { batch: [message] });
      expect(await t.rows('SELECT id FROM users INDEXED BY users_start_moved WHERE start_at IS NOT coalesce(created_at, first_activity_at)')).toEqual([]);
    }
    expect(await t.rows("SELECT start_at FROM users WHERE id IN ('u1', 'anon-1') ORDER BY id")).toEqual([{ start_at: at(0) }, { start_at: at(-60) }]);
  });

  it('breaks a tie of equal timestamps by value, so arrival order still does not matter', async () => {
    const a = { type: 'identify', userId: 'u', timestamp: at(1), traits: { plan: 'pro' }, messageId: 'x' };
    const b = { type: 'identify', userId: 'u', timestamp: at(1), traits: { plan: 'free' }, messageId: 'y' };
    const ab = await rollupsAfter([[a], [b]]);
    const ba = await rollupsAfter([[b], [a]]);
    expect(ab.userTraits).toEqual(ba.userTraits);
  });

  it('keep each user in the version of their latest flow event, whatever the order and batching', async () => {
    const step = (messageId: string, minute: number, flowVersion: number, stepIndex: number, event = 'Onward Step Viewed') =>
      ({ type: 'track', userId: 'u1', event, timestamp: at(minute), messageId, properties: { flowId: 'tour', flowVersion, stepIndex } });
    // Version 1 up to step 1, then the republished version 2 from its first step; a late version-1 step arrives last.
    const events = [step('s1', 1, 1, 0, 'Onward Flow Started'), step('s2', 2, 1, 1), step('s3', 5, 2, 0, 'Onward Flow Started'), step('s4', 6, 2, 1), step('s5', 3, 1, 2)];
    const progress = async (batches: unknown[][]) => {
      const t = await createTestApp();
      for (const batch of batches) await t.post('/v1/batch', { batch });
      return t.rows('SELECT version, status, step_index, at FROM flow_progress');
    };
    const expected = [{ version: 2, status: 'started', step_index: 1, at: at(6) }];
    expect(await progress([events])).toEqual(expected);
    expect(await progress(events.map((e) => [e]))).toEqual(expected);
    expect(await progress([shuffled(events, 3).slice(0, 2), shuffled(events, 3).slice(2)])).toEqual(expected);
    // Before the republish reached it, the user was on version 1.
    expect(await progress([events.filter((e) => e.properties.flowVersion === 1)])).toEqual([{ version: 1, status: 'started', step_index: 2, at: at(3) }]);
  });

  it('key every user uniquely, and their activity days by the same key, whatever the batching', async () => {
    for (const batches of [[history], history.map((m) => [m])]) {
      const t = await createTestApp();
      for (const batch of batches) await t.post('/v1/batch', { batch });
      const users = await t.rows('SELECT id, key FROM users');
      expect(users.every((u) => Number.isInteger(u.key) && Number(u.key) > 0)).toBe(true);
      expect(new Set(users.map((u) => u.key)).size).toBe(users.length);
      const days = await t.rows(`SELECT d.user_key, u.key FROM user_activity_days d
        LEFT JOIN users u ON u.workspace_id = d.workspace_id AND u.id = d.user_id`);
      expect(days.length).toBeGreaterThan(0);
      for (const d of days) expect(d.user_key).toBe(d.key);
    }
  });

  // A plan that walks an index of events reads every event ever stored, in every commit: ingest
  // then slows down as the database grows. The new events must be read by their rowid range; the
  // one rollup that reads no events must read only the users whose start moved.
  it('read only the new events, by rowid range, or only the users whose start moved', async () => {
    const t = await createTestApp();
    for (const sql of ROLLUP_STATEMENTS) {
      const plan = (await t.rows(`EXPLAIN QUERY PLAN ${sql}`)).map((r) => String(r.detail));
      const eventReads = plan.filter((d) => /^(SCAN|SEARCH) (events|e)\b/.test(d));
      if (eventReads.length === 0) expect(plan[0], sql).toMatch(/^SCAN users USING (COVERING )?INDEX users_start_moved$/);
      for (const read of eventReads) expect(read, sql).toMatch(/USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    }
  });
});
