import { describe, expect, it, onTestFinished } from 'vitest';
import type { Webhook, WebhookEvent, WebhookEventType } from '../contracts/webhooks';
import type { Database } from '../db';
import { createSettingsStore } from '../settings/store';
import { bodyOf, createTestApp } from '../testing/test-app';
import { createDeliveryQueue, createDeliveryWorker, createWebhookStore } from '../webhooks';
import { startReceiver } from '../webhooks/test-receiver';
import type { AccountScore } from './account-events';
import { createDormancySweep } from './dormancy-sweep';
import { createJobRunner } from './runner';
import { DAY, insertActiveDay, insertSurveyResponse, insertUser, sharedDatabase } from './test-data';

const T0 = Date.UTC(2025, 2, 1);
const HOUR = 3_600_000;
const D = 14 * DAY;

function sweeper(db: Database, clock: () => number, scores?: Map<string, AccountScore>) {
  const webhooks = createWebhookStore(db, clock);
  const queue = createDeliveryQueue(db, clock);
  const settings = createSettingsStore(db, clock);
  return createDormancySweep({
    db, webhooks, queue, now: clock, settleMs: 0, settings: settings.get,
    ...(scores === undefined ? {} : { listAccountScores: async () => [...scores.values()] }),
  });
}

/** The queued events: [type, event key, body], oldest first. */
async function queued(db: Database, webhookId?: string) {
  const r = await db.execute({
    sql: `SELECT type, event_key, payload FROM webhook_deliveries WHERE ?1 IS NULL OR webhook_id = ?1 ORDER BY id`,
    args: [webhookId ?? null],
  });
  return r.rows.map((row) => ({ type: String(row.type) as WebhookEventType, key: String(row.event_key), body: JSON.parse(String(row.payload)) as WebhookEvent }));
}

async function setup(events: WebhookEventType[], extra: Record<string, unknown> = {}) {
  let clock = T0;
  const t = await createTestApp({ now: () => clock });
  const hook = await bodyOf<Webhook>(await t.admin('POST', '/v1/webhooks', { url: 'https://crm.example.com/hook', events, ...extra }));
  const scores = new Map<string, AccountScore>();
  const sweep = sweeper(t.db, () => clock, scores);
  return { t, db: t.db, hook, scores, sweep, set: (at: number) => (clock = at), keys: async () => (await queued(t.db)).map((e) => e.key) };
}

describe('dormancy sweep', () => {
  it('reports each user once as they cross the dormancy threshold, with the deep link', async () => {
    const s = await setup(['user.dormant'], { deepLink: { url: 'https://app.example.com/home?tab=1', flowId: 'welcome-back' } });
    await insertUser(s.db, { id: 'already-dormant', lastActivityAt: T0 - D - HOUR });
    // The first sweep sets the watermark; nothing that happened before it is reported.
    expect(await s.sweep.run()).toEqual({ workspaces: 1, enqueued: 0 });
    await insertUser(s.db, { id: 'u1', lastActivityAt: T0 - D + HOUR, accountId: 'acme' });
    await insertUser(s.db, { id: 'u2', lastActivityAt: T0 - DAY });
    await insertUser(s.db, { id: 'anon-1', lastActivityAt: T0 - D + HOUR, anonymous: true });

    s.set(T0 + 2 * HOUR);
    expect(await s.sweep.run()).toEqual({ workspaces: 1, enqueued: 1 });
    const [event] = await queued(s.db);
    expect(event?.key).toBe(`user.dormant:u1:${T0 - D + HOUR}`);
    expect(event?.body).toMatchObject({
      type: 'user.dormant',
      workspaceId: 1,
      createdAt: new Date(T0 + 2 * HOUR).toISOString(),
      data: {
        userId: 'u1', accountId: 'acme', dormantAfterDays: 14,
        lastSeen: new Date(T0 - D + HOUR).toISOString(),
        dormantSince: new Date(T0 + HOUR).toISOString(),
        deepLink: 'https://app.example.com/home?tab=1&onward_flow=welcome-back',
      },
    });
    expect(await s.sweep.run()).toEqual({ workspaces: 1, enqueued: 0 });

    s.set(T0 + 13 * DAY + HOUR);
    await s.sweep.run();
    // u1 came back and went quiet again: a new event, keyed by the new last activity.
    await insertUser(s.db, { id: 'u1', lastActivityAt: T0 + 10 * HOUR });
    s.set(T0 + D + 11 * HOUR);
    await s.sweep.run();
    expect(await s.keys()).toEqual([`user.dormant:u1:${T0 - D + HOUR}`, `user.dormant:u2:${T0 - DAY}`, `user.dormant:u1:${T0 + 10 * HOUR}`]);
  });

  it('pages through a large window without skipping users who share a timestamp', async () => {
    const s = await setup(['user.dormant', 'user.reactivated']);
    await s.sweep.run();
    const ids = Array.from({ length: 1201 }, (_, i) => `u${String(i).padStart(4, '0')}`);
    // Three timestamps only, so pages end in the middle of a run of equal last_activity_at.
    await s.db.batch(ids.flatMap((id, i) => [
      { sql: 'INSERT INTO users (workspace_id, id, is_anonymous, first_message_at, last_activity_at) VALUES (1, ?, 0, 0, ?)', args: [id, T0 - D + HOUR + (i % 3)] },
      { sql: "INSERT INTO user_days (workspace_id, user_id, event, day, count, first_at, last_at, gap_before) VALUES (1, ?, '', 0, 0, ?, ?, ?)", args: [id, T0 + 1 + (i % 3), T0 + 1 + (i % 3), 15 * DAY] },
    ]), 'write');
    s.set(T0 + 2 * HOUR);
    expect(await s.sweep.run()).toEqual({ workspaces: 1, enqueued: 2402 });
    const keys = await s.keys();
    expect(new Set(keys.filter((k) => k.startsWith('user.dormant:')).map((k) => k.split(':')[1])).size).toBe(1201);
    expect(new Set(keys.filter((k) => k.startsWith('user.reactivated:')).map((k) => k.split(':')[1])).size).toBe(1201);
  });

  it('uses the workspace dormancy threshold', async () => {
    const s = await setup(['user.dormant']);
    await s.t.admin('PUT', '/v1/settings', { dormantAfterDays: 3 });
    await s.sweep.run();
    await insertUser(s.db, { id: 'u1', lastActivityAt: T0 - 3 * DAY + HOUR });
    s.set(T0 + 2 * HOUR);
    await s.sweep.run();
    expect(await s.keys()).toEqual([`user.dormant:u1:${T0 - 3 * DAY + HOUR}`]);
  });

  it('reports returns after at least the dormancy threshold, once', async () => {
    const s = await setup(['user.reactivated']);
    await s.sweep.run();
    await insertUser(s.db, { id: 'back', lastActivityAt: T0 + HOUR, accountId: 'acme' });
    await insertUser(s.db, { id: 'short-break', lastActivityAt: T0 + HOUR });
    await insertUser(s.db, { id: 'earlier', lastActivityAt: T0 - HOUR });
    await insertUser(s.db, { id: 'anon-1', lastActivityAt: T0 + HOUR, anonymous: true });
    await insertActiveDay(s.db, { userId: 'back', firstAt: T0 + HOUR, gapBefore: 20 * DAY + 5 * HOUR });
    await insertActiveDay(s.db, { userId: 'short-break', firstAt: T0 + HOUR, gapBefore: 2 * DAY });
    await insertActiveDay(s.db, { userId: 'earlier', firstAt: T0 - HOUR, gapBefore: 20 * DAY });
    await insertActiveDay(s.db, { userId: 'anon-1', firstAt: T0 + HOUR, gapBefore: 20 * DAY });
    s.set(T0 + 2 * HOUR);
    await s.sweep.run();
    s.set(T0 + 3 * HOUR);
    await s.sweep.run();
    const events = await queued(s.db);
    expect(events.map((e) => e.key)).toEqual([`user.reactivated:back:${T0 + HOUR}`]);
    expect(events[0]?.body.data).toEqual({
      userId: 'back', accountId: 'acme', inactiveDays: 20,
      returnedAt: new Date(T0 + HOUR).toISOString(),
      lastSeenBefore: new Date(T0 + HOUR - 20 * DAY - 5 * HOUR).toISOString(),
    });
  });

  it('reports survey responses after the cursor, once', async () => {
    const s = await setup(['survey.responded']);
    await insertSurveyResponse(s.db, { userId: 'before', at: T0 - HOUR, score: 3 });
    await s.sweep.run();
    await insertUser(s.db, { id: 'u1', lastActivityAt: T0, accountId: 'acme' });
    await insertSurveyResponse(s.db, { userId: 'u1', at: T0 + HOUR, score: 10, comment: 'Love it' });
    await insertSurveyResponse(s.db, { userId: 'u2', at: T0 + HOUR, score: 6 });
    s.set(T0 + 2 * HOUR);
    await s.sweep.run();
    await s.sweep.run();
    const events = await queued(s.db);
    expect(events.map((e) => e.key)).toEqual(['survey.responded:2', 'survey.responded:3']);
    expect(events[0]?.body.data).toEqual({
      responseId: 2, userId: 'u1', accountId: 'acme', flowId: 'nps-survey', score: 10, comment: 'Love it', respondedAt: new Date(T0 + HOUR).toISOString(),
    });
  });

  it('reports account expansion and a health drop of 10 points or more since the snapshot', async () => {
    const s = await setup(['account.expansion', 'account.health_dropped']);
    const score = (id: string, health: number, expansion: boolean) => s.scores.set(id, { id, health, expansion });
    score('acme', 80, false);
    score('globex', 50, true);
    await s.sweep.run();
    expect(await s.keys()).toEqual([]);

    s.set(T0 + HOUR);
    score('acme', 75, false);
    await s.sweep.run();
    expect(await s.keys()).toEqual([]);

    // 80 → 75 → 70: a slow decline adds up to a drop of 10 from the snapshot.
    s.set(T0 + 2 * HOUR);
    score('acme', 70, true);
    score('initech', 90, true);
    await s.sweep.run();
    s.set(T0 + 3 * HOUR);
    await s.sweep.run();
    const events = await queued(s.db);
    expect(events.map((e) => [e.key, e.body.data])).toEqual([
      [`account.expansion:acme:${T0}`, { accountId: 'acme', health: 70 }],
      [`account.health_dropped:acme:${T0}`, { accountId: 'acme', health: 70, previousHealth: 80, drop: 10 }],
      ['account.expansion:initech:0', { accountId: 'initech', health: 90 }],
    ]);

    // Expanding stays expanding; falling back and expanding again is a new event.
    score('acme', 70, false);
    s.set(T0 + 4 * HOUR);
    await s.sweep.run();
    score('acme', 71, true);
    s.set(T0 + 5 * HOUR);
    await s.sweep.run();
    expect((await s.keys()).slice(3)).toEqual([`account.expansion:acme:${T0 + 4 * HOUR}`]);
  });

  it('fans each event out to every subscribed endpoint, with its own deep link', async () => {
    const s = await setup(['user.dormant', 'survey.responded']);
    const other = await bodyOf<Webhook>(await s.t.admin('POST', '/v1/webhooks', {
      url: 'https://mail.example.com/hook', events: ['user.dormant'], deepLink: { url: 'https://app.example.com/', flowId: 'come-back' },
    }));
    await s.sweep.run();
    await insertUser(s.db, { id: 'u1', lastActivityAt: T0 - D + HOUR });
    await insertSurveyResponse(s.db, { userId: 'u1', at: T0 + HOUR, score: 8 });
    s.set(T0 + 2 * HOUR);
    await s.sweep.run();
    expect((await queued(s.db, s.hook.id)).map((e) => [e.type, 'deepLink' in e.body.data])).toEqual([['user.dormant', false], ['survey.responded', false]]);
    const [forOther] = await queued(s.db, other.id);
    expect(forOther?.body.data).toMatchObject({ deepLink: 'https://app.example.com/?onward_flow=come-back' });
    expect((await queued(s.db)).filter((e) => e.type === 'user.dormant').map((e) => e.body.id)).toEqual([forOther?.body.id, forOther?.body.id]);
  });

  it('produces nothing for a workspace while it has no active endpoint, and no backlog after', async () => {
    const s = await setup(['user.dormant']);
    await s.sweep.run();
    await s.t.admin('PUT', `/v1/webhooks/${s.hook.id}`, { url: s.hook.url, events: ['user.dormant'], active: false });
    await insertUser(s.db, { id: 'u1', lastActivityAt: T0 - D + HOUR });
    s.set(T0 + 2 * HOUR);
    expect(await s.sweep.run()).toEqual({ workspaces: 0, enqueued: 0 });
    await s.t.admin('PUT', `/v1/webhooks/${s.hook.id}`, { url: s.hook.url, events: ['user.dormant'], active: true });
    s.set(T0 + 3 * HOUR);
    await s.sweep.run();
    await insertUser(s.db, { id: 'u2', lastActivityAt: T0 - D + 4 * HOUR });
    s.set(T0 + 5 * HOUR);
    await s.sweep.run();
    expect(await s.keys()).toEqual([`user.dormant:u2:${T0 - D + 4 * HOUR}`]);
  });
});

describe('two servers on one database', () => {
  it('enqueue each event once and deliver it once', async () => {
    const shared = await sharedDatabase(2);
    onTestFinished(shared.close);
    const [a, b] = shared.dbs as [Database, Database];
    let clock = T0;
    const now = () => clock;
    const receiver = await startReceiver();
    onTestFinished(() => receiver.close());
    await createWebhookStore(a, now).create(1, { url: receiver.url, events: ['user.dormant', 'survey.responded'], active: true, description: '', deepLink: null });
    const servers = [a, b].map((db, i) => {
      const sweep = sweeper(db, now);
      const worker = createDeliveryWorker({ queue: createDeliveryQueue(db, now), owner: `server-${i}`, now, timeoutMs: 2000, maxAttempts: 3 });
      const runner = createJobRunner({
        db, owner: `server-${i}`, now, intervalMs: 60_000, logger: { info: () => {}, error: () => {} },
        jobs: [{ name: 'dormancy-sweep', run: () => sweep.run() }],
      });
      return { sweep, worker, runner };
    });
    const [one, two] = servers as [(typeof servers)[number], (typeof servers)[number]];
    await one.sweep.run();
    for (let i = 0; i < 30; i += 1) await insertUser(a, { id: `u${i}`, lastActivityAt: T0 - D + HOUR + i });
    await insertSurveyResponse(a, { userId: 'u1', at: T0 + HOUR, score: 9 });

    // Through the runners: the job lease lets one of them sweep.
    clock = T0 + 2 * HOUR;
    const outcomes = await Promise.all([one.runner.runOnce(), two.runner.runOnce()]);
    expect(outcomes.flat().map((o) => o.status).sort()).toEqual(['ran', 'skipped']);
    expect(await queued(a)).toHaveLength(31);

    // Even without the lease (say it expired mid-run), sweeping at once enqueues each event once.
    for (let i = 30; i < 40; i += 1) await insertUser(a, { id: `u${i}`, lastActivityAt: T0 - D + 2 * HOUR + i });
    clock = T0 + 3 * HOUR;
    const reports = await Promise.all([one.sweep.run(), two.sweep.run()]);
    expect(reports[0].enqueued + reports[1].enqueued).toBe(10);
    const events = await queued(b);
    expect(events).toHaveLength(41);
    expect(new Set(events.map((e) => e.key)).size).toBe(41);

    // Both deliver at once: the claims never overlap, each event arrives once.
    const sent = await Promise.all([one.worker.deliverDue(), two.worker.deliverDue()]);
    expect(sent[0].delivered + sent[1].delivered).toBe(41);
    expect(receiver.requests).toHaveLength(41);
    expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(41);
  });
});
