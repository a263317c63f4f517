// The delivery worker: claim due deliveries under a lease, send them, record each outcome.
// Every server runs it; the row leases (not a job lease) keep two servers off the same delivery.
import { retryDelayMs } from './backoff';
import type { Claimed, DeliveryQueue } from './queue';
import { send } from './send';

export type DeliveryWorkerOptions = {
  queue: DeliveryQueue;
  /** This process, as written into lease_owner. */
  owner: string;
  timeoutMs: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  now?: () => number;
  random?: () => number;
  fetch?: typeof fetch;
  /** @default 20 deliveries sent concurrently */
  batchSize?: number;
  /** @default 50 batches per run, so one run stays bounded */
  maxBatches?: number;
};

export type DeliveryReport = { delivered: number; retrying: number; failed: number; released: number };

// A lease outlives the request's timeout by this much, so it cannot expire while we still wait.
const LEASE_MARGIN_MS = 30_000;

export function createDeliveryWorker(options: DeliveryWorkerOptions) {
  const { queue, owner, timeoutMs, maxAttempts } = options;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const batchSize = options.batchSize ?? 20;
  const maxBatches = options.maxBatches ?? 50;

  async function attempt(d: Claimed, report: DeliveryReport, signal: AbortSignal | undefined) {
    const request = { url: d.url, secret: d.secret, messageId: d.messageId, payload: d.payload, now: now(), timeoutMs };
    const result = await send(signal === undefined ? request : { ...request, signal }, options.fetch);
    if (result.ok) {
      await queue.delivered(d.id, owner, result);
      report.delivered += 1;
    } else if (signal?.aborted === true) {
      // Stopping: hand the delivery back now rather than after the lease expires.
      await queue.release(d.id, owner);
      report.released += 1;
    } else if (d.attempts >= maxAttempts) {
      await queue.failed(d.id, owner, result);
      report.failed += 1;
    } else {
      await queue.retryAt(d.id, owner, result, now() + retryDelayMs(d.attempts, random));
      report.retrying += 1;
    }
  }

  return {
    /** Sends what is due now, batch after batch, until nothing is due or `signal` aborts. */
    async deliverDue(signal?: AbortSignal): Promise<DeliveryReport> {
      const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0, released: 0 };
      report.failed += await queue.failAbandoned(maxAttempts);
      for (let i = 0; i < maxBatches && signal?.aborted !== true; i += 1) {
        const batch = await queue.claim(owner, { limit: batchSize, leaseMs: timeoutMs + LEASE_MARGIN_MS, maxAttempts });
        await Promise.all(batch.map((d) => attempt(d, report, signal)));
        if (batch.length < batchSize) break;
      }
      return report;
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
