// GET /v1/flows/:id/report on a small event set checked by hand against METRICS.md "Flows".
import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';
import { createFlow, createStep } from '../testing/flows';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const SETTINGS = { valueEvent: 'Report Created', activation: { events: ['Project Created'], windowDays: 7 } };
const FLOW = createFlow({
  holdout: 0.5,
  goal: { event: 'Report Created', withinDays: 7 },
  steps: [createStep({ id: 's1' }), createStep({ id: 's2', target: '#report' }), createStep({ id: 's3' })],
});

let n = 0;
const track = (userId: string, event: string, at: number, properties: object = {}) => ({
  type: 'track', userId, event, timestamp: iso(at), messageId: `m${(n += 1)}`, properties,
});
const flow = (userId: string, what: string, at: number, props: object = {}) =>
  track(userId, `Onward ${what}`, at, { flowId: 'welcome-tour', flowVersion: 1, ...props });
const view = (userId: string, stepId: string, stepIndex: number, at: number) => flow(userId, 'Step Viewed', at, { stepId, stepIndex });
const missing = (userId: string, stepId: string, selector: string, url: string, at: number) =>
  flow(userId, 'Flow Target Missing', at, { stepId, stepIndex: 1, selector, url });

/**
 * Exposed (first start in [T0, T0+20d)): e1 converts and activates; e2 converts 8 days after its
 * start (too late) and starts again; e3's only goal event is an hour before its start; e6 converts
 * exactly 7 days after. e4 first started before the period; e5 after it. Held out: h1 and h2
 * convert, h3 does not and is later shown the flow anyway (it stays held out). s3 is never viewed.
 */
const EVENTS = [
  { type: 'identify', userId: 'e1', timestamp: iso(T0), messageId: 'id-e1', traits: { createdAt: iso(T0) } },
  flow('e1', 'Flow Started', T0 + HOUR, { stepId: 's1', stepIndex: 0 }),
  view('e1', 's1', 0, T0 + HOUR),
  flow('e1', 'Step Viewed', T0 + 2 * HOUR, { stepIndex: 1 }), // no stepId: matched by index
  flow('e1', 'Flow Completed', T0 + 3 * HOUR),
  track('e1', 'Project Created', T0 + DAY),
  track('e1', 'Report Created', T0 + 2 * DAY),
  flow('e2', 'Flow Started', T0 + DAY),
  view('e2', 's1', 0, T0 + DAY),
  missing('e2', 's1', '#new-project', '/demo', T0 + DAY),
  flow('e2', 'Flow Dismissed', T0 + DAY + HOUR),
  flow('e2', 'Flow Started', T0 + 5 * DAY),
  track('e2', 'Report Created', T0 + 9 * DAY),
  track('e3', 'Report Created', T0 + 2 * DAY - HOUR),
  flow('e3', 'Flow Started', T0 + 2 * DAY),
  view('e3', 's1', 0, T0 + 2 * DAY),
  missing('e3', 's2', '#report', '/demo/reports', T0 + 2 * DAY),
  missing('e3', 's2', '#report', '/demo/reports', T0 + 3 * DAY),
  flow('e4', 'Flow Started', T0 - DAY),
  flow('e4', 'Flow Started', T0 + 3 * DAY),
  flow('e5', 'Flow Started', T0 + 25 * DAY),
  flow('e6', 'Flow Started', T0 + 3 * DAY),
  track('e6', 'Report Created', T0 + 10 * DAY),
  flow('h1', 'Flow Held Out', T0 + HOUR),
  track('h1', 'Report Created', T0 + 3 * DAY),
  flow('h2', 'Flow Held Out', T0 + DAY),
  track('h2', 'Project Created', T0 + 2 * DAY),
  track('h2', 'Report Created', T0 + 6 * DAY),
  flow('h3', 'Flow Held Out', T0 + 2 * DAY),
  flow('h3', 'Flow Started', T0 + 4 * DAY),
];

type Report = Record<string, unknown> & { goal: Record<string, unknown> | null; query: Record<string, string> };

async function appWith(batches: unknown[][], flowInput: object = FLOW) {
  let clock = T0 - DAY; // the flow is created the day before T0
  const t = await createTestApp({ now: () => clock });
  await t.admin('PUT', '/v1/settings', SETTINGS);
  const created = await t.admin('POST', '/v1/flows', flowInput);
  expect(created.status).toBe(201);
  expect((await t.admin('POST', `/v1/flows/${(flowInput as { id: string }).id}/publish`)).status).toBe(200);
  clock = T0 + 30 * DAY;
  for (const batch of batches) {
    const res = await bodyOf<{ rejected: unknown[] }>(await t.post('/v1/batch', { batch }));
    expect(res.rejected).toEqual([]);
  }
  const report = async (query = `from=${T0}&to=${T0 + 20 * DAY}`, id = 'welcome-tour') => {
    const res = await t.admin('GET', `/v1/flows/${id}/report${query === '' ? '' : `?${query}`}`);
    expect(res.status).toBe(200);
    return bodyOf<Report>(res);
  };
  return { ...t, report };
}

describe('GET /v1/flows/:id/report', () => {
  it('counts distinct users per funnel stage in [from, to), every step in order with its drop-off', async () => {
    const { report } = await appWith([EVENTS]);
    const body = await report();
    // Started in the period: e1, e2, e3, e4 (again at T0+3d), e6, h3; not e5 (T0+25d).
    expect(body).toMatchObject({ flowId: 'welcome-tour', query: { from: iso(T0), to: iso(T0 + 20 * DAY), asOf: iso(T0 + 30 * DAY) } });
    expect(body).toMatchObject({ started: 6, completed: 1, dismissed: 1, targetMissing: 2, heldOut: 3, holdoutShare: 0.5 });
    expect(body.steps).toEqual([
      { stepId: 's1', index: 0, viewed: 3, dropOff: 3, dropOffRate: 0.5 },
      { stepId: 's2', index: 1, viewed: 1, dropOff: 2, dropOffRate: 2 / 3 },
      { stepId: 's3', index: 2, viewed: 0, dropOff: 1, dropOffRate: 1 },
    ]);
    expect(body.otherSteps).toEqual([]);
    expect(body.missingTargets).toEqual([
      { stepId: 's2', selector: '#report', url: '/demo/reports', users: 1, events: 2, lastAt: iso(T0 + 3 * DAY) },
      { stepId: 's1', selector: '#new-project', url: '/demo', users: 1, events: 1, lastAt: iso(T0 + DAY) },
    ]);
  });

  it('compares goal conversion of exposed and held-out users, with the Wald interval', async () => {
    const { report } = await appWith([EVENTS]);
    const { goal } = await report();
    // Exposed e1 ✓, e2 ✗ (8 days), e3 ✗ (before its start), e6 ✓ (exactly 7 days): 2/4. Held out h1 ✓, h2 ✓, h3 ✗: 2/3.
    // lift = 1/2 − 2/3 = −1/6; se = √(0.25/4 + (2/9)/3) = 0.369559, half-width 0.724322.
    expect(goal).toMatchObject({
      event: 'Report Created',
      withinDays: 7,
      exposed: { users: 4, converted: 2, rate: 0.5, pending: 0 },
      holdout: { users: 3, converted: 2, rate: 2 / 3, pending: 0 },
      verdict: 'not_enough_users',
      summary: '-16.7 points, not enough users yet',
    });
    expect(goal!.lift).toBeCloseTo(-1 / 6, 12);
    const [lo, hi] = goal!.ci95 as [number, number];
    expect(lo).toBeCloseTo(-0.890989, 5);
    expect(hi).toBeCloseTo(0.557655, 5);
  });

  it('compares activation (mature users) and Kaplan–Meier time-to-value', async () => {
    const { report } = await appWith([EVENTS]);
    const body = await report();
    // Activated: e1 of e1, e2, e3, e6; h2 of h1, h2, h3. Everyone's 7-day window ended by T0+30d.
    expect(body.activation).toMatchObject({ windowDays: 7, exposed: { users: 4, activated: 1, rate: 0.25 }, holdout: { users: 3, activated: 1, rate: 1 / 3 }, verdict: 'not_enough_users' });
    expect((body.activation as { difference: number }).difference).toBeCloseTo(-1 / 12, 12);
    // TTV exposed: e3 0, e1 2d, e6 7d, e2 8d → median 2d. Held out: h1 3d−1h, h2 5d, h3 censored at 28d → median 5d.
    expect(body.timeToValue).toMatchObject({
      valueEvent: 'Report Created',
      exposed: { users: 4, reached: 4, kmMedianMs: 2 * DAY },
      holdout: { users: 3, reached: 2, kmMedianMs: 5 * DAY },
      differenceMs: -3 * DAY,
      bootstrap: { resamples: 1000 },
      verdict: 'not_enough_users',
      summary: 'median time-to-value 3 d shorter, not enough users yet',
    });
  });

  it('gives the same answer whatever the arrival order, and ignores repeated messages', async () => {
    const { report } = await appWith([EVENTS]);
    const expected = await report();
    const chunks = [];
    for (let i = EVENTS.length; i > 0; i -= 4) chunks.push([...EVENTS.slice(Math.max(0, i - 4), i)].reverse());
    const shuffled = await appWith([...chunks, EVENTS.slice(0, 10), EVENTS]);
    expect(await shuffled.report()).toEqual(expected);
    const accepted = await bodyOf<{ accepted: number; duplicates: number }>(await shuffled.post('/v1/batch', { batch: EVENTS }));
    expect(accepted).toMatchObject({ accepted: 0, duplicates: EVENTS.length });
    expect(await shuffled.report()).toEqual(expected);
  });

  it('defaults to [the day the flow was created, now) and echoes it', async () => {
    const { report } = await appWith([EVENTS]);
    const body = await report('');
    expect(body.query).toEqual({ from: iso(T0 - DAY), to: iso(T0 + 30 * DAY), asOf: iso(T0 + 30 * DAY) });
    // Now e4's first start (T0−1d) and e5 (T0+25d) are in the period.
    expect(body).toMatchObject({ started: 7 });
    expect(body.goal).toMatchObject({ exposed: { users: 6 }, holdout: { users: 3 } });
  });

  it('without a holdout or goal: the funnel only, and notes saying why', async () => {
    const tip = createFlow({ id: 'tip', kind: 'tip', steps: [createStep({ id: 'only' })] });
    const events = [track('u1', 'Onward Flow Started', T0, { flowId: 'tip' }), track('u1', 'Onward Step Viewed', T0, { flowId: 'tip', stepId: 'gone', stepIndex: 0 })];
    const { report } = await appWith([events], tip);
    const body = await report(`from=${iso(T0)}&to=2026-02-01`, 'tip');
    expect(body).toMatchObject({ started: 1, goal: null, activation: null, timeToValue: null, missingTargets: [] });
    // A view of a step the current definition no longer has is listed apart.
    expect(body.steps).toEqual([{ stepId: 'only', index: 0, viewed: 0, dropOff: 1, dropOffRate: 1 }]);
    expect(body.otherSteps).toEqual([{ stepId: 'gone', viewed: 1 }]);
    expect((body.notes as string[]).join(' ')).toMatch(/no holdout.*no goal/);
  });

  it('answers 404 for an unknown flow and 400 naming the field for a bad from or to', async () => {
    const t = await appWith([]);
    expect((await t.admin('GET', '/v1/flows/nope/report')).status).toBe(404);
    const bad = async (query: string, path: string) => {
      const res = await t.admin('GET', `/v1/flows/welcome-tour/report?${query}`);
      expect(res.status).toBe(400);
      const { error } = await bodyOf<{ error: { issues: { path: string }[] } }>(res);
      expect(error.issues.map((i) => i.path)).toContain(path);
    };
    await bad('from=yesterday', 'from');
    await bad('to=2026-13-01', 'to');
    await bad('to=99999999999999999999', 'to');
    await bad(`from=${T0 + DAY}&to=${T0}`, 'from');
    await bad('asof=1', '');
  });
});
