// Segment compatibility (CONTRACT.md §3): Segment's own analytics-node, pointed at Onward as it is,
// delivers identify, group, track, page, screen and alias into `events` and the rollups.
import { Analytics } from '@segment/analytics-node';
import { uniqueId } from '../fixtures/messages';
import { expect, test, type TestServer } from '../support/server';

type SentBody = { batch: { messageId: string; type: string }[]; writeKey?: string };

/** An analytics-node client on `server`, recording each request it makes and each answer. */
function segmentClient(server: TestServer, writeKey = server.writeKey) {
  const analytics = new Analytics({
    writeKey,
    host: server.url,
    path: '/v1/batch',
    flushAt: 3,
    flushInterval: 200,
    maxRetries: 1,
    httpRequestTimeout: 5_000,
  });
  const requests: { headers: Record<string, string>; body: SentBody }[] = [];
  const statuses: number[] = [];
  analytics.on('http_request', (r) =>
    requests.push({ headers: r.headers, body: JSON.parse(r.body) as SentBody }),
  );
  analytics.on('http_response', (r) => statuses.push(r.status));
  return { analytics, requests, statuses };
}

const json = (value: unknown) =>
  value === null ? null : (JSON.parse(String(value)) as Record<string, unknown>);

test('analytics-node delivers identify, group, track, page, screen and alias', async ({
  server,
}) => {
  const { analytics, requests, statuses } = segmentClient(server);
  const userId = uniqueId('user');
  const anonymousId = uniqueId('anon');
  const accountId = uniqueId('acct');
  const signedUp = new Date(Date.UTC(2023, 0, 15, 9, 30));

  analytics.identify({
    userId,
    anonymousId,
    traits: { email: 'grace@example.com', plan: 'pro', createdAt: signedUp },
  });
  analytics.group({
    userId,
    groupId: accountId,
    traits: { name: 'Compiler Works Inc', seats: 12, tier: 'SMB' },
  });
  analytics.track({
    userId,
    event: 'Report Created',
    properties: { reportName: 'Weekly', charts: 3 },
  });
  analytics.page({ userId, category: 'Docs', name: 'Pricing', properties: { path: '/pricing' } });
  analytics.screen({ userId, name: 'Dashboard', properties: { tab: 'home' } });
  analytics.track({ anonymousId, event: 'Signed Up', timestamp: signedUp });
  analytics.alias({ userId, previousId: anonymousId });
  await analytics.closeAndFlush({ timeout: 10_000 });

  // Segment's convention: the key as the Basic user name, JSON body; every answer a 2xx.
  expect(requests.length).toBeGreaterThanOrEqual(2);
  expect(statuses).toEqual(requests.map(() => 200));
  for (const r of requests) {
    expect(Buffer.from(r.headers.Authorization!.replace(/^Basic /, ''), 'base64').toString()).toBe(
      `${server.writeKey}:`,
    );
  }
  const sent = requests.flatMap((r) => r.body.batch);
  expect(sent).toHaveLength(7);

  const rows = await server.query(
    `SELECT * FROM events WHERE message_id IN (${sent.map(() => '?').join(', ')}) ORDER BY timestamp, id`,
    sent.map((m) => m.messageId),
  );
  expect(rows).toHaveLength(7);
  const byType = (type: string, event?: string) =>
    rows.filter((r) => r.type === type && (event === undefined || r.event === event));

  const identify = byType('identify');
  expect(identify).toHaveLength(1);
  expect(identify[0]).toMatchObject({ user_id: userId, anonymous_id: anonymousId });
  expect(json(identify[0]!.traits)).toEqual({
    email: 'grace@example.com',
    plan: 'pro',
    createdAt: signedUp.toISOString(),
  });
  expect((json(identify[0]!.context)?.library as { name?: string }).name).toBe(
    '@segment/analytics-node',
  );

  const group = byType('group');
  expect(group).toHaveLength(1);
  expect(group[0]).toMatchObject({ user_id: userId, group_id: accountId });
  expect(json(group[0]!.traits)).toEqual({ name: 'Compiler Works Inc', seats: 12, tier: 'SMB' });

  const report = byType('track', 'Report Created');
  expect(report).toHaveLength(1);
  expect(report[0]!.user_id).toBe(userId);
  expect(json(report[0]!.properties)).toEqual({ reportName: 'Weekly', charts: 3 });

  const signedUpRow = byType('track', 'Signed Up');
  expect(signedUpRow).toHaveLength(1);
  expect(signedUpRow[0]).toMatchObject({ user_id: null, anonymous_id: anonymousId });
  expect(Number(signedUpRow[0]!.timestamp)).toBe(signedUp.getTime());

  const page = byType('page');
  expect(page).toHaveLength(1);
  expect(page[0]).toMatchObject({ user_id: userId, event: 'Pricing' });
  expect(json(page[0]!.properties)).toMatchObject({ path: '/pricing' });

  const screen = byType('screen');
  expect(screen).toHaveLength(1);
  expect(screen[0]).toMatchObject({ user_id: userId, event: 'Dashboard' });

  const alias = byType('alias');
  expect(alias).toHaveLength(1);
  expect(alias[0]).toMatchObject({ user_id: userId, previous_id: anonymousId });

  // The rollups saw the same messages.
  const users = await server.query('SELECT account_id FROM users WHERE id = ?', [userId]);
  expect(users[0]?.account_id).toBe(accountId);
  const traits = await server.query('SELECT key FROM user_traits WHERE user_id = ? ORDER BY key', [
    userId,
  ]);
  expect(traits.map((r) => r.key)).toEqual(['createdAt', 'email', 'plan']);
  const links = await server.query('SELECT user_id FROM identities WHERE anonymous_id = ?', [
    anonymousId,
  ]);
  expect(links.map((r) => r.user_id)).toEqual([userId]);
});

test('analytics-node with an unknown write key gets 401 and stores nothing', async ({ server }) => {
  const { analytics, requests, statuses } = segmentClient(server, 'pk_test_unknown');
  const userId = uniqueId('user');
  const errors: unknown[] = [];
  analytics.on('error', (error) => errors.push(error));
  analytics.track({ userId, event: 'Should Not Land' });
  await analytics.closeAndFlush({ timeout: 10_000 });

  expect(requests.length).toBeGreaterThanOrEqual(1);
  expect(statuses).toContain(401);
  expect(errors.length).toBeGreaterThanOrEqual(1);
  expect(await server.query('SELECT id FROM events WHERE user_id = ?', [userId])).toHaveLength(0);
});
