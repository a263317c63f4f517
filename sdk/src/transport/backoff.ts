/** Retry delays: exponential backoff with full jitter, and the server's Retry-After. */

/** @default base 1 s, cap 60 s */
export type BackoffOptions = { baseMs?: number; capMs?: number };

/**
 * The delay before retry number `attempt` (0-based): uniform in [0, min(cap, base·2^attempt)].
 * Full jitter spreads the tabs of many users that all saw the same outage.
 *
 * @example
 * backoffDelay(3, Math.random); // somewhere in [0, 8000]
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = {},
): number {
  const { baseMs = 1000, capMs = 60_000 } = options;
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * A Retry-After header (seconds or an HTTP date) in milliseconds from `now`, or undefined.
 *
 * @example
 * parseRetryAfter('5', Date.now()); // 5000
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
