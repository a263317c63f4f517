import { describe, expect, it } from 'vitest';
import { bodyOf, createTestApp, SECRET_KEY } from '../testing/test-app';

const flow = { name: 'Tour', kind: 'tour', steps: [{ id: 's1', type: 'modal', content: { en: { title: 'Hi', body: 'Welcome' } } }] };

describe('admin routes with a dashboard session', () => {
  it('read and write flows, settings, webhooks and metrics with the cookie and the CSRF token', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    const created = await s.request('POST', '/v1/flows', flow);
    expect(created.status).toBe(201);
    const { id } = await bodyOf<{ id: string }>(created);
    expect((await s.request('GET', `/v1/flows/${id}`)).status).toBe(200);
    expect((await s.request('POST', `/v1/flows/${id}/publish`)).status).toBe(200);
    expect((await s.request('PUT', '/v1/settings', { dormantAfterDays: 21 })).status).toBe(200);
    expect((await s.request('GET', '/v1/metrics/ttv')).status).toBe(200);
    expect((await s.request('GET', '/v1/accounts')).status).toBe(200);
    // Webhooks authenticate inside their own sub-app too; the outer session check is enough.
    expect((await s.request('GET', '/v1/webhooks')).status).toBe(200);
    expect((await s.request('DELETE', `/v1/flows/${id}`)).status).toBe(204);
  });

  it('refuses an unsafe request without the X-CSRF-Token, or with a wrong one', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    for (const token of ['', 'x'.repeat(43), `${s.csrfToken}x`]) {
      const res = await s.request('POST', '/v1/flows', flow, { 'x-csrf-token': token });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/^Missing or wrong X-CSRF-Token/) } });
    }
    const bare = await t.app.request('/v1/flows', { method: 'POST', body: JSON.stringify(flow), headers: { cookie: s.cookie } });
    expect(bare.status).toBe(403);
    expect(await t.rows('SELECT id FROM flows')).toEqual([]);
    // Safe methods need no token.
    expect((await t.app.request('/v1/flows', { headers: { cookie: s.cookie } })).status).toBe(200);
  });

  it("does not accept another session's CSRF token", async () => {
    const t = await createTestApp();
    const a = await t.signIn();
    const b = await t.signIn();
    expect((await a.request('POST', '/v1/flows', flow, { 'x-csrf-token': b.csrfToken })).status).toBe(403);
  });

  it('needs no CSRF token with the secret key, even when a cookie comes along', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    const res = await t.app.request('/v1/flows', {
      method: 'POST',
      body: JSON.stringify(flow),
      headers: { authorization: `Bearer ${SECRET_KEY}`, cookie: s.cookie, origin: 'https://elsewhere.example' },
    });
    expect(res.status).toBe(201);
  });

  it('refuses unsafe cookie requests from another origin, even with the token; same origin and a proxy host pass', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    const from = (origin: string, extra: Record<string, string> = {}) => s.request('PUT', '/v1/settings', {}, { origin, ...extra });
    const cross = await from('https://evil.example');
    expect(cross.status).toBe(403);
    expect(await cross.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/Cross-origin/) } });
    expect((await from('null')).status).toBe(403);
    expect((await from('http://localhost')).status).toBe(200);
    expect((await from('https://onward.example.com', { 'x-forwarded-host': 'onward.example.com' })).status).toBe(200);
  });

  it('refuses a sign-in posted from another origin (login CSRF)', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    const res = await t.app.request('/v1/session', {
      method: 'POST',
      body: JSON.stringify({ email: s.email, password: s.password }),
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('never lets another origin read an answer with credentials (no Access-Control-Allow-Credentials)', async () => {
    const t = await createTestApp();
    const s = await t.signIn();
    const preflight = await t.app.request('/v1/flows', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-csrf-token' },
    });
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers') ?? '').not.toMatch(/x-csrf-token/i);
    for (const path of ['/v1/session', '/v1/flows']) {
      const res = await t.app.request(path, { headers: { cookie: s.cookie, origin: 'https://evil.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('keeps the SDK routes open to any origin', async () => {
    const t = await createTestApp();
    const res = await t.post('/v1/track', { userId: 'u1', event: 'Signed Up' }, { origin: 'https://vendor.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const boot = await t.app.request('/v1/sdk/bootstrap?writeKey=pk_test_write&userId=u1', { headers: { origin: 'https://vendor.example' } });
    expect(boot.status).toBe(200);
  });

  it('says how to authenticate when neither a key nor a session is sent', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/v1/flows', { headers: { cookie: 'theme=dark' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringMatching(/secret key.*sign in/) } });
  });
});
