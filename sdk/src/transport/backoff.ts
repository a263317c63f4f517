/** Retry delays: exponential backoff with full jitter, and the server's Retry-After. */

const BASE_MS = 1000;
const CAP_MS = 60_000;

/**
 * The delay before retry number `attempt` (0-based): uniform in [0, min(60 s, 1 s·2^attempt)].
 * Full jitter spreads the tabs of many users that all saw the same outage.
 *
 * @example
 * backoffDelay(3, Math.random); // somewhere in [0, 8000]
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempt));
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
