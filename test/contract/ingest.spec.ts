// CONTRACT.md §3 ingestion against the live server: auth styles, per-message rejects,
// de-duplication, historical timestamps, bodies and the error envelope, CORS.
import { createMessage, uniqueId, type WireMessage } from '../fixtures/messages';
import { send, type IngestAnswer } from '../support/http';
import { expectEnvelope, postBatch as ingest, rowsFor, withoutType } from '../support/ingest';
import { expect, test } from '../support/server';

test.describe('write keys', () => {
  test('are accepted as Basic user name, Bearer token and body writeKey', async ({ server }) => {
    const basic = createMessage({ event: 'Via Basic' });
    const bearer = createMessage({ event: 'Via Bearer' });
    const body = createMessage({ event: 'Via Body' });

    const answers = [
      await ingest(server, [basic], { style: 'basic', key: server.writeKey }),
      await ingest(server, [bearer], { style: 'bearer', key: server.writeKey }),
      await send(`${server.url}/v1/batch`, { body: { batch: [body], writeKey: server.writeKey } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    }
    const rows = await rowsFor(server, [basic.messageId, bearer.messageId, body.messageId]);
    expect(rows.map((r) => r.event)).toEqual(['Via Basic', 'Via Bearer', 'Via Body']);
  });

  test('single-message endpoints take the key the same ways', async ({ server }) => {
    const track = withoutType(createMessage({ type: 'track', event: 'Single Track' }));
    const identify = withoutType(createMessage({ type: 'identify', traits: { plan: 'pro' } }));
    const a = await send(`${server.url}/v1/track`, {
      body: track,
      auth: { style: 'bearer', key: server.writeKey },
    });
    const b = await send(`${server.url}/v1/identify`, {
      body: { ...identify, writeKey: server.writeKey },
    });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.json).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const rows = await rowsFor(server, [track.messageId, identify.messageId]);
    expect(rows.map((r) => [r.type, r.event])).toEqual([
      ['track', 'Single Track'],
      ['identify', null],
    ]);
  });

  test('a missing or unknown key is a 401 envelope and stores nothing', async ({ server }) => {
    const missing = createMessage();
    const unknown = createMessage();
    const a = await ingest(server, [missing], { style: 'none' });
    const b = await ingest(server, [unknown], { style: 'basic', key: 'pk_test_nobody' });
    const c = await send(`${server.url}/v1/track`, {
      body: createMessage(),
      auth: { style: 'bearer', key: 'pk_nope' },
    });
    for (const answer of [a, b, c]) {
      expect(answer.status).toBe(401);
      expectEnvelope(answer.json, 'unauthorized');
    }
    expect(await rowsFor(server, [missing.messageId, unknown.messageId])).toHaveLength(0);
  });
});

test.describe('validation', () => {
  test('a mixed batch stores every valid message and rejects each invalid one with its index and reason', async ({
    server,
  }) => {
    const userId = uniqueId('user');
    const valid = (extra: Partial<WireMessage> = {}) => createMessage({ userId, ...extra });
    const batch: { message: WireMessage; reason?: RegExp }[] = [
      { message: valid({ type: 'identify' }) },
      { message: valid({ type: undefined }), reason: /type/ },
      { message: valid({ type: 'purchase' }), reason: /type/ },
      { message: valid({ type: 'track', userId: undefined }), reason: /userId|anonymousId/ },
      { message: valid({ type: 'track', userId: '' }), reason: /userId|anonymousId/ },
      { message: valid({ type: 'track' }) },
      { message: valid({ type: 'track', event: undefined }), reason: /event/ },
      { message: valid({ type: 'track', event: '' }), reason: /event/ },
      { message: valid({ type: 'group', groupId: undefined }), reason: /groupId/ },
      { message: valid({ type: 'page', timestamp: 'yesterday at noon' }), reason: /timestamp/ },
      { message: valid({ type: 'page', timestamp: '2024-13-45T99:00:00Z' }), reason: /timestamp/ },
      { message: valid({ type: 'track', properties: 'big' }), reason: /properties/ },
      { message: valid({ type: 'track', properties: ['a', 'b'] }), reason: /properties/ },
      { message: valid({ type: 'identify', traits: 42 }), reason: /traits/ },
      { message: valid({ type: 'group', traits: 'x' }), reason: /traits/ },
      { message: valid({ type: 'page', context: 'web' }), reason: /context/ },
      { message: valid({ type: 'page' }) },
      { message: valid({ type: 'group', anonymousId: uniqueId('anon'), userId: undefined }) },
    ];

    const answer = await ingest(
      server,
      batch.map((b) => b.message),
    );
    expect(answer.status).toBe(200);
    const result = answer.json as IngestAnswer;
    const invalid = batch.flatMap((b, index) => (b.reason === undefined ? [] : [{ ...b, index }]));
    const validIds = batch.filter((b) => b.reason === undefined).map((b) => b.message.messageId);
    expect(result.accepted).toBe(validIds.length);
    expect(result.duplicates).toBe(0);
    expect(result.rejected.map((r) => r.index)).toEqual(invalid.map((b) => b.index));
    for (const expected of invalid) {
      const entry = result.rejected.find((r) => r.index === expected.index);
      expect(entry?.messageId, `rejected[${expected.index}].messageId`).toBe(
        expected.message.messageId,
      );
      expect(entry?.error, `rejected[${expected.index}].error`).toMatch(expected.reason!);
    }
    const stored = await rowsFor(
      server,
      batch.map((b) => b.message.messageId),
    );
    expect(stored.map((r) => r.message_id).sort()).toEqual(validIds.map(String).sort());
  });

  test('items that are not objects are rejected, saying so, beside a stored neighbour', async ({
    server,
  }) => {
    const good = createMessage();
    const answer = await ingest(server, [
      null,
      'text',
      42,
      ['track'],
      good,
    ] as unknown as WireMessage[]);
    expect(answer.status).toBe(200);
    const result = answer.json as IngestAnswer;
    expect(result.accepted).toBe(1);
    expect(result.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    // The reason must describe the problem: the item is there, it is just not a message object.
    for (const entry of result.rejected)
      expect(entry.error, `rejected[${entry.index}]`).toMatch(/object/i);
    expect(await rowsFor(server, [good.messageId])).toHaveLength(1);
  });

  test('a missing messageId is generated and a missing timestamp is the time received', async ({
    server,
  }) => {
    const userId = uniqueId('user');
    const before = Date.now();
    const answer = await ingest(server, [
      createMessage({ userId, messageId: undefined, timestamp: undefined }),
    ]);
    expect(answer.json).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const rows = await server.query('SELECT * FROM events WHERE user_id = ?', [userId]);
    expect(rows).toHaveLength(1);
    expect(String(rows[0]!.message_id).length).toBeGreaterThan(8);
    expect(Number(rows[0]!.timestamp)).toBeGreaterThanOrEqual(before - 1_000);
    expect(Number(rows[0]!.timestamp)).toBeLessThanOrEqual(Date.now() + 1_000);
  });

  test('a body that is not a batch is a 400 envelope naming the field', async ({ server }) => {
    const answer = await send(`${server.url}/v1/batch`, {
      body: { messages: [createMessage()] },
      auth: { style: 'basic', key: server.writeKey },
    });
    expect(answer.status).toBe(400);
    const envelope = expectEnvelope(answer.json, 'invalid_request');
    expect(envelope.error.issues?.map((i) => i.path)).toContain('batch');
  });
});

test.describe('de-duplication', () => {
  test('a repeated messageId is accepted, counted as a duplicate and stored once', async ({
    server,
  }) => {
    const message = createMessage({ event: 'Report Created' });
    const first = await ingest(server, [message]);
    const again = await ingest(server, [{ ...message, event: 'Changed Name' }]);
    const twiceInOne = createMessage();
    const inOne = await ingest(server, [twiceInOne, twiceInOne, createMessage()]);

    expect(first.json).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(again.json).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect(inOne.json).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    const rows = await rowsFor(server, [message.messageId, twiceInOne.messageId]);
    expect(rows.map((r) => r.message_id)).toEqual([message.messageId, twiceInOne.messageId]);
    expect(rows[0]!.event).toBe('Report Created');
  });
});

test.describe('timestamps', () => {
  test('historical timestamps are stored as given, ISO-8601 or epoch ms', async ({ server }) => {
    const cases: [unknown, number][] = [
      ['2021-03-04T05:06:07.089Z', Date.UTC(2021, 2, 4, 5, 6, 7, 89)],
      ['2019-12-31T23:00:00+02:00', Date.UTC(2019, 11, 31, 21, 0, 0)],
      [1_500_000_000_123, 1_500_000_000_123],
    ];
    const messages = cases.map(([timestamp]) => createMessage({ timestamp }));
    const answer = await ingest(server, messages);
    expect(answer.json).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const rows = await rowsFor(
      server,
      messages.map((m) => m.messageId),
    );
    expect(rows.map((r) => Number(r.timestamp))).toEqual(cases.map(([, ms]) => ms));
    for (const row of rows) expect(Number(row.received_at)).toBeGreaterThan(Date.UTC(2024, 0, 1));
  });
});

test.describe('bodies', () => {
  test('a text/plain body is parsed as JSON (analytics.js avoids the preflight this way)', async ({
    server,
  }) => {
    const message = createMessage({ event: 'Plain Text' });
    const answer = await send(`${server.url}/v1/batch`, {
      body: { batch: [message], writeKey: server.writeKey },
      contentType: 'text/plain;charset=UTF-8',
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    expect(await rowsFor(server, [message.messageId])).toHaveLength(1);
  });

  test('bad JSON is a 400 envelope, never HTML', async ({ server }) => {
    const answer = await send(`${server.url}/v1/batch`, {
      body: '{"batch": [',
      auth: { style: 'basic', key: server.writeKey },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expectEnvelope(answer.json, 'invalid_request');
  });

  test('unknown routes are a 404 envelope, never HTML', async ({ server }) => {
    for (const [method, path] of [
      ['GET', '/v1/nothing-here'],
      ['POST', '/v1/purchase'],
      ['GET', '/definitely/not/a/page'],
    ] as const) {
      const answer = await send(`${server.url}${path}`, {
        method,
        body: method === 'POST' ? {} : undefined,
      });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.headers.get('content-type')).toContain('application/json');
      expect(answer.text).not.toMatch(/<html/i);
      expectEnvelope(answer.json, 'not_found');
    }
  });
});

test.describe('CORS', () => {
  test('a preflight for /v1/batch allows any origin, POST and the auth header', async ({
    server,
  }) => {
    const answer = await send(`${server.url}/v1/batch`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://vendor.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,authorization',
      },
    });
    expect(answer.status).toBeLessThan(300);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
    expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'content-type',
    );
  });

  test('ingestion answers carry Access-Control-Allow-Origin, errors included', async ({
    server,
  }) => {
    const ok = await send(`${server.url}/v1/batch`, {
      body: { batch: [createMessage()], writeKey: server.writeKey },
      headers: { Origin: 'https://vendor.example' },
    });
    const denied = await send(`${server.url}/v1/batch`, {
      body: { batch: [createMessage()] },
      headers: { Origin: 'https://vendor.example' },
    });
    expect(ok.status).toBe(200);
    expect(denied.status).toBe(401);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');
  });
});
