// Requests per second per key on this server (ONWARD_INGEST_RATE_LIMIT), as a token bucket.

export type RateLimiter = {
  /** Takes one request; returns null when allowed, else the seconds to wait. */
  take: (key: string) => number | null;
};

export function createRateLimiter(perSecond: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      if (perSecond <= 0) return null;
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: perSecond, at: t };
      // Refill for the time passed, up to one second's worth (the burst).
      bucket.tokens = Math.min(perSecond, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
    },
  };
}
