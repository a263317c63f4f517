// When to try a failed delivery again: exponential backoff with jitter, so receivers that come
// back after an outage are not hit by every queued delivery in the same second.

export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * Delay after the `attempt`-th failed attempt (1-based): base·2^(attempt−1), capped, then scaled by
 * a random factor in [0.5, 1) ("equal jitter": never shorter than half the nominal delay).
 * @example retryDelayMs(1, () => 0) // 15_000
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const nominal = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (0.5 + random() / 2));
}
