import { describe, expect, it } from 'vitest';
import { createTestApp, WRITE_KEY } from '../testing/test-app';

const track = (over: Record<string, unknown> = {}) => ({
  type: 'track',
  event: 'Report Created',
  userId: 'u1',
  ...over,
});

describe('POST /v1/batch', () => {
  it('stores the valid messages of a batch and rejects each invalid one with its index and reason', async () => {
    const t = await createTestApp();
    const res = await t.post('/v1/batch', {
      batch: [
        track({ messageId: 'ok-1' }),
        { event: 'No type', userId: 'u1', messageId: 'bad-type' },
        { type: 'launch', userId: 'u1' },
        track({ userId: undefined }),
        { type: 'track', userId: 'u1' },
        { type: 'group', userId: 'u1' },
        track({ timestamp: 'last tuesday' }),
        track({ properties: [1, 2] }),
        { type: 'identify', userId: 'u1', traits: 'pro' },
        track({ context: 5 }),
        { type: 'page', anonymousId: 'a1', messageId: 'ok-2' },
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; rejected: { index: number; messageId?: string; error: string }[] };
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(body.rejected[0]).toEqual({ index: 1, messageId: 'bad-type', error: 'type: is required' });
    expect(body.rejected[1]!.error).toMatch(/^type: must be one of track, identify/);
    expect(body.rejected[2]!.error).toBe('userId: needs a non-empty userId or anonymousId');
    expect(body.rejected[3]!.error).toBe('event: is required');
    expect(body.rejected[4]!.error).toBe('groupId: is required');
    expect(body.rejected[5]!.error).toMatch(/^timestamp: must be an ISO-8601/);
    expect(body.rejected[6]!.error).toBe('properties: must be an object');
    expect(body.rejected[7]!.error).toBe('traits: must be an object');
    expect(body.rejected[8]!.error).toBe('context: must be an object');
    expect(await t.rows('SELECT message_id FROM events ORDER BY id')).toEqual([
      { message_id: 'ok-1' },
      { message_id: 'ok-2' },
    ]);
  });

  it('accepts a repeated messageId once and counts the repeat as a duplicate', async () => {
    const t = await createTestApp();
    const first = await t.post('/v1/batch', { batch: [track({ messageId: 'm1' }), track({ messageId: 'm1' })] });
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    const again = await t.post('/v1/batch', { batch: [track({ messageId: 'm1' })] });
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect(await t.rows('SELECT count(*) AS n FROM events')).toEqual([{ n: 1 }]);
  });

  it('keeps historical timestamps, ISO-8601 or epoch ms, and defaults a missing one to now', async () => {
    const t = await createTestApp({ now: () => 1_700_000_000_000 });
    await t.post('/v1/batch', {
      batch: [
        track({ messageId: 'iso', timestamp: '2021-03-04T05:06:07.890Z' }),
        track({ messageId: 'ms', timestamp: 1_600_000_000_000 }),
        track({ messageId: 'none' }),
      ],
    });
    expect(await t.rows('SELECT message_id, timestamp FROM events ORDER BY id')).toEqual([
      { message_id: 'iso', timestamp: Date.parse('2021-03-04T05:06:07.890Z') },
      { message_id: 'ms', timestamp: 1_600_000_000_000 },
      { message_id: 'none', timestamp: 1_700_000_000_000 },
    ]);
  });

  it('reads JSON whatever the Content-Type, as analytics.js sends text/plain', async () => {
    const t = await createTestApp();
    const res = await t.post('/v1/batch', { batch: [track()] }, { 'content-type': 'text/plain' });
    expect(await res.json()).toMatchObject({ accepted: 1 });
  });

  it('answers 400 with the field when batch is not an array, and for bodies that are not JSON', async () => {
    const t = await createTestApp();
    const noBatch = await t.post('/v1/batch', { messages: [] });
    expect(noBatch.status).toBe(400);
    expect(await noBatch.json()).toMatchObject({ error: { code: 'invalid_request', issues: [{ path: 'batch' }] } });
    const notJson = await t.post('/v1/batch', '{"batch": [');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_request' } });
  });

  it('answers 413 over 500 KB, and rejects only the message over 32 KB inside a batch', async () => {
    const t = await createTestApp();
    const big = 'x'.repeat(33 * 1024);
    const huge = await t.post('/v1/batch', { batch: [track({ properties: { big: 'y'.repeat(501 * 1024) } })] });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const mixed = await t.post('/v1/batch', { batch: [track({ properties: { big } }), track()] });
    const body = (await mixed.json()) as { accepted: number; rejected: { index: number; error: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected).toHaveLength(1);
    expect(body.rejected[0]!.index).toBe(0);
    expect(body.rejected[0]!.error).toMatch(/limit is 32768 bytes/);
    const single = await t.post('/v1/track', track({ properties: { big } }));
    expect(single.status).toBe(413);
  });
});

describe('write keys', () => {
  it.each([
    ['Basic user name', { authorization: `Basic ${Buffer.from(`${WRITE_KEY}:`).toString('base64')}` }, {}],
    ['Bearer token', { authorization: `Bearer ${WRITE_KEY}` }, {}],
    ['writeKey in the body', { authorization: '' }, { writeKey: WRITE_KEY }],
  ])('accepts the key as a %s', async (_name, headers, extra) => {
    const t = await createTestApp();
    const res = await t.post('/v1/batch', { batch: [track()], ...extra }, headers);
    expect(res.status).toBe(200);
  });

  it('answers 401 for a missing or unknown key', async () => {
    const t = await createTestApp();
    const missing = await t.post('/v1/batch', { batch: [track()] }, { authorization: '' });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: 'unauthorized', message: /Missing write key/ } });
    const unknown = await t.post('/v1/batch', { batch: [track()] }, { authorization: 'Bearer pk_nope' });
    expect(unknown.status).toBe(401);
    expect(await t.rows('SELECT count(*) AS n FROM events')).toEqual([{ n: 0 }]);
  });

  it('answers 429 with Retry-After over the rate limit', async () => {
    let now = 1_000_000;
    const t = await createTestApp({ ingestRateLimit: 2, now: () => now });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await t.post('/v1/track', track())).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await t.post('/v1/track', track());
    expect(limited.headers.get('retry-after')).toBe('1');
    now += 1000;
    expect((await t.post('/v1/track', track())).status).toBe(200);
  });
});

describe('single-message endpoints', () => {
  it.each(['track', 'identify', 'group', 'page', 'screen', 'alias'])('POST /v1/%s stores one message of that type', async (type) => {
    const t = await createTestApp();
    const res = await t.post(`/v1/${type}`, {
      userId: 'u1',
      event: 'Clicked',
      groupId: 'acc-1',
      previousId: 'anon-1',
      messageId: `m-${type}`,
    });
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await t.rows('SELECT type FROM events')).toEqual([{ type }]);
  });
});

describe('errors and CORS', () => {
  it('answers unknown routes with the JSON envelope, never HTML', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /v1/nope' } });
  });

  it('lets browsers on any origin call ingestion', async () => {
    const t = await createTestApp();
    const res = await t.app.request('/v1/batch', {
      method: 'OPTIONS',
      headers: { origin: 'https://vendor.example', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type,Authorization');
    expect(res.headers.get('access-control-max-age')).toBe('86400');
  });

  it('lets browsers read every answer, errors included, and the Retry-After of a 429', async () => {
    const t = await createTestApp({ ingestRateLimit: 1, now: () => 0 });
    const origin = { origin: 'https://vendor.example' };
    const answers = [
      await t.post('/v1/batch', { batch: [track()] }, origin),
      await t.post('/v1/batch', { batch: [track()] }, origin),
      await t.post('/v1/batch', { batch: 'nope' }, origin),
      await t.app.request('/v1/batch', { method: 'POST', headers: { ...origin, authorization: 'Bearer pk_unknown' }, body: '{"batch":[]}' }),
      await t.app.request('/v1/nope', { headers: origin }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 429, 400, 401, 404]);
    for (const res of answers) expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(answers[1]!.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(answers[1]!.headers.get('retry-after')).not.toBeNull();
  });
});

describe('message shape', () => {
  it('rejects batch items that are not objects, and non-object traits on any type', async () => {
    const t = await createTestApp();
    const res = await t.post('/v1/batch', { batch: [null, 'text', ['track'], track({ traits: 'bad' }), track()] });
    const body = (await res.json()) as { accepted: number; rejected: { index: number; error: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected).toEqual([
      { index: 0, error: 'message: must be an object (one message)' },
      { index: 1, error: 'message: must be an object (one message)' },
      { index: 2, error: 'message: must be an object (one message)' },
      { index: 3, error: 'traits: must be an object' },
    ]);
  });
});
