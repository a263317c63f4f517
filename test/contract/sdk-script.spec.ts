// GET /sdk.js: the script-tag bundle, cacheable and revalidated by ETag (CONTRACT.md §2 and Pages).
import { send } from '../support/http';
import { expect, test } from '../support/server';

test.describe('/sdk.js', () => {
  test('is served with an ETag and Cache-Control, and revalidates to 304', async ({ server }) => {
    const first = await send(`${server.url}/sdk.js`, { method: 'GET' });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/javascript/);
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(first.text.length).toBeGreaterThan(1_000);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();

    const second = await send(`${server.url}/sdk.js`, {
      method: 'GET',
      headers: { 'If-None-Match': etag! },
    });
    expect(second.status).toBe(304);
    expect(second.text).toBe('');
    expect(second.headers.get('etag')).toBe(etag);

    const stale = await send(`${server.url}/sdk.js`, {
      method: 'GET',
      headers: { 'If-None-Match': '"other"' },
    });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(first.text);
  });
});
