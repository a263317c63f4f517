import { describe, expect, it, vi } from 'vitest';
import { createMapStorage } from '../testing/fakes';
import {
  OK,
  sentIds,
  settle,
  setupTransport,
  testMessage,
  useTransports,
} from '../testing/transport-harness';
import { OUTBOX_KEYS } from './outbox';

useTransports();

// Retry, drop and split decisions of the batcher, through a real transport on fakes.
describe('failures', () => {
  it.each([
    ['a 5xx', () => ({ status: 503 })],
    [
      'a network error',
      () => {
        throw new TypeError('Failed to fetch');
      },
    ],
  ])('keeps the batch and retries with backoff after %s', async (_name, fail) => {
    let calls = 0;
    const { transport, server, stored } = setupTransport(() =>
      calls++ < 2 ? fail() : { status: 200, body: OK },
    );
    transport.enqueue(testMessage(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(1);
    expect(stored()).toEqual(['m1']);
    // random() = 0.5: first retry after 500 ms, second after 1000 ms.
    await vi.advanceTimersByTimeAsync(499);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(3);
    expect(stored()).toEqual([]);
  });

  it('waits at least Retry-After on 429, even when messages keep coming', async () => {
    const { transport, server } = setupTransport((_r, index) =>
      index === 0 ? { status: 429, headers: { 'Retry-After': '10' } } : { status: 200, body: OK },
    );
    transport.enqueue(testMessage(1));
    await vi.advanceTimersByTimeAsync(1000);
    for (let i = 2; i < 30; i++) transport.enqueue(testMessage(i));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.body.batch).toHaveLength(29);
  });

  it.each([400, 401, 403])(
    'drops the batch on HTTP %i and goes on with the rest',
    async (status) => {
      const { transport, server, stored, sink } = setupTransport((_r, index) =>
        index === 0 ? { status } : { status: 200, body: OK },
      );
      transport.enqueue(testMessage(1));
      await vi.advanceTimersByTimeAsync(1000);
      expect(stored()).toEqual([]);
      transport.enqueue(testMessage(2));
      await vi.advanceTimersByTimeAsync(1000);
      expect(sentIds(server)).toEqual(['m1', 'm2']);
      expect(sink.warn).not.toHaveBeenCalled();
    },
  );

  it('splits a batch the server finds too large (413), and drops a single one', async () => {
    const tooLarge = (batch: { messageId?: unknown }[]) =>
      batch.length > 2 || batch.some((m) => m.messageId === 'm5');
    const { transport, server, stored } = setupTransport((request) =>
      tooLarge(request.body.batch) ? { status: 413 } : { status: 200, body: OK },
    );
    for (let i = 1; i <= 5; i++) transport.enqueue(testMessage(i));
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.requests.map((r) => r.body.batch.length)).toEqual([5, 3, 2, 2, 1]);
    expect(server.requests.slice(2).map((r) => r.body.batch.map((m) => m.messageId))).toEqual([
      ['m1', 'm2'],
      ['m3', 'm4'],
      ['m5'],
    ]);
    expect(stored()).toEqual([]);
  });

  it('warns once, even with debug off, when the server rejects messages', async () => {
    const rejected = [
      { index: 0, messageId: 'm1', error: 'timestamp: must be an ISO-8601 date-time' },
      { index: 1, messageId: 'm2', error: 'event: is required' },
    ];
    const { transport, sink, stored } = setupTransport(() => ({
      status: 200,
      body: { accepted: 1, duplicates: 0, rejected },
    }));
    [1, 2, 3].forEach((i) => transport.enqueue(testMessage(i)));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sink.warn).toHaveBeenCalledOnce();
    expect(sink.warn.mock.calls[0]?.[0]).toBe(
      '[Onward] 2 of 3 message(s) rejected: timestamp: must be an ISO-8601 date-time',
    );
    expect(stored()).toEqual([]);
  });

  it('reports messages dropped by a full outbox once, on the next batch that gets through', async () => {
    const storage = createMapStorage();
    storage.setItem(OUTBOX_KEYS.dropped, '7');
    const { transport, server } = setupTransport(
      (_r, index) => (index === 0 ? { status: 503 } : { status: 200, body: OK }),
      storage,
    );
    transport.enqueue(testMessage(1));
    transport.enqueue(testMessage(2));
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(500);
    const [failed, sent] = server.requests;
    expect(failed?.body.batch[0]?.context).toEqual({ onward: { dropped: 7 } });
    expect(sent?.body.batch[0]?.context).toEqual({ onward: { dropped: 7 } });
    expect(sent?.body.batch[1]?.context).toEqual({});
    expect(storage.getItem(OUTBOX_KEYS.dropped)).toBeNull();
    transport.enqueue(testMessage(3));
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests[2]?.body.batch[0]?.context).toEqual({});
  });
});

describe('flush', () => {
  it('resolves only once what was queued before it is sent, even with a send already under way', async () => {
    const { transport, server } = setupTransport();
    transport.enqueue(testMessage(1));
    void transport.flush();
    // Queued while the first send is under way: that send does not carry it.
    transport.enqueue(testMessage(2));
    await transport.flush();
    expect(sentIds(server)).toEqual(['m1', 'm2']);
  });
});
