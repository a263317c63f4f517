import { describe, expect, it } from 'vitest';
import type { Webhook, WebhookDelivery } from '../contracts/webhooks';
import { bodyOf, createTestApp, WRITE_KEY } from '../testing/test-app';
import { deliveriesFor } from './fan-out';
import { createDeliveryQueue } from './queue';

const input = { url: 'https://crm.example.com/onward', events: ['user.dormant', 'survey.responded'] };

describe('webhooks admin API', () => {
  it('creates an endpoint with a signing secret, lists, reads, replaces and deletes it', async () => {
    const t = await createTestApp();
    const res = await t.admin('POST', '/v1/webhooks', { ...input, deepLink: { url: 'https://app.example.com/', flowId: 'welcome-back' } });
    expect(res.status).toBe(201);
    const created = await bodyOf<Webhook>(res);
    expect(created).toMatchObject({ ...input, active: true, description: '', deepLink: { url: 'https://app.example.com/', flowId: 'welcome-back' } });
    expect(created.id).toMatch(/^wh_[0-9a-f]{16}$/);
    expect(created.secret).toMatch(/^whsec_/);

    expect((await bodyOf<{ webhooks: Webhook[] }>(await t.admin('GET', '/v1/webhooks'))).webhooks.map((w) => w.id)).toEqual([created.id]);
    expect(await bodyOf<Webhook>(await t.admin('GET', `/v1/webhooks/${created.id}`))).toEqual(created);

    // A client PUTs back what it read: the read-only fields are ignored, the secret stays.
    const put = await t.admin('PUT', `/v1/webhooks/${created.id}`, { ...created, events: ['user.reactivated', 'user.reactivated'], active: false, secret: 'whsec_mine' });
    expect(put.status).toBe(200);
    expect(await bodyOf<Webhook>(put)).toMatchObject({ id: created.id, events: ['user.reactivated'], active: false, secret: created.secret });

    expect((await t.admin('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(204);
    expect((await t.admin('GET', `/v1/webhooks/${created.id}`)).status).toBe(404);
    expect((await t.admin('DELETE', `/v1/webhooks/${created.id}`)).status).toBe(404);
  });

  it.each([
    ['a non-http url', { ...input, url: 'ftp://example.com/x' }, 'url'],
    ['no url', { events: input.events }, 'url'],
    ['an unknown event type', { ...input, events: ['user.dormant', 'user.deleted'] }, 'events.1'],
    ['no events', { ...input, events: [] }, 'events'],
    ['a deep link without a flow', { ...input, deepLink: { url: 'https://app.example.com/' } }, 'deepLink.flowId'],
    ['an unknown field', { ...input, colour: 'red' }, ''],
    ['an id of its own', { ...input, id: 'wh_mine' }, 'id'],
  ])('answers 400 naming the field for %s', async (_name, body, path) => {
    const t = await createTestApp();
    const res = await t.admin('POST', '/v1/webhooks', body);
    expect(res.status).toBe(400);
    const { error } = await bodyOf<{ error: { code: string; issues: { path: string }[] } }>(res);
    expect(error.code).toBe('invalid_request');
    expect(error.issues.map((i) => i.path)).toContain(path);
  });

  it('answers 404 for unknown ids and 401/403 without the secret key', async () => {
    const t = await createTestApp();
    expect((await t.admin('GET', '/v1/webhooks/wh_nope')).status).toBe(404);
    expect((await t.admin('PUT', '/v1/webhooks/wh_nope', input)).status).toBe(404);
    expect((await t.admin('GET', '/v1/webhooks/wh_nope/deliveries')).status).toBe(404);
    expect((await t.app.request('/v1/webhooks')).status).toBe(401);
    expect((await t.app.request('/v1/webhooks', { headers: { authorization: `Bearer ${WRITE_KEY}` } })).status).toBe(403);
  });

  it('lists the delivery log newest first, with a limit', async () => {
    let clock = Date.UTC(2025, 0, 1);
    const t = await createTestApp({ now: () => clock });
    const hook = await bodyOf<Webhook>(await t.admin('POST', '/v1/webhooks', input));
    const queue = createDeliveryQueue(t.db, () => clock);
    for (const id of [1, 2, 3]) {
      const data = { responseId: id, userId: 'u1', accountId: null, flowId: null, score: 9, comment: null, respondedAt: new Date(clock).toISOString() };
      await queue.enqueue(deliveriesFor([{ id: hook.id, events: hook.events, deepLink: null }], [{ workspaceId: 1, key: `survey.responded:${id}`, type: 'survey.responded', createdAt: clock, data }]));
      clock += 1000;
    }
    const res = await t.admin('GET', `/v1/webhooks/${hook.id}/deliveries?limit=2`);
    const { deliveries } = await bodyOf<{ deliveries: WebhookDelivery[] }>(res);
    expect(deliveries.map((d) => d.eventKey)).toEqual(['survey.responded:3', 'survey.responded:2']);
    expect(deliveries[0]).toMatchObject({
      type: 'survey.responded', status: 'pending', attempts: 0, lastStatusCode: null, lastError: null, deliveredAt: null,
      nextAttemptAt: new Date(Date.UTC(2025, 0, 1) + 2000).toISOString(),
      event: { type: 'survey.responded', workspaceId: 1, data: { responseId: 3 } },
    });
    expect(deliveries[0]?.idempotencyKey).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(deliveries[0]?.idempotencyKey).toBe(deliveries[0]?.event.id);
    expect((await t.admin('GET', `/v1/webhooks/${hook.id}/deliveries?limit=0`)).status).toBe(400);
  });
});
