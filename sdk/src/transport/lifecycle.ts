import { getDocument, getWindow, listen } from '../shared/env';

/**
 * Calls `onHide` when the page is hidden or unloaded, `onLeave` after it when the page goes away
 * (a request it has in flight may never finish), and `onOnline` when the network returns.
 * `visibilitychange` is the last event mobile browsers reliably fire; `pagehide` covers
 * desktop unloads and the back-forward cache. Returns the function that stops listening.
 *
 * @example
 * const stop = watchPageLifecycle({ onHide: () => batcher.flushByBeacon(), onLeave: batcher.leave, onOnline: () => batcher.flush() });
 */
export function watchPageLifecycle(handlers: {
  onHide: () => void;
  onLeave: () => void;
  onOnline: () => void;
}): () => void {
  const doc = getDocument();
  const win = getWindow();
  const stops = [
    listen(doc, 'visibilitychange', () => {
      if (doc?.visibilityState === 'hidden') handlers.onHide();
    }),
    listen(win, 'pagehide', () => {
      handlers.onHide();
      handlers.onLeave();
    }),
    listen(win, 'online', handlers.onOnline),
  ];
  return () => stops.forEach((stop) => stop());
}
