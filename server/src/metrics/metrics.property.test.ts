// Random event sets, sent in shuffled order and in batches of different sizes (with duplicates),
// must give the figures a literal reading of METRICS.md computes from the raw messages.
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../contracts/settings';
import { createRandom } from '../stats/bootstrap';
import { referenceMetrics, type RawMessage, type RefQuery } from '../testing/metrics-reference';
import { bodyOf, createTestApp } from '../testing/test-app';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T00:00:00Z');
const SPAN = 70 * DAY;

const SETTINGS = settingsSchema.parse({
  valueEvent: 'Report Created',
  activation: { events: ['Project Created', 'Teammate Invited'], windowDays: 3 },
  dormantAfterDays: 5,
  segments: [{ name: 'Key', when: { account: 'tier', op: 'eq', value: 'KA' } }, { name: 'Paying', when: { account: 'mrr', op: 'gt', value: 0 } }, { name: 'Other' }],
});

/** ~25 users in 5 accounts: createdAt identifies (some late, some absent), bursts of activity with gaps, surveys, mrr changes. */
function randomMessages(seed: number): (RawMessage & { messageId: string })[] {
  const rand = createRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const at = (t: number) => new Date(Math.round(t)).toISOString();
  const out: (RawMessage & { messageId: string })[] = [];
  const add = (m: RawMessage) => out.push({ ...m, messageId: `s${seed}-${out.length}` });
  const accounts = ['a1', 'a2', 'a3', 'a4', 'a5'];
  for (const a of accounts) {
    // Paying from the start; later upgrades, downgrades and churn (mrr 0).
    add({ type: 'group', userId: `owner-${a}`, groupId: a, timestamp: at(T0), traits: { tier: pick(['KA', 'SMB']), mrr: pick([100, 250, 900]) } });
    for (let i = 0; i < 3; i += 1) {
      add({ type: 'group', userId: `owner-${a}`, groupId: a, timestamp: at(T0 + rand() * SPAN), traits: { tier: pick(['KA', 'SMB']), mrr: pick([0, 100, 250, 900]) } });
    }
  }
  for (let u = 0; u < 25; u += 1) {
    const userId = `u${u}`;
    const signup = T0 + rand() * SPAN * 0.8;
    if (rand() < 0.7) {
      // The identify may arrive after the first activity (a late createdAt moves start back).
      add({ type: 'identify', userId, timestamp: at(signup + (rand() < 0.3 ? rand() * 4 * DAY : 0)), traits: { createdAt: at(signup) } });
    }
    add({ type: 'group', userId, groupId: pick(accounts), timestamp: at(signup + rand() * DAY) });
    if (rand() < 0.3) add({ type: 'group', userId, groupId: pick(accounts), timestamp: at(signup + rand() * 20 * DAY) });
    let t = signup - (rand() < 0.2 ? rand() * DAY : 0);
    const sessions = 1 + Math.floor(rand() * 8);
    for (let s = 0; s < sessions && t < T0 + SPAN; s += 1) {
      for (let e = 0; e < 1 + Math.floor(rand() * 4); e += 1) {
        const when = t + rand() * 2 * HOUR;
        if (rand() < 0.5) add({ type: 'page', userId, timestamp: at(when) });
        else add({ type: 'track', userId, event: pick(['Project Created', 'Teammate Invited', 'Report Created', 'Report Viewed']), timestamp: at(when) });
      }
      if (rand() < 0.2) add({ type: 'track', userId, event: 'Onward Survey Responded', timestamp: at(t + HOUR), properties: { flowId: 'nps', score: Math.floor(rand() * 11) } });
      // Gaps from an hour to three weeks: some users go dormant, some come back.
      t += pick([HOUR, DAY, 2 * DAY, 6 * DAY, 12 * DAY, 21 * DAY]) * (0.5 + rand());
    }
  }
  add({ type: 'page', anonymousId: 'visitor', timestamp: at(T0 + DAY) });
  return out;
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const QUERIES: RefQuery[] = [
  { from: T0, to: T0 + SPAN, asOf: T0 + SPAN + 10 * DAY, segment: null, weeks: 6 },
  { from: T0 + 7 * DAY, to: T0 + 35 * DAY, asOf: T0 + 40 * DAY, segment: null, weeks: 4 },
  { from: T0, to: T0 + 30 * DAY, asOf: T0 + 33 * DAY, segment: 'Key', weeks: 3 },
  { from: T0 + 10 * DAY, to: T0 + 50 * DAY, asOf: T0 + 60 * DAY, segment: 'Paying', weeks: 5 },
  // Bounds inside a day: day-granular prefilters must not cut off the hours after them.
  { from: T0 + 3 * DAY + 7 * HOUR, to: T0 + 41 * DAY + 13 * HOUR, asOf: T0 + 44 * DAY + 5 * HOUR, segment: null, weeks: 4 },
  { from: T0 + 5 * DAY + 20 * HOUR, to: T0 + 38 * DAY + 2 * HOUR, asOf: T0 + 39 * DAY + 17 * HOUR, segment: 'Key', weeks: 3 },
];

async function served(messages: readonly RawMessage[], seed: number) {
  const t = await createTestApp({ now: () => T0 + SPAN + 10 * DAY });
  await t.admin('PUT', '/v1/settings', SETTINGS);
  const rand = createRandom(seed * 7 + 1);
  const order = shuffled(messages, rand);
  const size = [1, 7, 50, 400][seed % 4]!;
  for (let i = 0; i < order.length; i += size) expect((await t.post('/v1/batch', { batch: order.slice(i, i + size) })).status).toBe(200);
  // Replays change nothing: messageIds de-duplicate.
  await t.post('/v1/batch', { batch: shuffled(messages, rand).slice(0, 200) });
  return async (metric: string, q: RefQuery) => {
    const qs = new URLSearchParams({ from: String(q.from), to: String(q.to), asOf: String(q.asOf), weeks: String(q.weeks), ...(q.segment === null ? {} : { segment: q.segment }) });
    const res = await t.admin('GET', `/v1/metrics/${metric}?${qs}`);
    expect(res.status).toBe(200);
    return bodyOf<Record<string, unknown>>(res);
  };
}

describe('metrics equal a literal reading of METRICS.md over the raw messages', () => {
  it.each([1, 2, 3, 4, 5, 6])('whatever the order and batching (seed %i)', async (seed) => {
    const messages = randomMessages(seed);
    const get = await served(messages, seed);
    for (const q of QUERIES) {
      const ref = referenceMetrics(messages, SETTINGS, q);
      expect(await get('ttv', q), `ttv ${JSON.stringify(q)}`).toMatchObject(ref.ttv);
      expect(await get('activation', q), `activation ${JSON.stringify(q)}`).toMatchObject(ref.activation);
      const retention = (await get('retention', q)) as { cohorts: { week: string; size: number; retained: (number | null)[] }[] };
      expect(retention.cohorts.map(({ week, size, retained }) => ({ week, size, retained })), `retention ${JSON.stringify(q)}`).toEqual(ref.retention);
      expect(await get('dormancy', q), `dormancy ${JSON.stringify(q)}`).toMatchObject(ref.dormancy);
      expect(await get('nps', q), `nps ${JSON.stringify(q)}`).toMatchObject(ref.nps);
      expect(await get('ndr', q), `ndr ${JSON.stringify(q)}`).toMatchObject(ref.ndr);
    }
  });
});
