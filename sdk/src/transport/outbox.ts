// The persisted queue of messages not yet confirmed by the server. All tabs share one key;
// every change re-reads storage and edits by messageId, so one tab's write keeps the others'.
import type { Logger } from '../shared/logger';
import type { Store } from '../shared/storage';
import type { Message } from './message';

/** A queued message; `beaconAt` marks one handed to sendBeacon, kept until a 200 confirms it. */
export type OutboxEntry = { message: Message; beaconAt?: number };

/** The queue of unconfirmed messages. */
export type Outbox = {
  /** Queues a message; written to storage at the end of the current task (one write per burst). */
  add(message: Message): void;
  /** Writes what `add` queued now. */
  commit(): void;
  /** Every queued entry, oldest first. */
  entries(): OutboxEntry[];
  remove(messageIds: readonly string[]): void;
  markBeaconed(messageIds: readonly string[], at: number): void;
  /** Messages dropped because the outbox was full, not yet reported to the server. */
  dropped(): number;
  /** Subtracts `count` reported drops (more may have been dropped meanwhile). */
  clearDropped(count: number): void;
};

/** Storage keys of the transport. */
export const OUTBOX_KEYS = {
  entries: 'onward:outbox',
  dropped: 'onward:outbox:dropped',
  lock: 'onward:outbox:lock',
} as const;

const isEntry = (value: unknown): value is OutboxEntry => {
  const message = (value as { message?: { messageId?: unknown } } | null)?.message;
  return typeof message?.messageId === 'string';
};

/**
 * Creates the outbox. Over `cap` entries the oldest go first; their count is persisted so the
 * next batch can report it (`context.onward.dropped`).
 *
 * @example
 * const outbox = createOutbox({ store, logger });
 * outbox.add(message);
 * outbox.entries(); // [{ message }]
 */
export function createOutbox(deps: { store: Store; logger: Logger; cap?: number }): Outbox {
  const { store, logger, cap = 1000 } = deps;
  let pending: Message[] = [];
  // Parsing is the cost; skip it while storage still holds the string we last read or wrote.
  let cachedRaw: string | null = null;
  let cached: OutboxEntry[] = [];

  const read = (): OutboxEntry[] => {
    const raw = store.get(OUTBOX_KEYS.entries);
    if (raw !== cachedRaw) {
      cachedRaw = raw;
      try {
        const parsed: unknown = raw ? JSON.parse(raw) : [];
        cached = Array.isArray(parsed) ? parsed.filter(isEntry) : [];
      } catch {
        cached = [];
      }
    }
    return cached.slice();
  };
  const write = (entries: OutboxEntry[]): void => {
    cached = entries;
    cachedRaw = entries.length ? JSON.stringify(entries) : null;
    if (cachedRaw === null) store.remove(OUTBOX_KEYS.entries);
    else store.set(OUTBOX_KEYS.entries, cachedRaw);
  };
  const dropped = (): number => Number(store.get(OUTBOX_KEYS.dropped)) || 0;
  const setDropped = (count: number): void => {
    if (count > 0) store.set(OUTBOX_KEYS.dropped, String(count));
    else store.remove(OUTBOX_KEYS.dropped);
  };

  const commit = (): void => {
    if (!pending.length) return;
    const entries = read().concat(pending.map((message) => ({ message })));
    pending = [];
    const overflow = entries.length - cap;
    if (overflow > 0) {
      entries.splice(0, overflow);
      setDropped(dropped() + overflow);
      logger.warn(`outbox full: dropped the ${overflow} oldest message(s)`);
    }
    write(entries);
  };

  return {
    add(message) {
      if (!pending.length)
        Promise.resolve()
          .then(commit)
          .catch((error: unknown) => logger.warn('outbox', error));
      pending.push(message);
    },
    commit,
    entries() {
      commit();
      return read();
    },
    remove(messageIds) {
      commit();
      const ids = new Set(messageIds);
      const entries = read();
      const kept = entries.filter((entry) => !ids.has(entry.message.messageId));
      if (kept.length !== entries.length) write(kept);
    },
    markBeaconed(messageIds, at) {
      commit();
      const ids = new Set(messageIds);
      write(
        read().map((entry) =>
          ids.has(entry.message.messageId) ? { ...entry, beaconAt: at } : entry,
        ),
      );
    },
    dropped,
    clearDropped: (count) => setDropped(dropped() - count),
  };
}
