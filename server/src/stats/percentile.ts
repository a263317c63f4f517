// Nearest-rank percentile (METRICS.md ttv): rank = ceil(p·n), 1-based, over values sorted ascending.

/** The 1-based nearest rank of the p-th percentile (0 < p ≤ 1) among n values. */
export const nearestRankOf = (n: number, p: number): number => Math.max(1, Math.ceil(p * n));

/** The p-th percentile (0 < p ≤ 1) of ascending `sorted`; null when empty. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[nearestRankOf(sorted.length, p) - 1] ?? null;
}
