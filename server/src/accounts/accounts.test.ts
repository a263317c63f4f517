// GET /v1/accounts, /v1/accounts/:id and /v1/accounts.csv on a small event set checked by hand
// against METRICS.md "Accounts".
import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';
import { group, iso, METRIC_SETTINGS as SETTINGS, msg, page, survey, track } from '../testing/messages';
import { HEALTH_WEIGHTS as W } from './health';
import { listAccountScores } from './score';

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
const AS_OF = T0 + 40 * DAY;

/**
 * acc-a (KA, 2 seats, onboarding): a1 activated, reached value at T0+3d, active a day ago, a
 * promoter; a2 started 5 days ago. acc-b (renewal in 30 days, 10 seats): b1 quiet for 38 days, a
 * detractor, not activated. acc-c (stabilizing, 5 seats, a formula-like name): c1 seen 10 days ago.
 * acc-d appears only after asOf.
 */
export const EVENTS = [
  msg('identify', 'a1', T0, { traits: { createdAt: iso(T0), email: 'a1@acme.test' } }),
  group('a1', 'acc-a', T0, { name: 'Acme', tier: 'KA', seats: 2, mrr: 1000, contractStart: iso(AS_OF - 20 * DAY), renewalDate: iso(AS_OF + 300 * DAY) }),
  track('a1', 'Project Created', T0 + DAY),
  track('a1', 'Teammate Invited', T0 + 2 * DAY),
  track('a1', 'Report Created', T0 + 3 * DAY),
  track('a1', 'Report Created', AS_OF - DAY),
  survey('a1', AS_OF - DAY, 10),
  group('a2', 'acc-a', AS_OF - 5 * DAY),
  track('a2', 'Project Created', AS_OF - 5 * DAY),
  group('b1', 'acc-b', T0 - 300 * DAY, { name: 'Beta', tier: 'SMB', seats: 10, mrr: 200, contractStart: iso(T0 - 300 * DAY), renewalDate: iso(AS_OF + 30 * DAY) }),
  page('b1', T0),
  track('b1', 'Project Created', T0 + 1000),
  survey('b1', T0 + 2 * DAY, 2),
  group('c1', 'acc-c', AS_OF - 10 * DAY, { name: '=cmd|calc', seats: 5, contractStart: iso(AS_OF - 60 * DAY) }),
  page('c1', AS_OF - 10 * DAY),
  group('d1', 'acc-d', AS_OF + DAY, { name: 'Later' }),
];

export async function appWith(events: unknown[]) {
  const t = await createTestApp({ now: () => AS_OF });
  expect((await t.admin('PUT', '/v1/settings', SETTINGS)).status).toBe(200);
  if (events.length > 0) expect((await t.post('/v1/batch', { batch: events })).status).toBe(200);
  const list = async (query: Record<string, string | number> = {}) => {
    const qs = new URLSearchParams(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])));
    const res = await t.admin('GET', `/v1/accounts?${qs}`);
    expect(res.status).toBe(200);
    return bodyOf<{ accounts: Record<string, unknown>[]; total: number; nextCursor: string | null }>(res);
  };
  const ids = async (query: Record<string, string | number> = {}) => (await list(query)).accounts.map((a) => a.id);
  return { ...t, list, ids };
}

// acc-a: recent 1 − 1/30, seats 2/2, activation 1/1 (a2 not mature), key events 2/3 in 30 days, NPS 100.
const HEALTH_A = Math.round(100 * (W.recentActivity * (29 / 30) + W.seatsActive + W.activation + W.keyEvents * (2 / 3) + W.nps));
// acc-c: recent 1 − 10/30, seats 1/5, activation 0/1, key events 0/3, no NPS (left out).
const HEALTH_C = Math.round((100 * (W.recentActivity * (20 / 30) + W.seatsActive * 0.2)) / (1 - W.nps));

describe('GET /v1/accounts', () => {
  it('scores every account known by asOf as METRICS.md defines', async () => {
    const { list } = await appWith(EVENTS);
    const body = await list();
    expect(body.total).toBe(3);
    // Default: health ascending, riskiest first.
    expect(body.accounts).toEqual([
      { id: 'acc-b', name: 'Beta', segment: 'Rest', health: 0, stage: 'renewal', activeUsers: 0, users: 1, seats: 10, expansion: false, mrr: 200, risk: ['low_activity', 'low_activation', 'detractors', 'renewal_soon_low_health'] },
      { id: 'acc-c', name: '=cmd|calc', segment: 'Rest', health: HEALTH_C, stage: 'stabilizing', activeUsers: 1, users: 1, seats: 5, expansion: false, mrr: null, risk: ['low_activity', 'low_activation'] },
      { id: 'acc-a', name: 'Acme', segment: 'Key accounts', health: HEALTH_A, stage: 'onboarding', activeUsers: 2, users: 2, seats: 2, expansion: true, mrr: 1000, risk: [] },
    ]);
  });

  it('at a past asOf sees only the users, accounts and activity up to then', async () => {
    const { list } = await appWith(EVENTS);
    const body = await list({ asOf: T0 + 5 * DAY });
    expect(body.accounts.map((a) => [a.id, a.users, a.activeUsers])).toEqual([
      ['acc-b', 1, 1],
      ['acc-a', 1, 1],
    ]);
    expect((await list({ asOf: iso(AS_OF + 2 * DAY) })).total).toBe(4);
  });

  it.each([
    [{ segment: 'Key accounts' }, ['acc-a']],
    [{ stage: 'renewal' }, ['acc-b']],
    [{ stage: 'onboarding,stabilizing' }, ['acc-c', 'acc-a']],
    [{ expansion: 'true' }, ['acc-a']],
    [{ expansion: 'false' }, ['acc-b', 'acc-c']],
    [{ minHealth: 1 }, ['acc-c', 'acc-a']],
    [{ maxHealth: HEALTH_C }, ['acc-b', 'acc-c']],
    [{ q: 'ACME' }, ['acc-a']],
    [{ q: 'acc-c' }, ['acc-c']],
    [{ risk: 'detractors' }, ['acc-b']],
  ])('filters by %o', async (query, expected) => {
    const { ids } = await appWith(EVENTS);
    expect(await ids(query)).toEqual(expected);
  });

  it('sorts by mrr, seats, activeUsers and name, nulls last', async () => {
    const { ids } = await appWith(EVENTS);
    expect(await ids({ sort: 'mrr' })).toEqual(['acc-a', 'acc-b', 'acc-c']);
    expect(await ids({ sort: 'mrr', order: 'asc' })).toEqual(['acc-b', 'acc-a', 'acc-c']);
    expect(await ids({ sort: 'seats' })).toEqual(['acc-b', 'acc-c', 'acc-a']);
    expect(await ids({ sort: 'activeUsers' })).toEqual(['acc-a', 'acc-c', 'acc-b']);
    expect(await ids({ sort: 'health', order: 'desc' })).toEqual(['acc-a', 'acc-c', 'acc-b']);
    expect(await ids({ sort: 'name', order: 'desc' })).toEqual(['acc-b', 'acc-a', 'acc-c']);
  });

  it('pages by cursor and by offset', async () => {
    const { list, admin } = await appWith(EVENTS);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const body: Awaited<ReturnType<typeof list>> = await list({ sort: 'mrr', limit: 1, ...(cursor === null ? {} : { cursor }) });
      expect(body.total).toBe(3);
      seen.push(...body.accounts.map((a) => a.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['acc-a', 'acc-b', 'acc-c']);
    expect((await list({ sort: 'mrr', limit: 2, offset: 1 })).accounts.map((a) => a.id)).toEqual(['acc-b', 'acc-c']);
    const first = await list({ sort: 'mrr', limit: 1 });
    expect((await admin('GET', `/v1/accounts?sort=name&cursor=${first.nextCursor}`)).status).toBe(400);
    expect((await admin('GET', `/v1/accounts?offset=1&cursor=${first.nextCursor}`)).status).toBe(400);
  });

  it('400 for an unknown segment, stage or sort; 401 without the secret key', async () => {
    const { admin, app } = await appWith(EVENTS);
    const unknown = await admin('GET', '/v1/accounts?segment=Whales');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('Key accounts');
    expect((await admin('GET', '/v1/accounts?stage=later')).status).toBe(400);
    expect((await admin('GET', '/v1/accounts?sort=color')).status).toBe(400);
    expect((await app.request('/v1/accounts')).status).toBe(401);
    expect((await app.request('/v1/accounts.csv')).status).toBe(401);
  });

  it('expansion at 0.9 · seats of active users', async () => {
    const members = (account: string, count: number) =>
      Array.from({ length: count }, (_, i) => [group(`${account}-u${i}`, account, AS_OF - 2 * DAY, { seats: 10 }), page(`${account}-u${i}`, AS_OF - DAY)]).flat();
    const { list } = await appWith([...members('nine', 9), ...members('eight', 8), group('old', 'eight', T0), page('old', T0)]);
    const body = await list({ sort: 'name' });
    expect(body.accounts.map((a) => [a.id, a.activeUsers, a.users, a.expansion])).toEqual([
      ['eight', 8, 9, false],
      ['nine', 9, 9, true],
    ]);
  });

  it('listAccountScores gives the webhook job health and expansion', async () => {
    const { db } = await appWith(EVENTS);
    const scores = await listAccountScores(db, 1, AS_OF);
    expect(scores.sort((x, y) => x.id.localeCompare(y.id))).toEqual([
      { id: 'acc-a', health: HEALTH_A, expansion: true },
      { id: 'acc-b', health: 0, expansion: false },
      { id: 'acc-c', health: HEALTH_C, expansion: false },
    ]);
  });
});

describe('GET /v1/accounts/:id', () => {
  it('the account with traits, components, results so far and its users', async () => {
    const { admin } = await appWith(EVENTS);
    const res = await admin('GET', '/v1/accounts/acc-a');
    expect(res.status).toBe(200);
    const body = await bodyOf<Record<string, unknown> & { components: { name: string; value: number | null; weight: number; explanation: string }[] }>(res);
    expect(body).toMatchObject({
      id: 'acc-a', name: 'Acme', health: HEALTH_A, stage: 'onboarding', expansion: true,
      traits: { tier: 'KA', seats: 2, mrr: 1000 },
      results: { users: 2, usersOnboarded: 1, activated: 1, mature: 1, activationRate: 1, medianTtvMs: 3 * DAY, nps: 100, respondents: 1 },
      users: [
        { id: 'a1', lastSeen: iso(AS_OF - DAY), activated: true, dormant: false },
        { id: 'a2', lastSeen: iso(AS_OF - 5 * DAY), activated: false, dormant: false },
      ],
      usersTruncated: false,
    });
    expect(body.components.map((c) => [c.name, c.weight])).toEqual(Object.entries(W));
    const keyEvents = body.components.find((c) => c.name === 'keyEvents');
    expect(keyEvents?.value).toBeCloseTo(2 / 3, 10);
    expect(keyEvents?.explanation).toBe('2 of 3 key events used in the last 30 days.');
  });

  it('a missing component is shown with value null and no weight in the score', async () => {
    const { admin } = await appWith(EVENTS);
    const body = await bodyOf<{ components: { name: string; value: number | null; effectiveWeight: number; explanation: string }[] }>(await admin('GET', '/v1/accounts/acc-c'));
    const nps = body.components.find((c) => c.name === 'nps');
    expect(nps).toMatchObject({ value: null, effectiveWeight: 0 });
    expect(nps?.explanation).toContain('left out');
    expect(body.components.reduce((s, c) => s + c.effectiveWeight, 0)).toBeCloseTo(1, 10);
  });

  it('404 for an unknown account, or one that appears after asOf', async () => {
    const { admin } = await appWith(EVENTS);
    expect((await admin('GET', '/v1/accounts/nope')).status).toBe(404);
    expect((await admin('GET', '/v1/accounts/acc-d')).status).toBe(404);
    expect((await admin('GET', `/v1/accounts/acc-d?asOf=${AS_OF + 2 * DAY}`)).status).toBe(200);
  });

  it("NPS takes each respondent's latest answer, the higher score at equal times", async () => {
    // a1: 3 three days ago, then 10 (EVENTS) a day ago; a2: 4 and 9 at the same moment. Both promoters: NPS 100.
    const { admin } = await appWith([...EVENTS, survey('a1', AS_OF - 3 * DAY, 3), survey('a2', AS_OF - 2 * DAY, 4), survey('a2', AS_OF - 2 * DAY, 9)]);
    const detail = await bodyOf<{ components: { name: string; value: number | null; explanation: string }[] }>(await admin('GET', '/v1/accounts/acc-a'));
    expect(detail.components.find((c) => c.name === 'nps')).toMatchObject({ value: 1, explanation: expect.stringContaining('from 2 respondent(s)') });
  });

  it('at a past asOf finds a user who moved to another account since', async () => {
    const { admin } = await appWith([...EVENTS, group('a2', 'acc-c', AS_OF - DAY)]);
    type Detail = { users: { id: string }[] };
    const now = await bodyOf<Detail>(await admin('GET', '/v1/accounts/acc-a'));
    expect(now.users.map((u) => u.id)).toEqual(['a1']);
    const before = await bodyOf<Detail>(await admin('GET', `/v1/accounts/acc-a?asOf=${AS_OF - 2 * DAY}`));
    // At that asOf a1 was last seen at T0+3d, a2 five days before asOf: most recent first.
    expect(before.users.map((u) => u.id)).toEqual(['a2', 'a1']);
    // a2's Project Created (asOf − 3 d) counts for acc-a, its account then, not for acc-c, its account now.
    const keyEvents = async (id: string) => {
      const detail = await bodyOf<{ components: { name: string; value: number | null }[] }>(await admin('GET', `/v1/accounts/${id}?asOf=${AS_OF - 2 * DAY}`));
      return detail.components.find((c) => c.name === 'keyEvents')?.value;
    };
    expect(await keyEvents('acc-a')).toBeCloseTo(1 / 3);
    expect(await keyEvents('acc-c')).toBe(0);
  });
});

describe('GET /v1/accounts.csv', () => {
  it('streams a header and one quoted, formula-safe row per account, with the list filters', async () => {
    const { admin } = await appWith(EVENTS);
    const res = await admin('GET', '/v1/accounts.csv?sort=mrr');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('id,name,segment,health,stage,activeUsers,users,seats,expansion,mrr,risk,recentActivity,seatsActive,activation,keyEvents,nps');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['acc-a', 'acc-b', 'acc-c', '']);
    expect(lines[3]).toMatch(/^acc-c,'=cmd\|calc,Rest,/);
    const key = await (await admin('GET', '/v1/accounts.csv?segment=Key%20accounts')).text();
    expect(key.trimEnd().split('\r\n')).toHaveLength(2);
    expect((await admin('GET', '/v1/accounts.csv?limit=5')).status).toBe(400);
  });
});
