import { describe, expect, it } from 'vitest';
import { userHash } from '../auth/identity';
import { createFlow } from '../testing/flows';
import { bodyOf, createTestApp, WRITE_KEY } from '../testing/test-app';
import type { Bootstrap } from './bootstrap';

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;

async function setup(flows: ReturnType<typeof createFlow>[]) {
  const t = await createTestApp({ now: () => NOW });
  for (const f of flows) {
    await t.admin('POST', '/v1/flows', f);
    await t.admin('POST', `/v1/flows/${f.id}/publish`);
  }
  const boot = async (query: string): Promise<Bootstrap> => {
    const res = await t.app.request(`/v1/sdk/bootstrap?writeKey=${WRITE_KEY}&${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Bootstrap;
  };
  const onward = (event: string, userId: string, flowId: string, extra: Record<string, unknown> = {}, at = NOW - DAY) =>
    t.post('/v1/track', { userId, event, timestamp: at, properties: { flowId, flowVersion: 1, stepIndex: 0, ...extra } });
  return { t, boot, onward };
}

describe('GET /v1/sdk/bootstrap', () => {
  it('delivers only the flows whose audience the user is in, by priority, with no audience or traits', async () => {
    const { t, boot } = await setup([
      createFlow({ id: 'pro-only', priority: 1, audience: { all: [{ trait: 'plan', op: 'eq', value: 'pro' }] } }),
      createFlow({ id: 'free-only', audience: { trait: 'plan', op: 'eq', value: 'free' } }),
      createFlow({ id: 'ka-accounts', priority: 5, audience: { account: 'tier', op: 'in', value: ['KA'] } }),
    ]);
    await t.post('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'u1', traits: { plan: 'pro', email: 'secret@example.com' }, timestamp: NOW - DAY },
        { type: 'group', userId: 'u1', groupId: 'acc', traits: { tier: 'KA' }, timestamp: NOW - DAY },
      ],
    });
    const body = await boot('userId=u1');
    expect(body.flows.map((f) => f.id)).toEqual(['ka-accounts', 'pro-only']);
    expect(JSON.stringify(body)).not.toContain('secret@example.com');
    expect(body.flows[0]).not.toHaveProperty('audience');
  });

  it('says why each other flow is out in debug mode', async () => {
    const { boot } = await setup([createFlow({ id: 'pro-only', audience: { all: [{ trait: 'plan', op: 'eq', value: 'pro' }] } })]);
    const body = await boot('anonymousId=a1&debug=1');
    expect(body.excluded).toEqual([{ flowId: 'pro-only', reason: 'audience: all.0 {"trait":"plan","op":"eq","value":"pro"}' }]);
  });

  it('returns progress so a flow resumes at its step, and honours frequency once', async () => {
    const { boot, onward } = await setup([createFlow({ id: 'tour' })]);
    await onward('Onward Flow Started', 'u1', 'tour');
    await onward('Onward Step Viewed', 'u1', 'tour', { stepIndex: 2 }, NOW - DAY + 1000);
    expect((await boot('userId=u1')).flows[0]!.progress).toMatchObject({ status: 'started', stepIndex: 2, version: 1 });
    await onward('Onward Flow Completed', 'u1', 'tour', { stepIndex: 2 }, NOW - DAY + 2000);
    const done = await boot('userId=u1&debug=1');
    expect(done.flows).toEqual([]);
    expect(done.excluded?.[0]?.reason).toBe('frequency once: already completed');
  });

  it('shows until_completed flows again after a dismissal, and everyDays flows after the interval', async () => {
    const { boot, onward } = await setup([
      createFlow({ id: 'again', frequency: 'until_completed' }),
      createFlow({ id: 'weekly', frequency: { everyDays: 7 } }),
    ]);
    await onward('Onward Flow Dismissed', 'u1', 'again');
    await onward('Onward Flow Dismissed', 'u1', 'weekly', {}, NOW - 3 * DAY);
    await onward('Onward Flow Dismissed', 'u2', 'weekly', {}, NOW - 8 * DAY);
    expect((await boot('userId=u1')).flows.map((f) => f.id)).toEqual(['again']);
    expect((await boot('userId=u2')).flows.map((f) => f.id)).toEqual(['again', 'weekly']);
  });

  it('carries progress made before sign-in (under the anonymous id) over to the user', async () => {
    const { t, boot } = await setup([createFlow({ id: 'tour' })]);
    await t.post('/v1/track', {
      anonymousId: 'anon-1', event: 'Onward Step Viewed', timestamp: NOW - DAY,
      properties: { flowId: 'tour', flowVersion: 1, stepIndex: 1 },
    });
    expect((await boot('userId=u1&anonymousId=anon-1')).flows[0]!.progress).toMatchObject({ stepIndex: 1 });
    expect((await boot('userId=u1')).flows[0]!.progress).toBeNull();
  });

  it('keeps a user who is part-way through on the version they started', async () => {
    const { t, boot, onward } = await setup([createFlow({ id: 'tour' })]);
    await onward('Onward Flow Started', 'u1', 'tour');
    await t.admin('PUT', '/v1/flows/tour', createFlow({ id: 'tour', name: 'Tour v2' }));
    await t.admin('POST', '/v1/flows/tour/publish');
    expect((await boot('userId=u1')).flows[0]).toMatchObject({ version: 1, name: 'Welcome tour' });
    expect((await boot('userId=u2')).flows[0]).toMatchObject({ version: 2, name: 'Tour v2' });
  });

  it('holds out a deterministic share of users', async () => {
    const { boot } = await setup([createFlow({ id: 'tour', holdout: 0.3 })]);
    const held = [];
    for (let i = 0; i < 200; i += 1) held.push((await boot(`userId=user-${i}`)).flows[0]!.heldOut);
    const again = (await boot('userId=user-7')).flows[0]!.heldOut;
    expect(again).toBe(held[7]);
    const share = held.filter(Boolean).length / held.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  it('reports days inactive for the return-after-dormancy trigger', async () => {
    const { t, boot } = await setup([]);
    await t.post('/v1/track', { userId: 'u1', event: 'X', timestamp: NOW - 20 * DAY });
    expect((await boot('userId=u1')).user).toEqual({ verified: true, daysInactive: 20, dormantAfterDays: 14 });
  });
});

describe('identity verification', () => {
  it('gives unverified identities no flows and rejects their identify calls', async () => {
    const { t, boot } = await setup([createFlow({ id: 'tour' })]);
    const settings = await bodyOf<Record<string, unknown>>(await t.admin('GET', '/v1/settings'));
    await t.admin('PUT', '/v1/settings', { ...settings, identityVerification: true });
    const [workspace] = await t.rows('SELECT identity_secret FROM workspaces');
    const hash = userHash(String(workspace!.identity_secret), 'u1');

    expect((await boot('userId=u1')).flows).toEqual([]);
    expect((await boot('userId=u1&userHash=' + '0'.repeat(64))).user.verified).toBe(false);
    expect((await boot(`userId=u1&userHash=${hash}`)).flows).toHaveLength(1);

    const withKey = await t.post('/v1/batch', {
      writeKey: WRITE_KEY,
      batch: [
        { type: 'identify', userId: 'u1', traits: { plan: 'pro' } },
        { type: 'identify', userId: 'u1', traits: { plan: 'pro' }, context: { userHash: hash } },
      ],
    }, { authorization: '' });
    const body = await bodyOf<{ accepted: number; rejected: unknown[] }>(withKey);
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([{ index: 0, error: expect.stringMatching(/^context.userHash: identity verification is on/) }]);
  });
});
