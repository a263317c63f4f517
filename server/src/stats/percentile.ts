// Nearest-rank percentile (METRICS.md ttv): rank = ceil(p·n), 1-based, over values sorted ascending.

/** The p-th percentile (0 < p ≤ 1) of ascending `sorted`; null when empty. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}
