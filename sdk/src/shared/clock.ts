/** Time and timers, injected so tests control them instead of sleeping. */
export type Clock = {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

/**
 * The real clock. Globals are looked up on each call, so vitest's fake timers apply.
 *
 * @example
 * const clock = createClock();
 * clock.setTimeout(() => flush(), 1000);
 */
export function createClock(): Clock {
  return {
    now: () => Date.now(),
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}
