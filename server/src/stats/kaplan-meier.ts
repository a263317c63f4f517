// Kaplan–Meier survival of "not yet reached", with right-censoring (METRICS.md ttv kmMedianMs).
// Observations travel as sort keys, 2·time + (censored ? 1 : 0): a plain numeric sort then puts
// them in time order with reached before censored at equal times (the usual convention), and a
// cohort of hundreds of thousands sorts as one Float64Array instead of as objects.

export type Observation = { time: number; reached: boolean };
export type SurvivalPoint = { time: number; survival: number; atRisk: number };

export const observationKey = (time: number, reached: boolean) => 2 * time + (reached ? 0 : 1);

/** Keys of `observations`, sorted. */
export function sortedKeys(observations: readonly Observation[]): Float64Array {
  return Float64Array.from(observations, (o) => observationKey(o.time, o.reached)).sort();
}

/** The survival curve's steps at each reached time, from sorted keys. */
export function kaplanMeierOfKeys(keys: Float64Array): SurvivalPoint[] {
  const points: SurvivalPoint[] = [];
  let atRisk = keys.length;
  let survival = 1;
  let i = 0;
  while (i < keys.length) {
    const time = Math.floor(keys[i]! / 2);
    let reached = 0;
    let leaving = 0;
    for (; i < keys.length && Math.floor(keys[i]! / 2) === time; i += 1) {
      if (keys[i]! % 2 === 0) reached += 1;
      leaving += 1;
    }
    if (reached > 0) {
      survival *= 1 - reached / atRisk;
      points.push({ time, survival, atRisk });
    }
    atRisk -= leaving;
  }
  return points;
}

export const kaplanMeier = (observations: readonly Observation[]) => kaplanMeierOfKeys(sortedKeys(observations));

/** The smallest reached time at which survival drops to 0.5 or below; null if it never does. */
export function kaplanMeierMedianOfKeys(keys: Float64Array): number | null {
  return kaplanMeierOfKeys(keys).find((p) => p.survival <= 0.5 + 1e-12)?.time ?? null;
}

export const kaplanMeierMedian = (observations: readonly Observation[]) => kaplanMeierMedianOfKeys(sortedKeys(observations));
