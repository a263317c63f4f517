// The report's date range: the API default (since creation, at most 90 days), the last N days,
// or custom UTC days (`to` inclusive, so the query's end is the next midnight).
export type RangeChoice = { preset: 'default' | '7' | '30' | '90' | 'custom'; from?: string; to?: string };

const DAY = 86_400_000;

export function rangeQuery(range: RangeChoice, now: number): { from?: string; to?: string } {
  if (range.preset === 'default') return {};
  if (range.preset === 'custom') {
    const day = (d: string | undefined, plus = 0) => (d === undefined || d === '' ? undefined : new Date(Date.parse(`${d}T00:00:00Z`) + plus).toISOString());
    return { from: day(range.from), to: day(range.to, DAY) };
  }
  return { from: new Date(now - Number(range.preset) * DAY).toISOString() };
}
