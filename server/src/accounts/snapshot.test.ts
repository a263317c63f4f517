import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';
import { SNAPSHOT_MAX_AGE_MS } from './snapshot';

const group = (groupId: string, messageId: string) => ({ type: 'group', userId: `u-${groupId}`, groupId, traits: { seats: 2 }, messageId });
const ids = async (res: Response) => (await bodyOf<{ accounts: { id: string }[] }>(res)).accounts.map((a) => a.id).sort();

describe('account score snapshots', () => {
  it('serve listings until they age out or the settings change; asOf scores live', async () => {
    let clock = Date.UTC(2026, 0, 10);
    const t = await createTestApp({ now: () => clock });
    await t.post('/v1/batch', { batch: [group('a1', 'm1')] });
    const first = await t.admin('GET', '/v1/accounts');
    expect(await ids(first.clone())).toEqual(['a1']);
    const asOf = (await bodyOf<{ asOf: string }>(first)).asOf;

    await t.post('/v1/batch', { batch: [group('a2', 'm2')] });
    // The snapshot answers, and says when it was scored.
    const cached = await t.admin('GET', '/v1/accounts');
    expect(await ids(cached.clone())).toEqual(['a1']);
    expect((await bodyOf<{ asOf: string }>(cached)).asOf).toBe(asOf);
    // An explicit asOf is scored at that moment.
    expect(await ids(await t.admin('GET', `/v1/accounts?asOf=${clock + 1}`))).toEqual(['a1', 'a2']);
    // New segment rules make the snapshot unfit.
    await t.admin('PUT', '/v1/settings', { segments: [{ name: 'All' }] });
    expect(await ids(await t.admin('GET', '/v1/accounts'))).toEqual(['a1', 'a2']);

    await t.post('/v1/batch', { batch: [group('a3', 'm3')] });
    clock += SNAPSHOT_MAX_AGE_MS;
    expect(await ids(await t.admin('GET', '/v1/accounts'))).toEqual(['a1', 'a2', 'a3']);
  });
});
