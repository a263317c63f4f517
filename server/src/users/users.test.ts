// GET /v1/users/:id, /v1/users and /v1/users.csv (METRICS.md "Per user") through app.request().
import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
const NOW = T0 + 40 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();

const SETTINGS = {
  valueEvent: 'Report Created',
  activation: { events: ['Project Created'], windowDays: 7 },
  dormantAfterDays: 14,
  segments: [{ name: 'Key accounts', when: { account: 'tier', op: 'eq', value: 'KA' } }, { name: 'Rest' }],
};

let n = 0;
const msg = (type: string, userId: string, at: number, extra: Record<string, unknown> = {}) => ({ type, userId, timestamp: iso(at), messageId: `u${(n += 1)}`, ...extra });
const track = (userId: string, event: string, at: number, properties?: object) => msg('track', userId, at, { event, ...(properties ? { properties } : {}) });

const EVENTS = [
  msg('identify', 'alice', T0, { traits: { createdAt: iso(T0), email: 'alice@acme.test', name: 'Smith, Alice' } }),
  msg('group', 'alice', T0, { groupId: 'acme', traits: { name: 'Acme', tier: 'KA' } }),
  track('alice', 'Project Created', T0 + HOUR),
  track('alice', 'Report Created', T0 + 2 * DAY),
  track('alice', 'Report Created', NOW - DAY),
  track('alice', 'Report Created', NOW - DAY + HOUR),
  track('alice', 'Onward Flow Started', NOW - DAY, { flowId: 'welcome', flowVersion: 1, stepIndex: 0 }),
  track('alice', 'Onward Flow Completed', NOW - DAY + 60_000, { flowId: 'welcome', flowVersion: 1, stepIndex: 2 }),
  msg('identify', 'bob', T0, { traits: { email: '=HYPERLINK("http://evil","x")', name: '+bob' } }),
  msg('group', 'bob', T0, { groupId: 'beta', traits: { name: 'Beta', tier: 'SMB' } }),
  msg('page', 'bob', T0 + DAY),
  msg('page', 'carol', NOW - 2 * DAY),
];

async function appWith(events: unknown[]) {
  const t = await createTestApp({ now: () => NOW });
  await t.admin('PUT', '/v1/settings', SETTINGS);
  if (events.length > 0) expect((await t.post('/v1/batch', { batch: events })).status).toBe(200);
  const ids = async (query: string) => {
    const res = await t.admin('GET', `/v1/users?${query}`);
    expect(res.status).toBe(200);
    return (await bodyOf<{ users: { id: string }[] }>(res)).users.map((u) => u.id);
  };
  return { ...t, ids };
}

describe('GET /v1/users/:id', () => {
  it('start, TTV, activation, last seen, dormancy, traits, account, flows and the recent timeline', async () => {
    const { admin } = await appWith(EVENTS);
    const res = await admin('GET', '/v1/users/alice');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: 'alice',
      anonymous: false,
      start: iso(T0),
      valueAt: iso(T0 + 2 * DAY),
      ttvMs: 2 * DAY,
      activated: true,
      lastSeen: iso(NOW - DAY + HOUR),
      dormant: false,
      dormantAfterDays: 14,
      traits: { email: 'alice@acme.test', name: 'Smith, Alice' },
      account: { id: 'acme', name: 'Acme', segment: 'Key accounts' },
      flows: [{ flowId: 'welcome', version: 1, status: 'completed', stepIndex: 2, completedAt: iso(NOW - DAY + 60_000) }],
      // Only the last 30 days, per event and day: the early Project Created is older.
      recentEvents: [
        { day: iso(NOW - DAY).slice(0, 10), event: 'Report Created', count: 2, firstAt: iso(NOW - DAY), lastAt: iso(NOW - DAY + HOUR) },
        { day: iso(NOW - DAY).slice(0, 10), event: 'Onward Flow Completed', count: 1 },
        { day: iso(NOW - DAY).slice(0, 10), event: 'Onward Flow Started', count: 1 },
      ],
      activity: [{ day: iso(NOW - DAY).slice(0, 10), firstAt: iso(NOW - DAY), lastAt: iso(NOW - DAY + HOUR) }],
    });
  });

  it('dormant after dormantAfterDays without activity; a longer timeline on request', async () => {
    const { admin } = await appWith(EVENTS);
    const bob = await bodyOf<Record<string, unknown>>(await admin('GET', '/v1/users/bob'));
    expect(bob).toMatchObject({ dormant: true, activated: false, valueAt: null, ttvMs: null, account: { id: 'beta', segment: 'Rest' } });
    const alice = await bodyOf<{ recentEvents: unknown[] }>(await admin('GET', '/v1/users/alice?days=60'));
    expect(alice.recentEvents).toHaveLength(5);
  });

  it('404 for an unknown user', async () => {
    const { admin } = await appWith(EVENTS);
    const res = await admin('GET', '/v1/users/nobody');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('GET /v1/users', () => {
  it.each([
    ['', ['alice', 'bob', 'carol']],
    ['account=acme', ['alice']],
    ['segment=Rest', ['bob']],
    ['activated=true', ['alice']],
    ['dormant=true', ['bob']],
    ['dormant=false', ['alice', 'carol']],
    // The users behind a figure of the metrics: a start cohort, TTV reached or in a bin, a retention week, a return.
    [`startFrom=${T0}&startTo=${T0 + DAY}`, ['alice']],
    [`startFrom=${iso(T0 + DAY)}&startTo=${iso(NOW)}`, ['bob', 'carol']],
    ['reached=true', ['alice']],
    ['reached=false', ['bob', 'carol']],
    [`ttvFromMs=${DAY}&ttvToMs=${3 * DAY}`, ['alice']],
    [`ttvFromMs=0&ttvToMs=${DAY}`, []],
    ['retainedWeek=0', ['alice', 'bob', 'carol']],
    ['retainedWeek=5', ['alice']],
    [`returnedFrom=${NOW - 7 * DAY}&returnedTo=${NOW}`, ['alice']],
    [`returnedFrom=${T0}&returnedTo=${NOW - 7 * DAY}`, []],
  ])('filters by %j', async (query, expected) => {
    const { ids } = await appWith(EVENTS);
    expect(await ids(query)).toEqual(expected);
  });

  it.each([
    [`startFrom=${T0 + DAY}&startTo=${T0}`, 'startFrom'],
    [`ttvFromMs=${DAY}&ttvToMs=${DAY}`, 'ttvFromMs'],
    ['retainedWeek=62', 'retainedWeek'],
    ['returnedFrom=yesterday', 'returnedFrom'],
    ['ttvFromMs=-1', 'ttvFromMs'],
  ])('400 naming the field for %j', async (query, field) => {
    const { admin } = await appWith([]);
    const res = await admin('GET', `/v1/users?${query}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain(field);
  });

  it('pages by cursor in id order', async () => {
    const { admin } = await appWith(EVENTS);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin('GET', `/v1/users?limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      const body: { users: { id: string }[]; nextCursor: string | null } = await bodyOf(res);
      seen.push(...body.users.map((u) => u.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['alice', 'bob', 'carol']);
  });
});

describe('GET /v1/users.csv', () => {
  it('RFC 4180 quoting and formula-injection-safe cells', async () => {
    const { admin } = await appWith(EVENTS);
    const res = await admin('GET', '/v1/users.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="users.csv"');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('id,email,name,accountId,start,valueAt,ttvMs,activated,firstSeen,lastSeen,dormant');
    expect(lines[1]).toBe(`alice,alice@acme.test,"Smith, Alice",acme,${iso(T0)},${iso(T0 + 2 * DAY)},${2 * DAY},true,${iso(T0 + HOUR)},${iso(NOW - DAY + HOUR)},false`);
    expect(lines[2]).toMatch(/^bob,"'=HYPERLINK\(""http:\/\/evil"",""x""\)",'\+bob,beta,/);
    expect(lines).toHaveLength(5); // header, three users, and the empty string after the last CRLF
  });

  it('streams every page of a large export', async () => {
    const { admin, post } = await appWith([]);
    const users = Array.from({ length: 4500 }, (_, i) => msg('page', `user-${String(i).padStart(5, '0')}`, T0 + i));
    for (let i = 0; i < users.length; i += 1500) expect((await post('/v1/batch', { batch: users.slice(i, i + 1500) })).status).toBe(200);
    const text = await (await admin('GET', '/v1/users.csv?dormant=true')).text();
    const rows = text.trimEnd().split('\r\n').slice(1);
    expect(rows).toHaveLength(4500);
    expect(new Set(rows.map((r) => r.split(',')[0])).size).toBe(4500);
  });
});
