import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';

describe('settings API', () => {
  it('answers the defaults with the read-only identity secret', async () => {
    const t = await createTestApp();
    const body = await bodyOf<Record<string, unknown>>(await t.admin('GET', '/v1/settings'));
    expect(body).toMatchObject({
      valueEvent: null,
      activation: { events: [], windowDays: 7 },
      dormantAfterDays: 14,
      segments: [],
      identityVerification: false,
      throttleHours: 0,
    });
    expect(body.identitySecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replaces the settings, ignoring the identity secret sent back', async () => {
    const t = await createTestApp();
    const put = await t.admin('PUT', '/v1/settings', {
      valueEvent: 'Report Created',
      segments: [{ name: 'Key accounts', when: { account: 'tier', op: 'in', value: ['KA'] } }, { name: 'Long tail' }],
      identitySecret: 'not-mine',
    });
    expect(put.status).toBe(200);
    // A new value event calls for a rebuild of the derived user columns: with no users yet, it is done.
    expect(await bodyOf(put)).toMatchObject({ rebuild: { running: false, total: 0, reason: expect.stringContaining('value event') } });
    const body = await bodyOf<Record<string, unknown>>(await t.admin('GET', '/v1/settings'));
    expect(body).toMatchObject({ valueEvent: 'Report Created', dormantAfterDays: 14 });
    expect(body.identitySecret).not.toBe('not-mine');
  });

  it('answers 400 naming the field', async () => {
    const t = await createTestApp();
    const res = await t.admin('PUT', '/v1/settings', { dormantAfterDays: -1, segments: [{ when: {} }] });
    expect(res.status).toBe(400);
    const { error } = await bodyOf<{ error: { issues: { path: string }[] } }>(res);
    expect(error.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['dormantAfterDays', 'segments.0.name']));
  });
});
