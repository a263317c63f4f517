// Rollups kept at ingest (CONTRACT.md §3: out-of-order arrival gives the same results): user traits
// merge by key with the latest timestamp winning; a user's account is their latest group.
import { createMessage, uniqueId } from '../fixtures/messages';
import { postBatch as ingest } from '../support/ingest';
import { expect, test, type TestServer } from '../support/server';

test.describe('rollups', () => {
  async function traitsOf(server: TestServer, userId: string) {
    const rows = await server.query(
      'SELECT key, value, set_at FROM user_traits WHERE user_id = ? ORDER BY key',
      [userId],
    );
    return Object.fromEntries(
      rows.map((r) => [String(r.key), JSON.parse(String(r.value)) as unknown]),
    );
  }

  test('identify traits merge by key, the latest timestamp winning whatever the arrival order', async ({
    server,
  }) => {
    const userId = uniqueId('user');
    const t0 = Date.UTC(2024, 4, 1, 12);
    const identify = (at: number, traits: Record<string, unknown>) =>
      createMessage({ type: 'identify', userId, timestamp: at, traits });

    await ingest(server, [identify(t0, { email: 'ada@example.com', plan: 'free', seats: 3 })]);
    await ingest(server, [identify(t0 + 60_000, { name: 'Ada', plan: 'pro', beta: true })]);
    expect(await traitsOf(server, userId)).toEqual({
      beta: true,
      email: 'ada@example.com',
      name: 'Ada',
      plan: 'pro',
      seats: 3,
    });

    // An older identify arriving late changes nothing it is older for, but fills new keys.
    await ingest(server, [
      identify(t0 - 86_400_000, { plan: 'legacy', name: 'Old Name', company: 'AE' }),
    ]);
    expect(await traitsOf(server, userId)).toEqual({
      beta: true,
      company: 'AE',
      email: 'ada@example.com',
      name: 'Ada',
      plan: 'pro',
      seats: 3,
    });
    const plan = await server.query(
      'SELECT set_at FROM user_traits WHERE user_id = ? AND key = ?',
      [userId, 'plan'],
    );
    expect(Number(plan[0]!.set_at)).toBe(t0 + 60_000);
  });

  test('group sets users.account_id, the latest group by timestamp winning', async ({ server }) => {
    const userId = uniqueId('user');
    const [older, newer] = [uniqueId('acct'), uniqueId('acct')];
    const t0 = Date.UTC(2024, 5, 1);
    const group = (groupId: string, at: number) =>
      createMessage({
        type: 'group',
        userId,
        groupId,
        timestamp: at,
        traits: { name: groupId, plan: 'pro' },
      });

    await ingest(server, [group(newer, t0 + 1_000)]);
    await ingest(server, [group(older, t0)]);
    const users = await server.query('SELECT account_id, account_at FROM users WHERE id = ?', [
      userId,
    ]);
    expect(users).toHaveLength(1);
    expect(users[0]!.account_id).toBe(newer);
    expect(Number(users[0]!.account_at)).toBe(t0 + 1_000);
    const accounts = await server.query('SELECT id FROM accounts WHERE id IN (?, ?) ORDER BY id', [
      older,
      newer,
    ]);
    expect(accounts).toHaveLength(2);
    const traits = await server.query(
      'SELECT key, value FROM account_traits WHERE account_id = ? ORDER BY key',
      [newer],
    );
    expect(traits.map((r) => [r.key, JSON.parse(String(r.value))])).toEqual([
      ['name', newer],
      ['plan', 'pro'],
    ]);
  });
});

test('first and last activity are the min and max timestamps, whatever the arrival order', async ({
  server,
}) => {
  const userId = uniqueId('user');
  const anonymousId = uniqueId('anon');
  const day = 86_400_000;
  const t0 = Date.UTC(2024, 2, 1);
  const at = (type: 'track' | 'page' | 'identify', timestamp: number) =>
    createMessage({ type, userId, anonymousId, timestamp });

  // Newest first, then a backfill of older history, then something in between.
  await ingest(server, [at('track', t0 + 10 * day)]);
  await ingest(server, [at('page', t0 + 2 * day), at('identify', t0)]);
  await ingest(server, [at('track', t0 + 5 * day)]);

  const rows = await server.query(
    'SELECT is_anonymous, first_message_at, first_activity_at, last_activity_at FROM users WHERE id = ?',
    [userId],
  );
  expect(rows).toHaveLength(1);
  expect(Number(rows[0]!.is_anonymous)).toBe(0);
  // identify is a message but not activity (METRICS.md "Activity": track and page).
  expect(Number(rows[0]!.first_message_at)).toBe(t0);
  expect(Number(rows[0]!.first_activity_at)).toBe(t0 + 2 * day);
  expect(Number(rows[0]!.last_activity_at)).toBe(t0 + 10 * day);
  const links = await server.query(
    'SELECT user_id, linked_at FROM identities WHERE anonymous_id = ?',
    [anonymousId],
  );
  expect(links.map((r) => [r.user_id, Number(r.linked_at)])).toEqual([[userId, t0]]);
});
