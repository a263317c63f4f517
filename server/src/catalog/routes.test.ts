import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';

describe('GET /v1/events/names', () => {
  it('lists track events by frequency with first and last times, de-duplicated', async () => {
    const t = await createTestApp();
    const batch = [
      { type: 'track', userId: 'u1', event: 'Report Created', timestamp: '2026-01-02T00:00:00Z', messageId: 'a' },
      { type: 'track', userId: 'u2', event: 'Report Created', timestamp: '2026-01-01T00:00:00Z', messageId: 'b' },
      { type: 'track', userId: 'u1', event: 'Project Created', timestamp: '2026-01-03T00:00:00Z', messageId: 'c' },
      { type: 'page', userId: 'u1', name: 'Home', timestamp: '2026-01-03T00:00:00Z', messageId: 'd' },
    ];
    await t.post('/v1/batch', { batch });
    await t.post('/v1/batch', { batch }); // replayed: counted once
    const body = await bodyOf<{ events: unknown[] }>(await t.admin('GET', '/v1/events/names'));
    expect(body.events).toEqual([
      { event: 'Report Created', count: 2, firstAt: '2026-01-01T00:00:00.000Z', lastAt: '2026-01-02T00:00:00.000Z' },
      { event: 'Project Created', count: 1, firstAt: '2026-01-03T00:00:00.000Z', lastAt: '2026-01-03T00:00:00.000Z' },
    ]);
    const filtered = await bodyOf<{ events: { event: string }[] }>(await t.admin('GET', '/v1/events/names?q=proj'));
    expect(filtered.events.map((e) => e.event)).toEqual(['Project Created']);
    expect((await t.admin('GET', '/v1/events/names?limit=0')).status).toBe(400);
    expect((await t.app.request('/v1/events/names')).status).toBe(401);
  });
});
