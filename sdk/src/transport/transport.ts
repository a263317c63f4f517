// Wires outbox, lease, sender and batcher into the one call the API needs: enqueue(message).
import type { Clock } from '../shared/clock';
import type { BeaconLike, FetchLike } from '../shared/env';
import { guard } from '../shared/guard';
import type { Logger } from '../shared/logger';
import type { Store } from '../shared/storage';
import { MAX_MESSAGE_BYTES } from './batch';
import { createBatcher } from './batcher';
import type { BatcherOptions } from './batcher';
import { createLease } from './lease';
import { watchPageLifecycle } from './lifecycle';
import type { Message } from './message';
import { utf8Length } from './message';
import { OUTBOX_KEYS, createOutbox } from './outbox';
import { createSender } from './sender';

/** Accepts messages and gets them to the server, across reloads and outages. */
export type Transport = {
  /** Queues a message; throws when it cannot be sent (not serializable, or over 32 KB). */
  enqueue(message: Message): void;
  flush(): Promise<void>;
  /** Whether an earlier page load left messages here that the server has not confirmed. */
  readonly inherited: boolean;
  dispose(): void;
};

/** What the transport needs; `fetch` and `sendBeacon` are absent outside browsers. */
export type TransportDeps = {
  apiHost: string;
  writeKey: string;
  store: Store;
  clock: Clock;
  logger: Logger;
  random: () => number;
  /** Identifies this tab in the send lease. */
  tabId: string;
  fetch: FetchLike | undefined;
  sendBeacon: BeaconLike | undefined;
} & BatcherOptions;

/**
 * Creates the transport and sends what earlier page loads left in the outbox.
 *
 * @example
 * const transport = createTransport({ apiHost, writeKey, store, clock, logger, random, tabId, fetch, sendBeacon });
 * transport.enqueue(message);
 */
export function createTransport(deps: TransportDeps): Transport {
  const { logger } = deps;
  const outbox = createOutbox(deps);
  const lease = createLease({ ...deps, key: OUTBOX_KEYS.lock, id: deps.tabId });
  const batcher = createBatcher({ ...deps, outbox, sender: createSender(deps), lease });
  const report = (error: unknown): void => logger.warn('page lifecycle', error);
  const stopLifecycle = watchPageLifecycle({
    onHide: guard(batcher.flushByBeacon, undefined, report),
    // Duplicates of what a cut-off send did deliver are dropped by messageId.
    onLeave: guard(batcher.leave, undefined, report),
    onOnline: guard(batcher.flush, Promise.resolve(), report),
  });
  // Messages from an earlier load (beaconed or not) go out with the first regular batch.
  const inherited = outbox.entries().length > 0;
  if (inherited) batcher.notify();

  return {
    enqueue(message) {
      // Serialized once here: Dates become strings, and what is sent equals what a reload sends.
      const json = JSON.stringify(message);
      const bytes = utf8Length(json);
      if (bytes > MAX_MESSAGE_BYTES)
        throw new RangeError(`${bytes} bytes is over the ${MAX_MESSAGE_BYTES}-byte limit`);
      outbox.add(JSON.parse(json) as Message);
      batcher.notify();
    },
    flush: batcher.flush,
    inherited,
    dispose() {
      stopLifecycle();
      outbox.commit();
      batcher.dispose();
    },
  };
}
