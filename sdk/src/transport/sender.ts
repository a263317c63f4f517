// POST /v1/batch. The body is text/plain with the write key inside: a "simple" CORS request,
// so browsers send it without a preflight (as analytics.js does).
import type { BatchInput, IngestResult } from '@onward/server/contracts';
import type { Clock } from '../shared/clock';
import type { BeaconLike, FetchLike, FetchResponse } from '../shared/env';
import { parseRetryAfter } from './backoff';
import type { Message } from './message';
import { utf8Length } from './message';

/** The server's answer; status 0 when the request failed before one (offline, timeout, CORS). */
export type Reply = { status: number; retryAfterMs?: number; result?: IngestResult };

/** Sends batches by fetch, or by beacon when the page is going away. */
export type Sender = {
  send(batch: Message[], sentAt: string): Promise<Reply>;
  /** True when the browser took the batch for delivery (it may still fail later). */
  beacon(batch: Message[], sentAt: string): boolean;
};

/** Browsers refuse keepalive bodies beyond 64 KB in flight; stay under it. */
export const KEEPALIVE_MAX_BYTES = 60 * 1024;
const TIMEOUT_MS = 20_000;
const HEADERS = { 'Content-Type': 'text/plain' };

/**
 * The request body: `{ batch, sentAt, writeKey }`, `sentAt` also stamped on each message.
 *
 * @example
 * encodeBatch([message], '2024-05-01T10:00:00.000Z', 'pk_live_1');
 */
export function encodeBatch(batch: Message[], sentAt: string, writeKey: string): string {
  const body: BatchInput = {
    batch: batch.map((message) => ({ ...message, sentAt })),
    sentAt,
    writeKey,
  };
  return JSON.stringify(body);
}

/**
 * Whether a batch that got `status` may succeed later: network errors, timeouts, rate limits
 * and server errors. Other 4xx answers would fail the same way again.
 *
 * @example
 * isRetryable(503); // true
 */
export function isRetryable(status: number): boolean {
  return !status || status === 408 || status === 429 || status >= 500;
}

/**
 * Creates the sender for `apiHost`.
 *
 * @example
 * const sender = createSender({ apiHost: 'https://onward.example.com', writeKey, clock, fetch, sendBeacon });
 * await sender.send(batch, new Date().toISOString()); // { status: 200, result: { accepted: 1, … } }
 */
export function createSender(deps: {
  apiHost: string;
  writeKey: string;
  clock: Clock;
  fetch: FetchLike | undefined;
  sendBeacon: BeaconLike | undefined;
}): Sender {
  const { writeKey, clock, fetch, sendBeacon } = deps;
  const url = `${deps.apiHost.replace(/\/+$/, '')}/v1/batch`;
  const post = (body: string, signal?: AbortSignal): Promise<FetchResponse> => {
    if (!fetch) throw new Error('fetch is unavailable');
    return fetch(url, {
      method: 'POST',
      body,
      headers: HEADERS,
      keepalive: utf8Length(body) < KEEPALIVE_MAX_BYTES,
      signal,
    });
  };
  return {
    async send(batch, sentAt) {
      // A request the network never answers would block the outbox: abort it and retry later.
      const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
      const timer = clock.setTimeout(() => controller?.abort(), TIMEOUT_MS);
      try {
        const response = await post(encodeBatch(batch, sentAt, writeKey), controller?.signal);
        const { status } = response;
        const reply: Reply = {
          status,
          retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), clock.now()),
        };
        try {
          const result = JSON.parse(await response.text()) as IngestResult | null;
          if (Array.isArray(result?.rejected)) reply.result = result;
        } catch {
          // A 200 without our JSON (a proxy, an old server) still means "stored".
        }
        return reply;
      } catch {
        return { status: 0 };
      } finally {
        clock.clearTimeout(timer);
      }
    },
    beacon(batch, sentAt) {
      const body = encodeBatch(batch, sentAt, writeKey);
      if (sendBeacon?.(url, new Blob([body], { type: 'text/plain' }))) return true;
      if (!fetch || utf8Length(body) >= KEEPALIVE_MAX_BYTES) return false;
      // keepalive lets the request outlive the page; its answer is not awaited.
      post(body).catch(() => undefined);
      return true;
    },
  };
}
