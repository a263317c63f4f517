import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp } from '../testing/test-app';

const json = { 'content-type': 'application/json' };
const signInRequest = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { ...json, ...headers },
});
type SessionBody = { member: { email: string; role: string }; workspace: { id: number; name: string; writeKey: string }; csrfToken: string };

describe('POST /v1/session (sign-in)', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers the member, workspace and CSRF token', async () => {
    const t = await createTestApp();
    const { email, password } = await t.signIn({ email: 'Ada@Example.com' });
    const res = await t.app.request('/v1/session', signInRequest({ email: ' ada@EXAMPLE.com ', password }));
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^onward_session=[\w-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=1209600/);
    expect(cookie).not.toMatch(/Secure/);
    const body = await bodyOf<SessionBody>(res);
    expect(body.member).toMatchObject({ email: email.toLowerCase(), role: 'owner' });
    expect(body.workspace).toEqual({ id: 1, name: 'Default', writeKey: 'pk_test_write' });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(body)).not.toMatch(/sk_test_secret|scrypt/);
    // Only the token's SHA-256 is stored.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await t.rows('SELECT token_hash FROM sessions');
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(String(r.token_hash)))).toBe(true);
  });

  it.each([
    ['https behind a proxy', { 'x-forwarded-proto': 'https' }, 'http://localhost/v1/session'],
    ['https directly', {}, 'https://localhost/v1/session'],
  ])('marks the cookie Secure over %s', async (_, headers, url) => {
    const t = await createTestApp();
    const { email, password } = await t.signIn();
    const res = await t.app.request(url, signInRequest({ email, password }, headers));
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('answers the same generic 401 for an unknown email and a wrong password', async () => {
    const t = await createTestApp();
    const { email } = await t.signIn();
    const wrong = await t.app.request('/v1/session', signInRequest({ email, password: 'not the password' }));
    const unknown = await t.app.request('/v1/session', signInRequest({ email: 'nobody@example.com', password: 'whatever12' }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers 400 for a malformed body', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/v1/session', signInRequest({ email: 'a@b.c' }));
    expect(res.status).toBe(400);
  });

  it('answers 429 after 10 failures for an email from one address in 15 minutes, even with the right password', async () => {
    let now = Date.UTC(2025, 0, 1);
    const t = await createTestApp({ now: () => now });
    const { email, password } = await t.signIn();
    for (let i = 0; i < 10; i++) {
      expect((await t.app.request('/v1/session', signInRequest({ email, password: `wrong-${i}` }))).status).toBe(401);
    }
    const blocked = await t.app.request('/v1/session', signInRequest({ email, password }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another email is not affected.
    const other = await t.signIn({ email: 'other@example.com' });
    expect(other.csrfToken).toBeTruthy();
    now += 15 * 60_000 + 1000;
    expect((await t.app.request('/v1/session', signInRequest({ email, password }))).status).toBe(200);
  });
});

describe('GET and DELETE /v1/session', () => {
  it('answers the session with the cookie, 401 without', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    const res = await s.request('GET', '/v1/session');
    expect(res.status).toBe(200);
    expect(await bodyOf<SessionBody>(res)).toMatchObject({ member: { email: s.email }, csrfToken: s.csrfToken });
    expect((await t.app.request('/v1/session')).status).toBe(401);
    const stale = await t.app.request('/v1/session', { headers: { cookie: 'onward_session=forged' } });
    expect(stale.status).toBe(401);
    expect(stale.headers.get('set-cookie')).toMatch(/onward_session=; Max-Age=0/);
  });

  it('signs out: the cookie is cleared and no longer works anywhere', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    const out = await s.request('DELETE', '/v1/session');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/onward_session=;.*Max-Age=0/);
    expect((await s.request('GET', '/v1/session')).status).toBe(401);
    expect((await s.request('GET', '/v1/flows')).status).toBe(401);
    expect(await t.rows('SELECT * FROM sessions')).toEqual([]);
  });

  it('needs the CSRF token to sign out', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    expect((await s.request('DELETE', '/v1/session', undefined, { 'x-csrf-token': '' })).status).toBe(403);
    expect((await s.request('GET', '/v1/session')).status).toBe(200);
  });

  it('slides the expiry: a session used within 14 days lives on, an idle one ends', async () => {
    let now = Date.UTC(2025, 0, 1);
    const t = await createTestApp({ now: () => now });
    const s = await t.signIn();
    now += 13 * 86_400_000;
    const used = await s.request('GET', '/v1/session');
    expect(used.status).toBe(200);
    expect(used.headers.get('set-cookie')).toMatch(/Max-Age=1209600/);
    now += 13 * 86_400_000;
    expect((await s.request('GET', '/v1/session')).status).toBe(200);
    now += 14 * 86_400_000 + 1;
    expect((await s.request('GET', '/v1/session')).status).toBe(401);
  });
});

describe('PUT /v1/session/password', () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const t = await createTestApp();
    const a = await t.signIn({ email: 'pat@example.com' });
    const b = await t.signIn({ email: 'pat@example.com' });
    const res = await a.request('PUT', '/v1/session/password', { current: a.password, next: 'a much better passphrase' });
    expect(res.status).toBe(204);
    expect((await a.request('GET', '/v1/session')).status).toBe(200);
    expect((await b.request('GET', '/v1/session')).status).toBe(401);
    const old = await t.app.request('/v1/session', signInRequest({ email: a.email, password: a.password }));
    expect(old.status).toBe(401);
    const fresh = await t.app.request('/v1/session', signInRequest({ email: a.email, password: 'a much better passphrase' }));
    expect(fresh.status).toBe(200);
  });

  it('refuses a wrong current password (naming the field) and a short new one', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    const wrong = await s.request('PUT', '/v1/session/password', { current: 'nope nope nope', next: 'long enough password' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { issues: [{ path: 'current' }] } });
    const short = await s.request('PUT', '/v1/session/password', { current: s.password, next: 'short' });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ error: { issues: [{ path: 'next' }] } });
  });

  it('is for signed-in members only', async () => {
    const t = await createTestApp();
    const res = await t.admin('PUT', '/v1/session/password', { current: 'x', next: 'long enough password' });
    expect(res.status).toBe(401);
  });
});
