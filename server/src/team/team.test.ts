import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';

type InvitationAnswer = { invitation: { id: string; email: string; role: string; expiresAt: string; url: string } };
const accept = (t: Awaited<ReturnType<typeof createTestApp>>, url: string, body: unknown = { name: 'Grace', password: 'a long enough password' }) =>
  t.app.request(`/v1/invitations/${url.split('/').pop()}/accept`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('team and invitations', () => {
  it('invites, and the invitee accepts once: a member with a session, listed in the team', async () => {
    const now = Date.UTC(2025, 0, 1);
    const t = await createTestApp({ now: () => now });
    const owner = await t.signIn({ email: 'owner@example.com' });
    const res = await owner.request('POST', '/v1/team/invitations', { email: 'Grace@Example.com', role: 'admin' });
    expect(res.status).toBe(201);
    const { invitation } = await bodyOf<InvitationAnswer>(res);
    expect(invitation).toMatchObject({ email: 'grace@example.com', role: 'admin', expiresAt: new Date(now + 7 * 86_400_000).toISOString() });
    expect(invitation.url).toMatch(/^\/#\/accept\/[\w-]{43}$/);
    const stored = await t.rows('SELECT token_hash FROM invitations');
    expect(stored[0]?.token_hash).not.toBe(invitation.url.split('/').pop());

    const pending = await bodyOf<{ members: unknown[]; invitations: { email: string }[] }>(await owner.request('GET', '/v1/team'));
    expect(pending.members).toHaveLength(1);
    expect(pending.invitations.map((i) => i.email)).toEqual(['grace@example.com']);

    const accepted = await accept(t, invitation.url);
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get('set-cookie')).toMatch(/^onward_session=.*HttpOnly/);
    expect(await accepted.json()).toMatchObject({ member: { email: 'grace@example.com', name: 'Grace', role: 'admin' }, csrfToken: expect.any(String) });

    const again = await accept(t, invitation.url, { name: 'Mallory', password: 'another long password' });
    expect(again.status).toBe(410);
    const team = await bodyOf<{ members: { email: string }[]; invitations: unknown[] }>(await owner.request('GET', '/v1/team'));
    expect(team.members.map((m) => m.email)).toEqual(['owner@example.com', 'grace@example.com']);
    expect(team.invitations).toEqual([]);
  });

  it('answers 410 for an expired invitation and 404 for an unknown one', async () => {
    let now = Date.UTC(2025, 0, 1);
    const t = await createTestApp({ now: () => now });
    const { invitation } = await bodyOf<InvitationAnswer>(await t.admin('POST', '/v1/team/invitations', { email: 'late@example.com' }));
    now += 7 * 86_400_000 + 1;
    expect((await accept(t, invitation.url)).status).toBe(410);
    expect((await accept(t, '/#/accept/not-a-token')).status).toBe(404);
    expect(await t.rows("SELECT * FROM members WHERE email = 'late@example.com'")).toEqual([]);
  });

  it('asks for a password of at least 10 characters', async () => {
    const t = await createTestApp();
    const { invitation } = await bodyOf<InvitationAnswer>(await t.admin('POST', '/v1/team/invitations', { email: 'x@example.com' }));
    const res = await accept(t, invitation.url, { name: 'X', password: 'short' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { issues: [{ path: 'password' }] } });
    expect((await accept(t, invitation.url)).status).toBe(201);
  });

  it('lets owners and admins invite; members cannot, and only owners invite owners', async () => {
    const t = await createTestApp();
    const admin = await t.signIn({ role: 'admin' });
    const member = await t.signIn({ role: 'member' });
    expect((await member.request('POST', '/v1/team/invitations', { email: 'a@example.com' })).status).toBe(403);
    expect((await member.request('GET', '/v1/team')).status).toBe(200);
    expect((await admin.request('POST', '/v1/team/invitations', { email: 'a@example.com', role: 'owner' })).status).toBe(403);
    expect((await admin.request('POST', '/v1/team/invitations', { email: 'a@example.com', role: 'admin' })).status).toBe(201);
    expect((await admin.request('POST', '/v1/team/invitations', { email: member.email })).status).toBe(409);
    expect((await admin.request('POST', '/v1/team/invitations', { email: 'not an email' })).status).toBe(400);
    expect((await t.admin('POST', '/v1/team/invitations', { email: 'b@example.com', role: 'owner' })).status).toBe(201);
  });

  it('revokes a pending invitation', async () => {
    const t = await createTestApp();
    const { invitation } = await bodyOf<InvitationAnswer>(await t.admin('POST', '/v1/team/invitations', { email: 'r@example.com' }));
    expect((await t.admin('DELETE', `/v1/team/invitations/${invitation.id}`)).status).toBe(204);
    expect((await t.admin('DELETE', `/v1/team/invitations/${invitation.id}`)).status).toBe(404);
    expect((await accept(t, invitation.url)).status).toBe(404);
  });

  it('removes members and signs them out, but never the last owner', async () => {
    const t = await createTestApp();
    const owner = await t.signIn({ email: 'owner@example.com' });
    const admin = await t.signIn({ role: 'admin' });
    const member = await t.signIn({ role: 'member' });
    expect((await member.request('DELETE', `/v1/team/members/${admin.member.id}`)).status).toBe(403);
    expect((await admin.request('DELETE', `/v1/team/members/${owner.member.id}`)).status).toBe(403);
    expect((await admin.request('DELETE', `/v1/team/members/${member.member.id}`)).status).toBe(204);
    expect((await member.request('GET', '/v1/session')).status).toBe(401);
    const last = await owner.request('DELETE', `/v1/team/members/${owner.member.id}`);
    expect(last.status).toBe(409);
    expect(await last.json()).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/last owner/) } });
    expect((await t.admin('DELETE', `/v1/team/members/${owner.member.id}`)).status).toBe(409);
    expect((await owner.request('DELETE', '/v1/team/members/mem_nobody')).status).toBe(404);
    // With a second owner, either may go.
    const second = await t.signIn({ role: 'owner' });
    expect((await second.request('DELETE', `/v1/team/members/${owner.member.id}`)).status).toBe(204);
  });
});
