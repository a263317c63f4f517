import { describe, expect, it } from 'vitest';
import { createTestApp, WRITE_KEY } from '../testing/test-app';

describe('web routes', () => {
  it('answers /healthz', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it.each(['/demo', '/demo/projects/p-1', '/demo/settings'])('serves the demo SPA at %s with the write key filled in', async (path) => {
    const t = await createTestApp();
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain(`data-write-key="${WRITE_KEY}"`);
    expect(html).not.toContain('{{writeKey}}');
  });

  it('serves demo assets with their content types, and nothing outside the folder', async () => {
    const t = await createTestApp();
    const js = await t.app.request('/demo/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await t.app.request('/demo/assets/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await t.app.request('/demo/assets/..%2Findex.html')).status).toBe(404);
    expect((await t.app.request('/demo/assets/nope.js')).status).toBe(404);
  });

  it('says the SDK is not built instead of serving nothing', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/sdk.js');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ error: { message: /not built/ } });
  });
});
