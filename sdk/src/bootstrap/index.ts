// The bootstrap in the core (sdk/bootstrap): fetched on start, again after identify/group/reset
// (coalesced to one request per tick) and when the tab comes back after 5 minutes or more.
import type { Ids } from '../identity/identity';
import { getDocument, listen } from '../shared/env';
import { fetchBootstrap } from './client';
import type { BootstrapClientDeps } from './client';
import type { Bootstrap } from './types';

export { fetchBootstrap } from './client';
export type { BootstrapClientDeps } from './client';
export type { Bootstrap } from './types';

/** How long a bootstrap stays fresh for a tab that becomes visible again. */
export const STALE_AFTER_MS = 3e5;

export type BootstrapWatch = { refresh(): void; stop(): void };

/**
 * Fetches on the next tick (once `after` settles) and after each `refresh()`; an answer older
 * than the newest request is dropped. Returns `{ refresh, stop }`.
 *
 * @example
 * const watch = watchBootstrap({ ...client, ids: identity.get, debug: log.isEnabled, onAnswer, onError });
 * watch.refresh(); // after identify
 */
export function watchBootstrap(
  deps: BootstrapClientDeps & {
    ids: () => Ids;
    debug: () => boolean;
    /** What the first fetch waits for. */
    after?: Promise<void> | false;
    onAnswer: (bootstrap: Bootstrap) => void;
    onError: (error: string) => void;
  },
): BootstrapWatch {
  const { clock } = deps;
  const doc = getDocument();
  let pending: unknown;
  let sequence = 0;
  let fetchedAt = 0;
  let stopped = false;
  const run = (): void => {
    pending = undefined;
    const mine = ++sequence;
    fetchedAt = clock.now();
    void fetchBootstrap(deps, deps.ids(), deps.debug()).then((answer) => {
      if (stopped || mine !== sequence) return;
      if (typeof answer === 'string') deps.onError(answer);
      else deps.onAnswer(answer);
    });
  };
  const refresh = (): void => {
    if (!stopped && pending === undefined) pending = clock.setTimeout(run, 0);
  };
  const stopListening = listen(doc, 'visibilitychange', () => {
    if (!doc?.hidden && clock.now() - fetchedAt >= STALE_AFTER_MS) refresh();
  });
  void Promise.resolve(deps.after).then(refresh);
  return {
    refresh,
    stop() {
      stopped = true;
      clock.clearTimeout(pending);
      stopListening();
    },
  };
}
