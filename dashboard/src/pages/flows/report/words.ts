// Differences of proportions in points, the way the API's summary says them: 0.083 → "+8.3".
export function signedPoints(difference: number): string {
  const value = Math.round(Math.abs(difference) * 1000) / 10;
  return `${value === 0 ? '' : difference > 0 ? '+' : '−'}${value}`;
}
