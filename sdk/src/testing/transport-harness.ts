// A transport wired to fakes (fetch, beacon, console, shared storage) for the transport tests.
import { afterEach, beforeEach, vi } from 'vitest';
import { createClock } from '../shared/clock';
import { createLogger } from '../shared/logger';
import { createStore } from '../shared/storage';
import type { Message } from '../transport/message';
import { OUTBOX_KEYS } from '../transport/outbox';
import { createTransport } from '../transport/transport';
import type { Transport } from '../transport/transport';
import { createFakeFetch, createMapStorage, createSpyConsole } from './fakes';
import type { Responder } from './fakes';

/** A 200 answer with nothing rejected. */
export const OK = { accepted: 1, duplicates: 0, rejected: [] };

/**
 * A minimal valid track message with id `m<id>`.
 *
 * @example
 * transport.enqueue(testMessage(1));
 */
export const testMessage = (
  id: number | string,
  properties: Record<string, unknown> = {},
): Message => ({
  type: 'track',
  event: 'E',
  messageId: `m${id}`,
  timestamp: '2024-05-01T10:00:00.000Z',
  anonymousId: 'a',
  context: {},
  properties,
});

const open: Transport[] = [];

/** Disposes every transport made by {@link setupTransport}; call in afterEach. */
export function disposeTransports(): void {
  open.splice(0).forEach((transport) => transport.dispose());
}

/**
 * A transport on `storage` (shared between calls to simulate tabs), answering with `respond`.
 *
 * @example
 * const { transport, server, stored } = setupTransport(() => ({ status: 503 }));
 */
export function setupTransport(respond?: Responder, storage = createMapStorage(), tabId = 'tab-1') {
  const server = createFakeFetch(respond);
  const sink = createSpyConsole();
  const beacon = vi.fn((_url: string, _body: Blob) => true);
  const transport = createTransport({
    apiHost: 'https://api.test',
    writeKey: 'pk_test',
    store: createStore(() => storage),
    clock: createClock(),
    logger: createLogger(false, sink.console),
    random: () => 0.5,
    tabId,
    fetch: server.fetch,
    sendBeacon: beacon,
  });
  open.push(transport);
  /** Message ids in the persisted outbox. */
  const stored = (): string[] =>
    (JSON.parse(storage.getItem(OUTBOX_KEYS.entries) ?? '[]') as { message: Message }[]).map(
      (entry) => entry.message.messageId,
    );
  return { transport, server, sink, beacon, storage, stored };
}

/** Message ids a fake server received, in order. */
export const sentIds = (server: ReturnType<typeof createFakeFetch>): string[] =>
  server.messages().map((m) => String(m.messageId));

/** Lets chained sends run: fake timers push a 0 ms timer set inside a tick to the next ms. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await vi.advanceTimersByTimeAsync(1);
}

/** For a transport test file: fake timers at 2024-05-01 10:00 before each test, every transport disposed after. */
export function useTransports(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2024, 4, 1, 10) });
  });
  afterEach(() => {
    disposeTransports();
    vi.useRealTimers();
  });
}
