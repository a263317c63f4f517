// Decides when the outbox is sent: soon after an enqueue, at once when many are waiting, after
// a jittered backoff when the server or network failed, and by beacon when the page hides.
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { backoffDelay } from './backoff';
import { MAX_BATCH_BYTES, MAX_BATCH_COUNT, takeBatch } from './batch';
import type { Lease } from './lease';
import type { Message } from './message';
import type { Outbox } from './outbox';
import { KEEPALIVE_MAX_BYTES, isRetryable } from './sender';
import type { Reply, Sender } from './sender';

/** Schedules and performs sends of the outbox. */
export type Batcher = {
  /** A message was added: send within `flushIntervalMs`, or now if `flushAt` are waiting. */
  notify(): void;
  /** Sends a batch now; if one is in flight, resolves when it ends. */
  flush(): Promise<void>;
  /** Hands every message not yet beaconed to sendBeacon; they stay queued until confirmed. */
  flushByBeacon(): void;
  /**
   * The page is going away: gives up the lease, and starts no send until the next message (a
   * page back from the back-forward cache). A send cut off by the navigation would hold the
   * lease until it expires, and so would a flush chained on it: the next page would wait 30 s.
   */
  leave(): void;
  dispose(): void;
};

/** Tuning knobs; the defaults suit a browser tab. */
export type BatcherOptions = {
  /** @default 20 */
  flushAt?: number;
  /** @default 1000 */
  flushIntervalMs?: number;
};

/** What the batcher works with. */
export type BatcherDeps = {
  outbox: Outbox;
  sender: Sender;
  lease: Lease;
  clock: Clock;
  logger: Logger;
  random: () => number;
} & BatcherOptions;

/**
 * Creates the batcher.
 *
 * @example
 * const batcher = createBatcher({ outbox, sender, lease, clock, logger, random: Math.random });
 * outbox.add(message);
 * batcher.notify(); // POSTs within a second
 */
export function createBatcher(deps: BatcherDeps): Batcher {
  const {
    outbox,
    sender,
    lease,
    clock,
    logger,
    random,
    flushAt = 20,
    flushIntervalMs = 1000,
  } = deps;
  let timer: unknown;
  let timerAt = Infinity;
  let inFlight: Promise<void> | undefined;
  let queued = 0;
  let attempt = 0;
  let waitingToRetry = false;
  // Halved on 413 and kept: the server told us its limit for batches like ours.
  let maxCount = MAX_BATCH_COUNT;
  let disposed = false;
  let leaving = false;

  // Sets the timer unless an earlier one is set; `force` replaces it (a backoff must not shrink).
  const schedule = (ms: number, force?: boolean): void => {
    const at = clock.now() + ms;
    if (disposed || (!force && timerAt <= at)) return;
    clock.clearTimeout(timer);
    timerAt = at;
    timer = clock.setTimeout(() => {
      timerAt = Infinity;
      waitingToRetry = false;
      void flush();
    }, ms);
  };

  const handle = (
    { status, retryAfterMs = 0, result }: Reply,
    batch: Message[],
    dropped: number,
  ): void => {
    if (isRetryable(status)) {
      const delay = Math.max(retryAfterMs, backoffDelay(attempt++, random));
      logger.warn(
        `send failed (${status ? `HTTP ${status}` : 'network'}), retrying in ${delay} ms`,
      );
      waitingToRetry = true;
      return schedule(delay, true);
    }
    attempt = 0;
    if (status === 413 && batch.length > 1) {
      maxCount = Math.ceil(batch.length / 2);
      return schedule(0);
    }
    outbox.remove(batch.map((message) => message.messageId));
    const rejected = result?.rejected ?? [];
    if (status >= 300) logger.warn(`HTTP ${status}: dropped ${batch.length} message(s)`);
    else if (dropped) outbox.clearDropped(dropped);
    // The one warning shown without debug mode: the vendor's data is being refused.
    if (rejected[0])
      logger.alert(
        `${rejected.length} of ${batch.length} message(s) rejected: ${rejected[0].error}`,
        rejected,
      );
    const left = outbox.entries().length;
    if (left) schedule(left >= flushAt ? 0 : flushIntervalMs);
  };

  const send = async (): Promise<void> => {
    const messages = outbox.entries().map((entry) => entry.message);
    if (leaving || !messages.length) return;
    if (!lease.acquire()) return schedule(1000 + random() * 1000);
    queued = 0;
    const batch = takeBatch(messages, { maxCount, maxBytes: MAX_BATCH_BYTES });
    const dropped = outbox.dropped();
    const [first, ...rest] = batch;
    // Report drops once, on the first message of the next batch that gets through.
    const wire =
      first && dropped
        ? [
            {
              ...first,
              context: {
                ...first.context,
                onward: { ...(first.context.onward as object), dropped },
              },
            },
            ...rest,
          ]
        : batch;
    try {
      handle(await sender.send(wire, new Date(clock.now()).toISOString()), batch, dropped);
    } finally {
      lease.release();
    }
  };

  const flush = (): Promise<void> =>
    (inFlight ??= send()
      .catch((error: unknown) => logger.warn('send failed', error))
      .finally(() => (inFlight = undefined)));

  return {
    notify() {
      leaving = false;
      if (!waitingToRetry) schedule(++queued >= flushAt ? 0 : flushIntervalMs);
    },
    // A send already under way may not carry what was queued since: wait for it, then send again.
    flush: () => (inFlight ? inFlight.then(flush) : flush()),
    flushByBeacon() {
      const sentAt = new Date(clock.now()).toISOString();
      let todo = outbox
        .entries()
        .filter((entry) => !entry.beaconAt)
        .map((entry) => entry.message);
      while (todo.length) {
        const batch = takeBatch(todo, { maxCount: MAX_BATCH_COUNT, maxBytes: KEEPALIVE_MAX_BYTES });
        // The browser's beacon quota is about 64 KB per page: stop at the first refusal.
        if (!sender.beacon(batch, sentAt)) break;
        outbox.markBeaconed(
          batch.map((message) => message.messageId),
          clock.now(),
        );
        todo = todo.slice(batch.length);
      }
    },
    leave() {
      leaving = true;
      lease.release();
    },
    dispose() {
      disposed = true;
      clock.clearTimeout(timer);
    },
  };
}
