// Tabs share one outbox; a short lease in storage lets one tab send at a time, so N open tabs
// do not each post the same batch. The lease expires on its own if its tab dies mid-send.
import type { Clock } from '../shared/clock';
import type { Store } from '../shared/storage';

/** A storage lock held while one request is in flight. */
export type Lease = { acquire(): boolean; release(): void };

/**
 * Creates a lease stored under `key` as `"<holder id> <expiry ms>"`.
 *
 * @example
 * const lease = createLease({ store, clock, key: 'onward:outbox:lock', id: tabId });
 * if (lease.acquire()) await send().finally(lease.release);
 */
export function createLease(deps: {
  store: Store;
  clock: Clock;
  key: string;
  id: string;
  ttlMs?: number;
}): Lease {
  const { store, clock, key, id, ttlMs = 30_000 } = deps;
  const holder = (): string[] => (store.get(key) ?? '').split(' ');
  return {
    acquire() {
      const [owner, expiresAt] = holder();
      if (owner && owner !== id && Number(expiresAt) > clock.now()) return false;
      store.set(key, `${id} ${clock.now() + ttlMs}`);
      // Read back: if another tab wrote in between, the last writer wins and the other backs off.
      return holder()[0] === id;
    },
    release() {
      if (holder()[0] === id) store.remove(key);
    },
  };
}
