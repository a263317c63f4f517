// Two-proportion comparisons for flow reports (METRICS.md "Flows"): rates and the Wald interval
// of their difference.

/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
export const Z95 = 1.959963984540054;

export type Interval = [number, number];

/** successes / n, or null when n is 0. */
export const rate = (successes: number, n: number): number | null => (n === 0 ? null : successes / n);

/**
 * p1 − p2 with the Wald interval (p1 − p2) ± z·√(p1(1−p1)/n1 + p2(1−p2)/n2); null when a group is
 * empty. The interval is the textbook one, unclipped: callers guard small counts (see verdicts).
 */
export function waldDifference(x1: number, n1: number, x2: number, n2: number, z = Z95): { difference: number; ci95: Interval } | null {
  if (n1 === 0 || n2 === 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p1 - p2;
  const half = z * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { difference, ci95: [difference - half, difference + half] };
}
