import { afterEach, describe, expect, it } from 'vitest';
import type { AccountDetail } from '../../api/types';
import { fakeFetch, mount, settleUntil } from '../../testing/render';
import { AccountPage } from './account-page';

const session = { member: { id: 'm1', email: 'a@b.c', name: 'A', role: 'owner', createdAt: '' }, workspace: { id: 1, name: 'W', writeKey: 'pk' }, csrfToken: 'x', expiresAt: '' };
const detail: AccountDetail = {
  asOf: '2026-03-20T10:00:00.000Z',
  id: 'acme',
  name: 'Acme',
  segment: 'SMB',
  health: 72,
  stage: 'steady',
  activeUsers: 2,
  seats: null,
  expansion: false,
  mrr: 900,
  risk: [],
  traits: { name: 'Acme' },
  components: [{ name: 'recentActivity', value: 0.5, weight: 0.25, effectiveWeight: 1, explanation: '2 of 3 users active in 30 days' }],
  results: { users: 3, usersOnboarded: 2, activated: 2, mature: 3, activationRate: 2 / 3, medianTtvMs: 3_600_000, nps: null, respondents: 0 },
  users: [
    { id: 'u1', lastSeen: '2026-03-19T10:00:00.000Z', activated: true, dormant: false },
    { id: 'u2', lastSeen: '2026-03-18T10:00:00.000Z', activated: true, dormant: false },
    { id: 'u3', lastSeen: null, activated: false, dormant: false },
  ],
  usersTruncated: false,
};

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('account page', () => {
  it('without a seats trait, shows active users out of its user count (not of the member list)', async () => {
    const { fetch } = fakeFetch({ 'GET /v1/session': () => ({ body: session }), 'GET /v1/accounts/acme': () => ({ body: detail }) });
    const mounted = await mount(<AccountPage id="acme" />, { fetch });
    unmount = mounted.unmount;
    await settleUntil(() => mounted.container.querySelector('h1')?.textContent === 'Acme');
    expect(mounted.container.textContent).toContain('2 / 3');
    expect(mounted.container.textContent).not.toContain('NaN');
  });
});
