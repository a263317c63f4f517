// The drill-downs behind the dashboard's charts: the TTV histogram (same cohort and rows as ttv)
// and the recent NPS comments (from survey_responses, newest first, segment-aware).
import { describe, expect, it } from 'vitest';
import { group, iso, METRIC_SETTINGS as SETTINGS, msg, page, track } from '../testing/messages';
import { bodyOf, createTestApp } from '../testing/test-app';
import { binTtvs, TTV_BIN_EDGES } from './ttv-distribution';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
const answer = (userId: string, at: number, score: number, comment?: unknown) =>
  track(userId, 'Onward Survey Responded', at, { flowId: 'nps', score, ...(comment === undefined ? {} : { comment }) });

const EVENTS = [
  msg('identify', 'u1', T0, { traits: { createdAt: iso(T0) } }),
  group('u1', 'acc-ka', T0, { tier: 'KA' }),
  track('u1', 'Report Created', T0 + 3 * DAY),
  page('u2', T0 + 2 * DAY),
  group('u2', 'acc-smb', T0 + 2 * DAY, { tier: 'SMB' }),
  track('u2', 'Report Created', T0 + 2 * DAY + 5 * HOUR),
  msg('identify', 'u3', T0 + DAY, { traits: { createdAt: iso(T0 + DAY) } }),
  track('u3', 'Report Created', T0),
  page('u4', T0 + 4 * DAY),
  answer('u1', T0 + 5 * DAY, 10, 'Love the reports'),
  answer('u1', T0 + 6 * DAY, 6, 'Slower this week'),
  answer('u2', T0 + 5 * DAY, 9, '   '),
  answer('u2', T0 + 8 * DAY, 3, 'Confusing setup'),
  answer('u4', T0 + 6 * DAY, 8),
  answer('u4', T0 + 40 * DAY, 2, 'After asOf'),
  msg('track', null, T0 + 7 * DAY, { event: 'Onward Survey Responded', properties: { flowId: 'nps', score: 1, comment: 'From a visitor' } }),
];

async function appWith(events: unknown[]) {
  const t = await createTestApp({ now: () => T0 + 30 * DAY });
  await t.admin('PUT', '/v1/settings', SETTINGS);
  if (events.length > 0) await t.post('/v1/batch', { batch: events });
  const get = async (path: string, query: Record<string, string | number> = {}) => {
    const qs = new URLSearchParams({ from: String(T0), to: String(T0 + 7 * DAY), asOf: String(T0 + 30 * DAY), ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
    const res = await t.admin('GET', `/v1/metrics/${path}?${qs}`);
    return { status: res.status, body: await bodyOf<Record<string, unknown>>(res) };
  };
  return { ...t, get };
}

describe('ttv distribution', () => {
  it('bins reached TTVs of the ttv cohort, the last bin open-ended', async () => {
    const { get } = await appWith(EVENTS);
    const { status, body } = await get('ttv/distribution');
    expect(status).toBe(200);
    // TTVs: u3 0, u2 5 h, u1 3 d; u4 never reached (not binned).
    const ttv = (await get('ttv')).body;
    expect(body).toMatchObject({ users: ttv.users, reached: ttv.reached });
    const bins = body.bins as { fromMs: number; toMs: number | null; users: number }[];
    expect(bins.map((b) => b.fromMs)).toEqual(TTV_BIN_EDGES);
    expect(bins.at(-1)!.toMs).toBeNull();
    expect(Object.fromEntries(bins.filter((b) => b.users > 0).map((b) => [b.fromMs, b.users]))).toEqual({ 0: 1, [HOUR]: 1, [3 * DAY]: 1 });
    expect(bins.reduce((n, b) => n + b.users, 0)).toBe(ttv.reached);
  });

  it('follows segment and asOf like ttv', async () => {
    const { get } = await appWith(EVENTS);
    expect((await get('ttv/distribution', { segment: 'Key accounts' })).body).toMatchObject({ users: 1, reached: 1 });
    expect((await get('ttv/distribution', { asOf: T0 + 2 * DAY + HOUR })).body).toMatchObject({ users: 3, reached: 1 });
  });

  it('binTtvs puts edges in the upper bin and huge values in the last', () => {
    const bins = binTtvs([0, HOUR - 1, HOUR, 31 * DAY, 400 * DAY]);
    expect(bins.map((b) => b.users)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('no events: every bin empty', async () => {
    const { get } = await appWith([]);
    const { body } = await get('ttv/distribution');
    expect(body).toMatchObject({ users: 0, reached: 0 });
    expect((body.bins as { users: number }[]).every((b) => b.users === 0)).toBe(true);
  });
});

describe('nps comments', () => {
  it('lists non-empty comments of users in [from, to) by asOf, newest first (not anonymous visitors)', async () => {
    const { get } = await appWith(EVENTS);
    const { status, body } = await get('nps/comments', { to: T0 + 60 * DAY });
    expect(status).toBe(200);
    expect(body.comments).toEqual([
      { userId: 'u2', score: 3, comment: 'Confusing setup', at: iso(T0 + 8 * DAY), flowId: 'nps' },
      { userId: 'u1', score: 6, comment: 'Slower this week', at: iso(T0 + 6 * DAY), flowId: 'nps' },
      { userId: 'u1', score: 10, comment: 'Love the reports', at: iso(T0 + 5 * DAY), flowId: 'nps' },
    ]);
  });

  it('honours limit, the period and the segment; rejects a bad limit', async () => {
    const { get } = await appWith(EVENTS);
    expect(((await get('nps/comments', { limit: 1 })).body.comments as unknown[]).length).toBe(1);
    expect(((await get('nps/comments', { to: T0 + 6 * DAY })).body.comments as { comment: string }[]).map((c) => c.comment)).toEqual(['Love the reports']);
    expect(((await get('nps/comments', { segment: 'Key accounts' })).body.comments as { userId: string }[]).every((c) => c.userId === 'u1')).toBe(true);
    expect((await get('nps/comments', { limit: 0 })).status).toBe(400);
    expect((await get('nps/comments', { bogus: 1 })).status).toBe(400);
  });
});
