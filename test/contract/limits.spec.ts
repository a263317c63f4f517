// CONTRACT.md §1 and §3 limits: 500 KB per request, 32 KB per message (413, or a rejected entry
// inside a batch), and ONWARD_INGEST_RATE_LIMIT (429 with Retry-After).
import { createBatch, createMessage } from '../fixtures/messages';
import { send, type IngestAnswer } from '../support/http';
import { expectEnvelope, postBatch as ingest, rowsFor, withoutType } from '../support/ingest';
import { expect, startServer, test } from '../support/server';

test.describe('limits', () => {
  const filler = (bytes: number) => 'x'.repeat(bytes);

  test('a request body over 500 KB is a 413 envelope', async ({ server }) => {
    // Many small, valid messages: only the request total is over the limit.
    const messages = Array.from({ length: 60 }, () =>
      createMessage({ properties: { blob: filler(9_000) } }),
    );
    const answer = await ingest(server, messages);
    expect(answer.status).toBe(413);
    expectEnvelope(answer.json, 'payload_too_large');
    expect(
      await rowsFor(
        server,
        messages.map((m) => m.messageId),
      ),
    ).toHaveLength(0);
  });

  test('a single-message endpoint over 32 KB is a 413 envelope', async ({ server }) => {
    const message = withoutType(createMessage({ properties: { blob: filler(33 * 1024) } }));
    const answer = await send(`${server.url}/v1/track`, {
      body: message,
      auth: { style: 'basic', key: server.writeKey },
    });
    expect(answer.status).toBe(413);
    expectEnvelope(answer.json, 'payload_too_large');
    expect(await rowsFor(server, [message.messageId])).toHaveLength(0);
  });

  test('a message over 32 KB inside a batch is rejected while its neighbours are stored', async ({
    server,
  }) => {
    const before = createMessage();
    const huge = createMessage({ properties: { blob: filler(33 * 1024) } });
    const after = createMessage();
    const answer = await ingest(server, [before, huge, after]);
    expect(answer.status).toBe(200);
    const result = answer.json as IngestAnswer;
    expect(result.accepted).toBe(2);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ index: 1, messageId: huge.messageId });
    expect(result.rejected[0]!.error).toMatch(/32 ?KB|bytes/i);
    const rows = await rowsFor(server, [before.messageId, huge.messageId, after.messageId]);
    expect(rows.map((r) => r.message_id)).toEqual([before.messageId, after.messageId]);
  });
});

test.describe('rate limit', () => {
  test('over ONWARD_INGEST_RATE_LIMIT requests per second a key gets 429 with Retry-After', async () => {
    const limited = await startServer({ env: { ONWARD_INGEST_RATE_LIMIT: '2' } });
    try {
      const messages = createBatch(8);
      const answers = await Promise.all(
        messages.map((m) => ingest(limited, [m], { style: 'bearer', key: limited.writeKey })),
      );
      const ok = answers.filter((a) => a.status === 200);
      const limitedAnswers = answers.filter((a) => a.status === 429);
      // A burst of the limit passes; the rest of 8 requests in well under a second does not.
      expect(ok.length).toBeGreaterThanOrEqual(2);
      expect(ok.length).toBeLessThanOrEqual(5);
      expect(limitedAnswers.length).toBe(messages.length - ok.length);
      for (const answer of limitedAnswers) {
        expectEnvelope(answer.json, 'rate_limited');
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
      // Only the accepted requests reached storage.
      expect(
        await rowsFor(
          limited,
          messages.map((m) => m.messageId),
        ),
      ).toHaveLength(ok.length);

      // After waiting as told, the key is served again.
      const wait = Number(limitedAnswers[0]!.headers.get('retry-after'));
      await new Promise((resolve) => setTimeout(resolve, wait * 1_000 + 100));
      const later = await ingest(limited, [createMessage()]);
      expect(later.status).toBe(200);
    } finally {
      await limited.dispose();
    }
  });
});
