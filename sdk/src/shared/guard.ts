/**
 * Wraps `fn` so it never throws: errors go to `onError` and the call returns `fallback`.
 * Used at every boundary the host page can reach (public methods, listeners, timers).
 *
 * @example
 * const track = guard((event: string) => send(event), undefined, (e) => log.warn('track failed', e));
 */
export function guard<A extends unknown[], R>(
  fn: (...args: A) => R,
  fallback: R,
  onError: (error: unknown) => void,
): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      try {
        onError(error);
      } catch {
        // The error reporter itself failed; there is nowhere left to report to.
      }
      return fallback;
    }
  };
}
