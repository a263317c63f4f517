// Kaplan–Meier survival of "not yet reached", with right-censoring (METRICS.md ttv kmMedianMs).
// Observations travel as two ascending Float64Arrays, the times of those who reached and of those
// censored: a cohort of hundreds of thousands sorts as numbers rather than as objects, and the
// curve is walked once, in a loop with no object and no call per step.

export type Observation = { time: number; reached: boolean };
export type SurvivalPoint = { time: number; survival: number; atRisk: number };
/** A cohort's observed times, each array ascending. */
export type SurvivalTimes = { reached: Float64Array; censored: Float64Array };
/** The curve at each distinct reached time: survival just after it, the number at risk just before. */
export type SurvivalSteps = { time: Float64Array; survival: Float64Array; atRisk: Float64Array };

/** Survival at or below this is "0.5 or below": a product of ratios can land a hair above 0.5. */
export const KM_MEDIAN_SURVIVAL = 0.5 + 1e-12;

/** The times of `observations`, split by outcome and sorted (for small sets: flows, tests). */
export function survivalTimes(observations: readonly Observation[]): SurvivalTimes {
  const times = (reached: boolean) => Float64Array.from(observations.filter((o) => o.reached === reached), (o) => o.time).sort();
  return { reached: times(true), censored: times(false) };
}

/**
 * The steps of the curve. At equal times reached users count before censored ones (the usual
 * convention): those censored at a reached time are still at risk at it.
 */
export function survivalSteps({ reached, censored }: SurvivalTimes): SurvivalSteps {
  const time = new Float64Array(reached.length);
  const survival = new Float64Array(reached.length);
  const atRisk = new Float64Array(reached.length);
  let risk = reached.length + censored.length;
  let s = 1;
  let steps = 0;
  let c = 0;
  for (let i = 0; i < reached.length; ) {
    const t = reached[i]!;
    for (; c < censored.length && censored[c]! < t; c += 1) risk -= 1;
    let events = 0;
    for (; i < reached.length && reached[i] === t; i += 1) events += 1;
    s *= 1 - events / risk;
    time[steps] = t;
    survival[steps] = s;
    atRisk[steps] = risk;
    steps += 1;
    risk -= events;
  }
  return { time: time.subarray(0, steps), survival: survival.subarray(0, steps), atRisk: atRisk.subarray(0, steps) };
}

/** The smallest reached time at which survival drops to 0.5 or below; null if it never does. */
export function medianOfSteps(steps: SurvivalSteps): number | null {
  for (let i = 0; i < steps.time.length; i += 1) if (steps.survival[i]! <= KM_MEDIAN_SURVIVAL) return steps.time[i]!;
  return null;
}

/** Step `i` of the curve as a point. */
export const pointOf = (steps: SurvivalSteps, i: number): SurvivalPoint => ({ time: steps.time[i]!, survival: steps.survival[i]!, atRisk: steps.atRisk[i]! });

export function kaplanMeier(observations: readonly Observation[]): SurvivalPoint[] {
  const steps = survivalSteps(survivalTimes(observations));
  return Array.from(steps.time, (_, i) => pointOf(steps, i));
}

export const kaplanMeierMedian = (observations: readonly Observation[]) => medianOfSteps(survivalSteps(survivalTimes(observations)));
