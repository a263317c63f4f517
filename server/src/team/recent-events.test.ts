import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';

type Recent = { events: { id: number; type: string; event: string | null; userId: string | null; anonymousId: string | null; timestamp: string; receivedAt: string }[]; latest: number | null };

describe('GET /v1/events/recent (install check)', () => {
  it('answers the latest messages newest first, then only newer ones after `latest`', async () => {
    const t = await createTestApp();
    const empty = await bodyOf<Recent>(await t.admin('GET', '/v1/events/recent'));
    expect(empty).toEqual({ events: [], latest: null });

    await t.post('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'u1', traits: { plan: 'pro' }, timestamp: '2025-01-01T00:00:00Z' },
        { type: 'track', anonymousId: 'a1', event: 'Signed Up' },
        { type: 'page', userId: 'u1', name: 'Home' },
      ],
    });
    await t.writer.flush();
    const first = await bodyOf<Recent>(await t.admin('GET', '/v1/events/recent?limit=2'));
    expect(first.events.map((e) => e.type)).toEqual(['page', 'track']);
    expect(first.events[1]).toMatchObject({ event: 'Signed Up', userId: null, anonymousId: 'a1' });
    expect(first.latest).toBe(first.events[0]?.id);

    const none = await bodyOf<Recent>(await t.admin('GET', `/v1/events/recent?after=${first.latest}`));
    expect(none).toEqual({ events: [], latest: first.latest });
    await t.post('/v1/track', { userId: 'u2', event: 'Report Created' });
    await t.writer.flush();
    const next = await bodyOf<Recent>(await t.admin('GET', `/v1/events/recent?after=${first.latest}`));
    expect(next.events.map((e) => e.event)).toEqual(['Report Created']);
    expect(next.latest).toBeGreaterThan(first.latest ?? 0);
  });

  it('reads by the integer key from the end, never through an index walk and sort', async () => {
    const t = await createTestApp();
    const plan = await t.rows('EXPLAIN QUERY PLAN SELECT id FROM events WHERE id > ? AND +workspace_id = ? ORDER BY id DESC LIMIT ?', [0, 1, 20]);
    expect(plan.map((r) => String(r.detail)).join(' ')).toMatch(/USING INTEGER PRIMARY KEY/);
    expect(plan.map((r) => String(r.detail)).join(' ')).not.toMatch(/TEMP B-TREE/);
  });

  it('is an admin route and checks its query', async () => {
    const t = await createTestApp();
    expect((await t.app.request('/v1/events/recent')).status).toBe(401);
    expect((await t.admin('GET', '/v1/events/recent?limit=0')).status).toBe(400);
    const s = await t.signIn();
    expect((await s.request('GET', '/v1/events/recent')).status).toBe(200);
  });
});
