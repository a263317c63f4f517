// Waits for an element: a MutationObserver on the document for speed, plus a slow poll for
// what it cannot see (open shadow roots, iframes). Bounded by `timeoutMs`; returns stop().
import type { Clock } from '../shared/clock';

export type WaitDeps = {
  clock: Clock;
  doc: Document;
  /** Give up after this long and call `onFound(null)`; Infinity waits for ever. */
  timeoutMs: number;
  /** @default 250 */
  pollMs?: number;
};

/**
 * Calls `onFound(element)` once `find()` returns one (at once if it already does), or
 * `onFound(null)` at the timeout.
 *
 * @example
 * const stop = waitFor(() => query(doc, '#save'), { clock, doc, timeoutMs: 5000 }, render);
 */
export function waitFor(
  find: () => Element | null,
  deps: WaitDeps,
  onFound: (element: Element | null) => void,
): () => void {
  const { clock, doc } = deps;
  let done = false;
  let poll: unknown;
  let timeout: unknown;
  let observer: MutationObserver | undefined;
  const stop = (): void => {
    done = true;
    observer?.disconnect();
    clock.clearTimeout(poll);
    clock.clearTimeout(timeout);
  };
  const finish = (element: Element | null): void => {
    stop();
    onFound(element);
  };
  const check = (): boolean => {
    const element = done ? null : find();
    if (element) finish(element);
    return !!element;
  };
  const tick = (): void => {
    if (!check() && !done) poll = clock.setTimeout(tick, deps.pollMs ?? 250);
  };
  if (check()) return stop;
  const Observer = doc.defaultView?.MutationObserver;
  if (Observer) {
    observer = new Observer(() => void check());
    observer.observe(doc, { childList: true, subtree: true, attributes: true });
  }
  poll = clock.setTimeout(tick, deps.pollMs ?? 250);
  if (deps.timeoutMs !== Infinity) timeout = clock.setTimeout(() => finish(null), deps.timeoutMs);
  return stop;
}
