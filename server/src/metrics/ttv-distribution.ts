// GET /v1/metrics/ttv/distribution: how reached time-to-value spreads, as histogram bins over the
// same cohort and the same reached times as `ttv` (ttv.ts): only users with valueAt ≤ asOf.
import { DAY_MS, HOUR_MS } from '../time';
import { ttvTimesUnsorted } from './ttv';
import type { Scope } from './scope';

/** Bin edges in ms: people think of TTV in minutes, hours, days, weeks — so do the bins. */
export const TTV_BIN_EDGES: readonly number[] = [0, HOUR_MS, 6 * HOUR_MS, DAY_MS, 2 * DAY_MS, 3 * DAY_MS, 7 * DAY_MS, 14 * DAY_MS, 30 * DAY_MS];

export type TtvBin = { fromMs: number; toMs: number | null; users: number };

/** Counts reached TTVs into [edge_i, edge_{i+1}); the last bin is open-ended (toMs null). */
export function binTtvs(ttvs: Iterable<number>, edges: readonly number[] = TTV_BIN_EDGES): TtvBin[] {
  const bins: TtvBin[] = edges.map((fromMs, i) => ({ fromMs, toMs: edges[i + 1] ?? null, users: 0 }));
  for (const ttv of ttvs) {
    let i = bins.length - 1;
    while (i > 0 && ttv < bins[i]!.fromMs) i -= 1;
    bins[i]!.users += 1;
  }
  return bins;
}

export async function ttvDistribution(scope: Scope) {
  // Binning needs no order: the times as they come.
  const { reached, censored } = await ttvTimesUnsorted(scope);
  const note = scope.settings.valueEvent === null ? { note: 'No value event is set in /v1/settings (valueEvent): nobody can reach value.' } : {};
  return { users: reached.length + censored.length, reached: reached.length, ...note, bins: binTtvs(reached) };
}
