// Kaplan–Meier survival of "not yet reached", with right-censoring (METRICS.md ttv kmMedianMs).

export type Observation = { time: number; reached: boolean };
export type SurvivalPoint = { time: number; survival: number; atRisk: number };

/**
 * The survival curve's steps at each reached time. At equal times reached users count before
 * censored ones: a user censored at t was still at risk at t.
 */
export function kaplanMeier(observations: readonly Observation[]): SurvivalPoint[] {
  const sorted = [...observations].sort((a, b) => a.time - b.time || Number(b.reached) - Number(a.reached));
  const points: SurvivalPoint[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let i = 0;
  while (i < sorted.length) {
    const time = sorted[i]!.time;
    let reached = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i]!.time === time) {
      if (sorted[i]!.reached) reached += 1;
      leaving += 1;
      i += 1;
    }
    if (reached > 0) {
      survival *= 1 - reached / atRisk;
      points.push({ time, survival, atRisk });
    }
    atRisk -= leaving;
  }
  return points;
}

/** The smallest reached time at which survival drops to 0.5 or below; null if it never does. */
export function kaplanMeierMedian(observations: readonly Observation[]): number | null {
  return kaplanMeier(observations).find((p) => p.survival <= 0.5 + 1e-12)?.time ?? null;
}
