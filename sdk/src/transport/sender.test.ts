import { describe, expect, it, vi } from 'vitest';
import { createClock } from '../shared/clock';
import { createFakeFetch } from '../testing/fakes';
import type { Message } from './message';
import { createSender, encodeBatch, isRetryable } from './sender';

const message: Message = {
  type: 'track',
  event: 'E',
  messageId: 'm1',
  timestamp: '2024-05-01T10:00:00.000Z',
  anonymousId: 'a',
  context: {},
};
const SENT_AT = '2024-05-01T10:00:01.000Z';

describe('createSender', () => {
  it('POSTs text/plain with the write key in the body (no CORS preflight)', async () => {
    const server = createFakeFetch();
    const sender = createSender({
      apiHost: 'https://api.test/',
      writeKey: 'pk_1',
      clock: createClock(),
      fetch: server.fetch,
      sendBeacon: undefined,
    });
    const reply = await sender.send([message], SENT_AT);
    expect(reply).toEqual({
      status: 200,
      retryAfterMs: undefined,
      result: { accepted: 1, duplicates: 0, rejected: [] },
    });
    const [request] = server.requests;
    expect(request?.url).toBe('https://api.test/v1/batch');
    expect(request?.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      keepalive: true,
    });
    expect(request?.body).toEqual({
      batch: [{ ...message, sentAt: SENT_AT }],
      sentAt: SENT_AT,
      writeKey: 'pk_1',
    });
  });

  it('answers status 0 for a network error and reads Retry-After', async () => {
    const failing = createSender({
      apiHost: 'https://api.test',
      writeKey: 'pk_1',
      clock: createClock(),
      sendBeacon: undefined,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(await failing.send([message], SENT_AT)).toEqual({ status: 0 });
    const limited = createFakeFetch(() => ({ status: 429, headers: { 'Retry-After': '7' } }));
    const sender = createSender({
      apiHost: 'https://api.test',
      writeKey: 'pk_1',
      clock: createClock(),
      fetch: limited.fetch,
      sendBeacon: undefined,
    });
    expect(await sender.send([message], SENT_AT)).toMatchObject({
      status: 429,
      retryAfterMs: 7000,
    });
  });

  it('turns off keepalive for bodies over 60 KB', async () => {
    const server = createFakeFetch();
    const sender = createSender({
      apiHost: 'https://api.test',
      writeKey: 'pk_1',
      clock: createClock(),
      fetch: server.fetch,
      sendBeacon: undefined,
    });
    const big = { ...message, properties: { blob: 'x'.repeat(70_000) } };
    await sender.send([big], SENT_AT);
    expect(server.requests[0]?.init.keepalive).toBe(false);
  });

  it('beacons a text/plain Blob, falling back to fetch keepalive', async () => {
    const beacon = vi.fn((_url: string, _body: Blob) => false);
    const server = createFakeFetch();
    const sender = createSender({
      apiHost: 'https://api.test',
      writeKey: 'pk_1',
      clock: createClock(),
      fetch: server.fetch,
      sendBeacon: beacon,
    });
    expect(sender.beacon([message], SENT_AT)).toBe(true);
    const blob = beacon.mock.calls[0]?.[1];
    expect(blob?.type).toBe('text/plain');
    expect(JSON.parse((await blob?.text()) ?? 'null')).toEqual(
      JSON.parse(encodeBatch([message], SENT_AT, 'pk_1')),
    );
    expect(server.requests[0]?.init.keepalive).toBe(true);
  });
});

describe('isRetryable', () => {
  it.each([
    [0, true],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [413, false],
    [200, false],
  ])('HTTP %i → %s', (status, expected) => {
    expect(isRetryable(status)).toBe(expected);
  });
});
