// Async results kept a short while under a key: asks within the lifetime share one computation
// (concurrent ones included), and a failure is forgotten at once. The staleness is bounded by the
// lifetime, as everywhere a server caches what another server may change (ARCHITECTURE.md).

export type Memo<T> = (key: string, compute: () => Promise<T>) => Promise<T>;

export function createMemo<T>({ ttlMs, maxEntries, now }: { ttlMs: number; maxEntries: number; now: () => number }): Memo<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return (key, compute) => {
    const hit = entries.get(key);
    if (hit !== undefined && now() - hit.at < ttlMs) return hit.value;
    for (const [k, e] of entries) if (now() - e.at >= ttlMs || entries.size >= maxEntries) entries.delete(k);
    const value = compute();
    value.catch(() => entries.delete(key));
    entries.set(key, { at: now(), value });
    return value;
  };
}
