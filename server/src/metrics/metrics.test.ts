// Each metric on a small event set checked by hand against METRICS.md.
import { describe, expect, it } from 'vitest';
import { group, iso, METRIC_SETTINGS as SETTINGS, msg, page, survey, track } from '../testing/messages';
import { bodyOf, createTestApp } from '../testing/test-app';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z'); // a Monday
/**
 * u1 starts at T0 (createdAt), activates, reaches value after 3 days, returns after 14 days away.
 * u2 starts at its first activity (T0+2d), reaches value 5 h later. u3's value event predates its
 * createdAt (TTV 0). u4 never reaches value. An anonymous visitor is no user.
 */
const EVENTS = [
  msg('identify', 'u1', T0, { traits: { createdAt: iso(T0), email: 'u1@example.com' } }),
  group('u1', 'acc-ka', T0, { tier: 'KA', mrr: 1000 }),
  page('u1', T0 + HOUR),
  track('u1', 'Project Created', T0 + DAY),
  track('u1', 'Teammate Invited', T0 + 2 * DAY),
  track('u1', 'Report Created', T0 + 3 * DAY),
  survey('u1', T0 + 5 * DAY, 10),
  survey('u1', T0 + 6 * DAY, 6),
  page('u1', T0 + 8 * DAY),
  page('u1', T0 + 22 * DAY),
  page('u2', T0 + 2 * DAY),
  group('u2', 'acc-smb', T0 + 2 * DAY, { tier: 'SMB' }),
  group('u2', 'acc-smb', T0, { mrr: 200 }),
  group('u2', 'acc-smb', T0 + 20 * DAY, { mrr: 300 }),
  track('u2', 'Report Created', T0 + 2 * DAY + 5 * HOUR),
  track('u2', 'Project Created', T0 + 3 * DAY),
  survey('u2', T0 + 5 * DAY, 9),
  survey('u2', T0 + 8 * DAY, 3),
  msg('identify', 'u3', T0 + DAY, { traits: { createdAt: iso(T0 + DAY) } }),
  group('u3', 'acc-ka', T0 + DAY, { tier: 'KA' }),
  track('u3', 'Report Created', T0),
  page('u4', T0 + 4 * DAY),
  group('u4', 'acc-gone', T0, { mrr: 500, tier: 'LT' }),
  group('u4', 'acc-gone', T0 + 10 * DAY, { mrr: 0 }),
  survey('u4', T0 + 6 * DAY, 8),
  page(null, T0 + 3 * DAY),
];

async function appWith(batches: unknown[][]) {
  const t = await createTestApp({ now: () => T0 + 30 * DAY });
  await t.admin('PUT', '/v1/settings', SETTINGS);
  for (const batch of batches) await t.post('/v1/batch', { batch });
  const get = async (metric: string, query: Record<string, string | number> = {}) => {
    const qs = new URLSearchParams({ from: String(T0), to: String(T0 + 7 * DAY), asOf: String(T0 + 30 * DAY), ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
    const res = await t.admin('GET', `/v1/metrics/${metric}?${qs}`);
    expect(res.status).toBe(200);
    return bodyOf<Record<string, unknown>>(res);
  };
  return { ...t, get };
}

describe('metrics on a hand-checked event set', () => {
  it('ttv: nearest-rank median and p90 over reached users, Kaplan–Meier with the rest censored', async () => {
    const { get } = await appWith([EVENTS]);
    // TTVs: u3 0 (value before start), u2 5 h, u1 3 d; u4 censored at 26 d.
    expect(await get('ttv')).toMatchObject({ users: 4, reached: 3, reachedShare: 0.75, medianMs: 5 * HOUR, p90Ms: 3 * DAY, kmMedianMs: 5 * HOUR });
  });

  it('ttv at a past asOf sees only the messages up to then', async () => {
    const { get } = await appWith([EVENTS]);
    // At T0+2d+1h u4 has not started yet; only u3 has reached value.
    expect(await get('ttv', { asOf: T0 + 2 * DAY + HOUR })).toMatchObject({ users: 3, reached: 1, medianMs: 0 });
  });

  it('activation counts mature users only', async () => {
    const { get } = await appWith([EVENTS]);
    expect(await get('activation')).toMatchObject({ users: 4, mature: 4, activated: 1, rate: 0.25 });
    // At T0+8d only u1 (start T0) and u3 (start T0+1d) have a window that ended.
    expect(await get('activation', { asOf: T0 + 8 * DAY })).toMatchObject({ mature: 2, activated: 1, rate: 0.5 });
  });

  it('activation: the window closes at start + windowDays inclusive, whichever batch brings the last event', async () => {
    // One message a batch, in order: each activation event arrives once the start is known.
    const events = [
      page('u5', T0), track('u5', 'Project Created', T0 + HOUR), track('u5', 'Teammate Invited', T0 + 7 * DAY),
      page('u6', T0), track('u6', 'Project Created', T0 + HOUR), track('u6', 'Teammate Invited', T0 + 7 * DAY + 1),
    ];
    const { get } = await appWith(events.map((e) => [e]));
    expect(await get('activation')).toMatchObject({ users: 2, mature: 2, activated: 1 });
  });

  it('activation: a repeat on the start day counts when the first of the day came before start', async () => {
    // u7 creates a project before its createdAt, invites a teammate, then creates one again the
    // same day: that repeat is its first Project Created in the window, and activates it.
    const events = [
      track('u7', 'Project Created', T0 + 9 * HOUR),
      msg('identify', 'u7', T0 + 9 * HOUR, { traits: { createdAt: iso(T0 + 10 * HOUR) } }),
      track('u7', 'Teammate Invited', T0 + 10 * HOUR + 30 * 60_000),
      track('u7', 'Project Created', T0 + 11 * HOUR),
    ];
    const { get } = await appWith(events.map((e) => [e]));
    expect(await get('activation')).toMatchObject({ users: 1, mature: 1, activated: 1 });
  });

  it('retention by start week, null where a week has not ended for every member', async () => {
    const { get } = await appWith([EVENTS]);
    const body = await get('retention', { weeks: 5 });
    // u1 weeks 0, 1, 3; u2 and u4 week 0; u3 only before its start. Last start T0+4d: weeks 0–2 ended by T0+30d.
    expect(body.cohorts).toEqual([{ week: '2026-01-05', size: 4, retained: [3, 1, 0, null, null], rates: [0.75, 0.25, 0, null, null] }]);
  });

  it('retention over a window reaching back to 1970 lists the same cohorts (only weeks with users are read)', async () => {
    const { get } = await appWith([EVENTS]);
    const narrow = await get('retention', { weeks: 5 });
    expect(await get('retention', { weeks: 5, from: 0 })).toEqual({ ...narrow, query: { ...(narrow.query as object), from: new Date(0).toISOString() } });
    expect(await get('retention', { weeks: 5, from: 0, to: T0 })).toMatchObject({ cohorts: [] });
  });

  it('retention lists cohorts years apart (more weeks than one statement asks for)', async () => {
    const early = T0 - 3 * 365 * DAY;
    const { get } = await appWith([[page('old', early), page('new', T0)]]);
    const body = await get('retention', { weeks: 2, from: 0, to: T0 + DAY });
    expect((body.cohorts as { size: number }[]).map((c) => c.size)).toEqual([1, 1]);
  });

  it('dormancy counts every user with activity; a return after 14 days away reactivates', async () => {
    const { get } = await appWith([EVENTS]);
    expect(await get('dormancy')).toMatchObject({ active: 1, dormant: 3, reactivated: 0 });
    expect(await get('dormancy', { from: T0 + 20 * DAY, to: T0 + 30 * DAY })).toMatchObject({ reactivated: 1 });
    // At T0+21d the last activity of u1 and u2 (a survey answer counts) is T0+8d, 13 days old;
    // u3 (T0) and u4 (T0+6d) were quiet for 14 days or more. u1's return at T0+22d is still ahead.
    expect(await get('dormancy', { asOf: T0 + 21 * DAY, from: T0, to: T0 + 30 * DAY })).toMatchObject({ active: 2, dormant: 2, reactivated: 0 });
    // At T0+10d everyone was active within 14 days.
    expect(await get('dormancy', { asOf: T0 + 10 * DAY })).toMatchObject({ active: 4, dormant: 0 });
  });

  it('dormancy at an asOf inside a day judges activity later that same day by its time', async () => {
    // asOf T0+14d+5h: the threshold began at T0+5h. u7 was active at T0+10h, inside it, and again
    // after asOf; u8 only at T0+1h (before it) and after asOf. u9 at T0+5h exactly (not inside:
    // the threshold is (asOf − 14 d, asOf]), u10 a millisecond later; both again after asOf.
    const events = [page('u7', T0 + 10 * HOUR), page('u7', T0 + 20 * DAY), page('u8', T0 + HOUR), page('u8', T0 + 20 * DAY),
      page('u9', T0 + 5 * HOUR), page('u9', T0 + 20 * DAY), page('u10', T0 + 5 * HOUR + 1), page('u10', T0 + 20 * DAY)];
    const { get } = await appWith([events]);
    expect(await get('dormancy', { asOf: T0 + 14 * DAY + 5 * HOUR })).toMatchObject({ active: 2, dormant: 2 });
  });

  it('nps takes each user latest response in the window', async () => {
    const { get } = await appWith([EVENTS]);
    expect(await get('nps')).toMatchObject({ respondents: 3, promoters: 1, passives: 1, detractors: 1, nps: 0 });
  });

  it('nps leaves out anonymous visitors; at equal times the higher score counts; a segment keeps its accounts', async () => {
    const visitor = msg('track', null, T0 + 5 * DAY, { event: 'Onward Survey Responded', properties: { flowId: 'nps', score: 0 } });
    const { get } = await appWith([[...EVENTS, visitor, survey('u3', T0 + 4 * DAY, 2), survey('u3', T0 + 4 * DAY, 9)]]);
    // Latest in the first week: u1 6, u2 9, u4 8, and u3's 9 (beside a 2 at the same time); the visitor is nobody.
    expect(await get('nps')).toMatchObject({ respondents: 4, promoters: 2, passives: 1, detractors: 1, nps: 25 });
    // Key accounts: u1 and u3 (acc-ka).
    expect(await get('nps', { segment: 'Key accounts' })).toMatchObject({ respondents: 2, promoters: 1, detractors: 1, nps: 0 });
  });

  it('ndr from the mrr history: an upgrade and a churn', async () => {
    const { get } = await appWith([EVENTS]);
    expect(await get('ndr', { to: T0 + 30 * DAY })).toMatchObject({ beginMrr: 1700, endMrr: 1300, upgrades: 100, downgrades: 0, churn: 500, ndr: 1300 / 1700 });
  });

  it('segment restricts to users whose account is in it', async () => {
    const { get } = await appWith([EVENTS]);
    expect(await get('ttv', { segment: 'Key accounts' })).toMatchObject({ users: 2, reached: 2, medianMs: 0, p90Ms: 3 * DAY });
    expect(await get('ndr', { segment: 'Key accounts', to: T0 + 30 * DAY })).toMatchObject({ beginMrr: 1000, endMrr: 1000 });
  });

  it('a segment at a past asOf keeps who was in it then: moved out later, yes; joined later, no', async () => {
    // ka1 moves to SMB after asOf; ka2 stays; late joins Key accounts only after asOf. Later messages arrive first.
    const later = [group('ka1', 'acc-smb', T0 + 20 * DAY, { tier: 'SMB' }), group('late', 'acc-ka', T0 + 20 * DAY)];
    const earlier = [group('ka1', 'acc-ka', T0, { tier: 'KA' }), page('ka1', T0 + HOUR), group('ka2', 'acc-ka', T0), page('ka2', T0 + 3 * HOUR), page('late', T0 + 2 * HOUR)];
    const { get } = await appWith([later, earlier]);
    const past = { segment: 'Key accounts', asOf: T0 + 10 * DAY };
    expect(await get('ttv', past)).toMatchObject({ users: 2 });
    expect(await get('dormancy', past)).toMatchObject({ active: 2, dormant: 0 });
    // Now: ka1 has left, late has joined.
    expect(await get('dormancy', { segment: 'Key accounts' })).toMatchObject({ active: 0, dormant: 2 });
  });

  it('answers the settings it used, and 400 for an unknown segment or a bad time', async () => {
    const t = await appWith([EVENTS]);
    expect((await t.get('ttv')).settings).toMatchObject({ valueEvent: 'Report Created', dormantAfterDays: 14 });
    const unknown = await t.admin('GET', '/v1/metrics/ttv?segment=Whales');
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('Key accounts');
    const bad = await t.admin('GET', '/v1/metrics/ttv?from=yesterday');
    expect(bad.status).toBe(400);
    // Beyond 2^53 ms no time is exact, nor bindable as an SQL integer.
    const huge = await t.admin('GET', '/v1/metrics/ttv?asOf=99999999999999999999');
    expect(huge.status).toBe(400);
    expect(JSON.stringify(await huge.json())).toContain('asOf');
    expect((await t.admin('GET', '/v1/metrics/nope')).status).toBe(404);
  });

  it('no events: empty answers, no errors', async () => {
    const { get } = await appWith([]);
    expect(await get('ttv')).toMatchObject({ users: 0, reached: 0, reachedShare: null, medianMs: null, kmMedianMs: null });
    expect(await get('activation')).toMatchObject({ users: 0, mature: 0, rate: null });
    expect(await get('retention')).toMatchObject({ cohorts: [] });
    expect(await get('nps')).toMatchObject({ respondents: 0, nps: null });
    expect(await get('ndr')).toMatchObject({ beginMrr: 0, ndr: null });
  });
});

describe('boundaries', () => {
  it('a start exactly at `from` is in the cohort, exactly at `to` is in the next one; weeks begin on Monday 00:00 UTC', async () => {
    const t = await createTestApp({ now: () => T0 + 60 * DAY });
    await t.admin('PUT', '/v1/settings', SETTINGS);
    const sunday = T0 + 6 * DAY + 23 * HOUR + 59 * 60_000; // Sunday 23:59 UTC: the week of T0
    await t.post('/v1/batch', { batch: [page('at-from', T0), page('sunday', sunday), page('at-to', T0 + 7 * DAY)] });
    const get = async (from: number, to: number) =>
      bodyOf<{ cohorts: { week: string; size: number }[] }>(await t.admin('GET', `/v1/metrics/retention?from=${from}&to=${to}&asOf=${T0 + 60 * DAY}`));
    expect((await get(T0, T0 + 7 * DAY)).cohorts).toMatchObject([{ week: '2026-01-05', size: 2 }]);
    expect((await get(T0 + 7 * DAY, T0 + 14 * DAY)).cohorts).toMatchObject([{ week: '2026-01-12', size: 1 }]);
  });

  it('weeks are 7 × 24 h of UTC across a daylight-saving change', async () => {
    // Europe moved its clocks on 2026-03-29; a week of a user who started on Monday 2026-03-23 still
    // ends exactly 168 h later, so activity at +167 h is week 0 and at +168 h is week 1.
    const start = Date.parse('2026-03-23T10:00:00Z');
    const t = await createTestApp({ now: () => start + 30 * DAY });
    await t.admin('PUT', '/v1/settings', SETTINGS);
    await t.post('/v1/batch', { batch: [page('a', start), page('a', start + 167 * HOUR), page('b', start), page('b', start + 168 * HOUR)] });
    const body = await bodyOf<{ cohorts: { week: string; retained: (number | null)[] }[] }>(
      await t.admin('GET', `/v1/metrics/retention?from=${start - DAY}&to=${start + DAY}&asOf=${start + 30 * DAY}&weeks=3`),
    );
    expect(body.cohorts).toEqual([{ week: '2026-03-23', size: 2, retained: [2, 1, 0], rates: [1, 0.5, 0] }]);
  });
});
