// SPA navigation: single-page apps change the URL through history.pushState/replaceState
// (no event fires for those) or the hash; back/forward fires popstate.
import type { Clock } from '../shared/clock';
import { getWindow, listen } from '../shared/env';

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Calls `onChange(url)` when the page URL changes without a reload. Checks run one timer tick
 * after the history call, so a router that sets `document.title` right after pushState is seen,
 * and several calls in one tick give one change. Returns `stop()`, which restores `history`.
 *
 * @example
 * const stop = watchNavigation({ clock, onChange: () => onward.page(), onError: log.warn });
 */
export function watchNavigation(deps: {
  clock: Clock;
  onChange: (url: string) => void;
  onError: (error: unknown) => void;
}): () => void {
  const { clock, onChange, onError } = deps;
  const win = getWindow();
  if (!win) return () => {};
  const { history, location } = win;
  let last = location.href;
  let stopped = false;
  let pending: unknown;

  const check = (): void => {
    pending = undefined;
    try {
      const url = location.href;
      if (stopped || url === last) return;
      last = url;
      onChange(url);
    } catch (error) {
      onError(error);
    }
  };
  const checkSoon = (): void => {
    if (!stopped && pending === undefined) pending = clock.setTimeout(check, 0);
  };

  const wrap = (name: HistoryMethod): (() => void) => {
    const original = history[name];
    function wrapper(this: History, ...args: Parameters<History[HistoryMethod]>): void {
      // The original runs first and its errors reach the caller unchanged: we never break routing.
      original.apply(this, args);
      try {
        checkSoon();
      } catch (error) {
        onError(error);
      }
    }
    history[name] = wrapper;
    // If another script wrapped history after us, leave its wrapper; ours is inert once stopped.
    return () => {
      if (history[name] === wrapper) history[name] = original;
    };
  };

  const stops = [
    wrap('pushState'),
    wrap('replaceState'),
    listen(win, 'popstate', checkSoon),
    listen(win, 'hashchange', checkSoon),
  ];
  return () => {
    stopped = true;
    if (pending !== undefined) clock.clearTimeout(pending);
    pending = undefined;
    stops.forEach((stop) => stop());
  };
}
