import { describe, expect, it, vi } from 'vitest';
import { createMapStorage } from '../testing/fakes';
import {
  sentIds,
  settle,
  setupTransport,
  testMessage,
  useTransports,
} from '../testing/transport-harness';
import type { Message } from './message';
import { OUTBOX_KEYS } from './outbox';

useTransports();

describe('sending', () => {
  it('sends about a second after the first enqueue, in one batch, then empties the outbox', async () => {
    const { transport, server, stored } = setupTransport();
    transport.enqueue(testMessage(1));
    await vi.advanceTimersByTimeAsync(500);
    transport.enqueue(testMessage(2));
    expect(server.requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(server.requests).toHaveLength(1);
    expect(sentIds(server)).toEqual(['m1', 'm2']);
    expect(server.requests[0]?.body.sentAt).toBe('2024-05-01T10:00:01.000Z');
    expect(stored()).toEqual([]);
  });

  it('sends at once when 20 are waiting, and never more than 100 per batch', async () => {
    const { transport, server } = setupTransport();
    for (let i = 0; i < 150; i++) transport.enqueue(testMessage(i));
    await settle();
    expect(server.requests.map((r) => r.body.batch.length)).toEqual([100, 50]);
  });

  it('drops a message over 32 KB at enqueue', () => {
    const { transport, stored } = setupTransport();
    expect(() => transport.enqueue(testMessage(1, { blob: 'x'.repeat(33_000) }))).toThrow(/limit/);
    transport.enqueue(testMessage(2));
    transport.dispose();
    expect(stored()).toEqual(['m2']);
  });

  it('survives a reload: what an earlier page left is sent by the next one', async () => {
    const storage = createMapStorage();
    const first = setupTransport(() => ({ status: 503 }), storage);
    first.transport.enqueue(testMessage(1));
    first.transport.dispose();
    const second = setupTransport(undefined, storage, 'tab-2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sentIds(second.server)).toEqual(['m1']);
    expect(second.stored()).toEqual([]);
  });
});

describe('page hide', () => {
  it('beacons unsent messages and keeps them until a later 200', async () => {
    const storage = createMapStorage();
    const { transport, beacon, stored, server } = setupTransport(undefined, storage);
    transport.enqueue(testMessage(1));
    transport.enqueue(testMessage(2));
    window.dispatchEvent(new Event('pagehide'));
    expect(beacon).toHaveBeenCalledOnce();
    expect(beacon.mock.calls[0]?.[0]).toBe('https://api.test/v1/batch');
    const body = JSON.parse(await (beacon.mock.calls[0]?.[1] as Blob).text()) as {
      batch: Message[];
      writeKey: string;
    };
    expect(body.batch.map((m) => m.messageId)).toEqual(['m1', 'm2']);
    expect(body.writeKey).toBe('pk_test');
    expect(stored()).toEqual(['m1', 'm2']);
    expect(server.requests).toHaveLength(0);

    // Hidden again: nothing new to beacon.
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(beacon).toHaveBeenCalledOnce();
    Reflect.deleteProperty(document, 'visibilityState');

    // The page is gone; the next load re-sends both and the server ignores the duplicates.
    transport.dispose();
    const next = setupTransport(undefined, storage, 'tab-2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sentIds(next.server)).toEqual(['m1', 'm2']);
    expect(next.stored()).toEqual([]);
  });
});

describe('leaving the page', () => {
  it('gives up the send lease, so the next page sends without waiting for it to expire', async () => {
    const storage = createMapStorage();
    const { transport } = setupTransport(undefined, storage, 'tab-1');
    transport.enqueue(testMessage(1));
    // This tab is mid-send when the page navigates away: that request may never finish.
    storage.setItem(OUTBOX_KEYS.lock, `tab-1 ${Date.now() + 30_000}`);
    window.dispatchEvent(new Event('pagehide'));
    expect(storage.getItem(OUTBOX_KEYS.lock)).toBeNull();
    transport.dispose();
    const next = setupTransport(undefined, storage, 'tab-2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sentIds(next.server)).toEqual(['m1']);
  });

  it('starts no send once the page is leaving, as one would hold the lease past the page', async () => {
    const storage = createMapStorage();
    const { transport, server } = setupTransport(undefined, storage, 'tab-1');
    transport.enqueue(testMessage(1));
    window.dispatchEvent(new Event('pagehide'));
    // A flush chained on the send the navigation cut off, or the batching timer, runs after pagehide.
    await transport.flush();
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.requests).toHaveLength(0);
    expect(storage.getItem(OUTBOX_KEYS.lock)).toBeNull();
    // Back from the back-forward cache, the page sends again with its next message.
    transport.enqueue(testMessage(2));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sentIds(server)).toEqual(['m1', 'm2']);
  });

  it('leaves another tab\'s lease alone', () => {
    const storage = createMapStorage();
    setupTransport(undefined, storage, 'tab-1');
    storage.setItem(OUTBOX_KEYS.lock, `tab-9 ${Date.now() + 30_000}`);
    window.dispatchEvent(new Event('pagehide'));
    expect(storage.getItem(OUTBOX_KEYS.lock)).toBe(`tab-9 ${Date.now() + 30_000}`);
  });
});

describe('tabs', () => {
  it('share one outbox, and only the lease holder sends', async () => {
    const storage = createMapStorage();
    const a = setupTransport(undefined, storage, 'tab-a');
    const b = setupTransport(undefined, storage, 'tab-b');
    a.transport.enqueue(testMessage(1));
    b.transport.enqueue(testMessage(2));
    // Another tab is mid-send: neither of these may post.
    storage.setItem(OUTBOX_KEYS.lock, `tab-c ${Date.now() + 30_000}`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(a.server.requests).toHaveLength(0);
    expect(b.server.requests).toHaveLength(0);
    storage.removeItem(OUTBOX_KEYS.lock);
    await vi.advanceTimersByTimeAsync(2000);
    // One request carried both tabs' messages; the other tab found the outbox empty.
    const requests = [...a.server.requests, ...b.server.requests];
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body.batch.map((m) => m.messageId)).toEqual(['m1', 'm2']);
    expect(a.stored()).toEqual([]);
  });
});
