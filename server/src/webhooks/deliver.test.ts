import { describe, expect, it, onTestFinished } from 'vitest';
import type { WebhookEvent } from '../contracts/webhooks';
import { createTestApp } from '../testing/test-app';
import { createDeliveryWorker } from './deliver';
import { deliveriesFor, type ProducedEvent } from './fan-out';
import { createDeliveryQueue } from './queue';
import { verify } from './sign';
import { createWebhookStore } from './store';
import { startReceiver, type Answer, type Received } from './test-receiver';

const T0 = Date.UTC(2025, 2, 1, 12);

const survey = (id: number): ProducedEvent => ({
  workspaceId: 1, key: `survey.responded:${id}`, type: 'survey.responded', createdAt: T0,
  data: { responseId: id, userId: `u${id}`, accountId: null, flowId: 'nps', score: 9, comment: null, respondedAt: new Date(T0).toISOString() },
});

async function setup(options: { answer?: (r: Received, i: number) => Answer; timeoutMs?: number; maxAttempts?: number; url?: string } = {}) {
  let clock = T0;
  const now = () => clock;
  const t = await createTestApp({ now });
  const receiver = await startReceiver(options.answer);
  onTestFinished(() => receiver.close());
  const hook = await createWebhookStore(t.db, now).create(1, {
    url: options.url ?? receiver.url, events: ['survey.responded'], active: true, description: '', deepLink: null,
  });
  const queue = createDeliveryQueue(t.db, now);
  const worker = (owner = 'server-a') =>
    createDeliveryWorker({ queue, owner, now, timeoutMs: options.timeoutMs ?? 2000, maxAttempts: options.maxAttempts ?? 5, random: () => 0 });
  return {
    t, hook, queue, receiver, worker,
    enqueue: (...ids: number[]) => queue.enqueue(deliveriesFor([hook], ids.map(survey))),
    log: () => queue.list(1, hook.id, 50),
    advance: (ms: number) => (clock += ms),
    /** What a receiver does with each request, at the time the worker sent it. */
    verified: (r: Received) => verify(hook.secret, r, r.body, Number(r.timestamp) * 1000),
  };
}

describe('webhook delivery', () => {
  it('posts each event once, signed, with a stable idempotency key and the documented body', async () => {
    const s = await setup();
    expect(await s.enqueue(1, 2)).toBe(2);
    expect(await s.enqueue(1, 2)).toBe(0);
    expect(await s.worker().deliverDue()).toMatchObject({ delivered: 2, retrying: 0, failed: 0 });
    expect(s.receiver.requests).toHaveLength(2);
    for (const r of s.receiver.requests) {
      expect(s.verified(r)).toBe(true);
      expect(r.timestamp).toBe(String(T0 / 1000));
      const body = JSON.parse(r.body) as WebhookEvent<'survey.responded'>;
      expect(body).toMatchObject({ type: 'survey.responded', id: r.id, createdAt: new Date(T0).toISOString(), workspaceId: 1 });
      expect(body.data.flowId).toBe('nps');
    }
    expect(new Set(s.receiver.requests.map((r) => r.id)).size).toBe(2);
    expect((await s.log()).map((d) => [d.status, d.attempts, d.lastStatusCode, d.deliveredAt])).toEqual([
      ['delivered', 1, 200, new Date(T0).toISOString()],
      ['delivered', 1, 200, new Date(T0).toISOString()],
    ]);
    await s.worker().deliverDue();
    expect(s.receiver.requests).toHaveLength(2);
  });

  it('retries after 500s with exponential backoff, same id and body, a fresh timestamp each time', async () => {
    const s = await setup({ answer: (_r, i) => (i < 2 ? 500 : 204) });
    await s.enqueue(1);
    await s.worker().deliverDue();
    let [entry] = await s.log();
    // random = 0: half the nominal delay, 30 s · 2^(n−1) / 2.
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500: receiver says no', nextAttemptAt: new Date(T0 + 15_000).toISOString() });
    s.advance(14_999);
    await s.worker().deliverDue();
    expect(s.receiver.requests).toHaveLength(1);
    s.advance(1);
    await s.worker().deliverDue();
    [entry] = await s.log();
    expect(entry).toMatchObject({ attempts: 2, nextAttemptAt: new Date(T0 + 15_000 + 30_000).toISOString() });
    s.advance(30_000);
    await s.worker().deliverDue();
    [entry] = await s.log();
    expect(entry).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 204, lastError: null, nextAttemptAt: null });
    const [first, second, third] = s.receiver.requests;
    expect(new Set([first?.id, second?.id, third?.id]).size).toBe(1);
    expect(new Set([first?.body, second?.body, third?.body]).size).toBe(1);
    expect([first, second, third].map((r) => Number(r?.timestamp) - T0 / 1000)).toEqual([0, 15, 45]);
    expect(s.receiver.requests.every(s.verified)).toBe(true);
  });

  it('gives up on a request after the timeout and retries it later', async () => {
    const s = await setup({ answer: (_r, i) => (i === 0 ? 'hang' : 200), timeoutMs: 150 });
    await s.enqueue(1);
    expect(await s.worker().deliverDue()).toMatchObject({ retrying: 1 });
    expect((await s.log())[0]).toMatchObject({ status: 'pending', lastStatusCode: null, lastError: 'timed out after 150 ms' });
    s.advance(15_000);
    expect(await s.worker().deliverDue()).toMatchObject({ delivered: 1 });
  });

  it('marks a delivery failed after the last attempt (network errors included)', async () => {
    const closed = await startReceiver();
    await closed.close();
    const s = await setup({ url: closed.url, maxAttempts: 3 });
    await s.enqueue(1);
    for (let i = 0; i < 3; i += 1) {
      await s.worker().deliverDue();
      s.advance(60 * 60_000);
    }
    const [entry] = await s.log();
    expect(entry).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: null, lastError: 'ECONNREFUSED', nextAttemptAt: null });
    await s.worker().deliverDue();
    expect((await s.log())[0]?.attempts).toBe(3);
  });

  it('never sends a delivery leased to another process; takes it over once the lease expires', async () => {
    const s = await setup({ timeoutMs: 1000 });
    await s.enqueue(1);
    // Server A claims it and dies before answering.
    const [claimed] = await s.queue.claim('server-a', { limit: 10, leaseMs: 31_000, maxAttempts: 5 });
    expect(claimed).toBeDefined();
    expect(await s.worker('server-b').deliverDue()).toMatchObject({ delivered: 0 });
    s.advance(30_999);
    await s.worker('server-b').deliverDue();
    expect(s.receiver.requests).toHaveLength(0);
    s.advance(1);
    expect(await s.worker('server-b').deliverDue()).toMatchObject({ delivered: 1 });
    expect((await s.log())[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    // A's late answer finds the row no longer its own and changes nothing.
    await s.queue.retryAt(claimed!.id, 'server-a', { statusCode: 500, error: 'late' }, T0);
    expect((await s.log())[0]).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
  });

  it('fails a delivery whose last attempt was claimed by a process that died', async () => {
    const s = await setup({ maxAttempts: 1 });
    await s.enqueue(1);
    await s.queue.claim('server-a', { limit: 10, leaseMs: 5_000, maxAttempts: 1 });
    s.advance(5_000);
    expect(await s.worker('server-b').deliverDue()).toMatchObject({ failed: 1 });
    expect((await s.log())[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(s.receiver.requests).toHaveLength(0);
  });

  it('hands an in-flight delivery back when stopping, without counting the attempt', async () => {
    const s = await setup({ answer: () => 'hang', timeoutMs: 5_000 });
    await s.enqueue(1);
    const stop = new AbortController();
    const run = s.worker().deliverDue(stop.signal);
    while (s.receiver.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    stop.abort();
    expect(await run).toMatchObject({ released: 1 });
    expect((await s.log())[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await s.t.rows('SELECT lease_owner FROM webhook_deliveries')).toEqual([{ lease_owner: null }]);
  });

  it('prunes finished deliveries older than the cutoff, never pending ones', async () => {
    const s = await setup();
    await s.enqueue(1, 2);
    await s.worker().deliverDue();
    await s.enqueue(3);
    s.advance(1);
    expect(await s.queue.prune(T0)).toBe(0);
    expect(await s.queue.prune(T0 + 1)).toBe(2);
    expect((await s.log()).map((d) => [d.eventKey, d.status])).toEqual([['survey.responded:3', 'pending']]);
  });

  it('holds deliveries of an inactive endpoint until it is active again', async () => {
    const s = await setup();
    await s.enqueue(1);
    await s.t.db.execute({ sql: 'UPDATE webhooks SET active = 0 WHERE id = ?', args: [s.hook.id] });
    await s.worker().deliverDue();
    expect(s.receiver.requests).toHaveLength(0);
    await s.t.db.execute({ sql: 'UPDATE webhooks SET active = 1 WHERE id = ?', args: [s.hook.id] });
    expect(await s.worker().deliverDue()).toMatchObject({ delivered: 1 });
  });
});
