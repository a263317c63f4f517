import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-dir';
import { createTestApp } from '../testing/test-app';

function fakeDist() {
  const dir = tempDir('onward-dashboard-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="app"></div><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("dashboard")');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

describe('serving the dashboard', () => {
  it('answers / with index.html, no-cache and a strict CSP; other paths are JSON 404s (routes live in the hash)', async () => {
    const t = await createTestApp({ dashboardDir: fakeDist() });
    for (const path of ['/flows', '/accept/abc', '/definitely/not/a/page']) {
      const other = await t.app.request(path);
      expect(other.status, path).toBe(404);
      expect(other.headers.get('content-type')).toMatch(/json/);
    }
    const res = await t.app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(await res.text()).toContain('<div id="app">');
  });

  it('serves hashed assets with immutable caching, and top-level files as they are', async () => {
    const t = await createTestApp({ dashboardDir: fakeDist() });
    const js = await t.app.request('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await t.app.request('/assets/missing-000.js')).status).toBe(404);
    expect((await t.app.request('/assets/..%2Findex.html')).status).toBe(404);
    expect((await t.app.request('/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await t.app.request('/missing.png')).status).toBe(404);
  });

  it('leaves the API, the SDK, the demo, health and the docs to their owners', async () => {
    const t = await createTestApp({ dashboardDir: fakeDist() });
    const api = await t.app.request('/v1/nope');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await t.app.request('/healthz')).headers.get('content-type')).toMatch(/json/);
    expect(await (await t.app.request('/demo')).text()).toContain('data-write-key');
    expect((await t.app.request('/sdk.js')).status).toBe(503);
    expect((await t.app.request('/openapi.json')).headers.get('content-type')).toMatch(/json/);
    expect(await (await t.app.request('/docs')).text()).toContain('Onward API reference');
  });

  it('says how to build the dashboard when dist is missing', async () => {
    for (const dashboardDir of [undefined, '/nonexistent/dist']) {
      const t = await createTestApp(dashboardDir === undefined ? {} : { dashboardDir });
      const res = await t.app.request('/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toMatch(/not built/);
      expect(html).toContain('build');
      expect((await t.app.request('/assets/index-abc123.js')).status).toBe(404);
    }
  });
});
