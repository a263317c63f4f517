// Time-to-value over the cohort (METRICS.md ttv): nearest-rank median and p90 over users who
// reached value by asOf, and the Kaplan–Meier median with the others censored at asOf.
import { kaplanMeier, kaplanMeierMedian, type Observation } from '../stats/kaplan-meier';
import { nearestRank } from '../stats/percentile';
import { cohortSql, scopeArgs, type Scope } from './scope';

export type TtvResult = {
  users: number;
  reached: number;
  reachedShare: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  kmMedianMs: number | null;
};

/** One observation per cohort user: TTV if reached by asOf, else censored at max(0, asOf − start). */
export async function ttvObservations(scope: Scope): Promise<Observation[]> {
  const result = await scope.db.execute({ sql: cohortSql(scope, 'value_at'), args: scopeArgs(scope) });
  const { asOf } = scope.query;
  return result.rows.map((r) => {
    const start = Number(r.start);
    const value = r.value_at === null ? null : Number(r.value_at);
    return value !== null && value <= asOf
      ? { time: Math.max(0, value - start), reached: true }
      : { time: Math.max(0, asOf - start), reached: false };
  });
}

export function summarizeTtv(observations: readonly Observation[]): TtvResult {
  const reached = observations.filter((o) => o.reached).map((o) => o.time).sort((a, b) => a - b);
  return {
    users: observations.length,
    reached: reached.length,
    reachedShare: observations.length === 0 ? null : reached.length / observations.length,
    medianMs: nearestRank(reached, 0.5),
    p90Ms: nearestRank(reached, 0.9),
    kmMedianMs: kaplanMeierMedian(observations),
  };
}

export async function ttv(scope: Scope) {
  const note = scope.settings.valueEvent === null ? { note: 'No value event is set in /v1/settings (valueEvent): nobody can reach value.' } : {};
  const observations = await ttvObservations(scope);
  // The curve for charts: one point per reached time, at most ~200 points.
  const curve = kaplanMeier(observations);
  const step = Math.max(1, Math.ceil(curve.length / 200));
  return { ...summarizeTtv(observations), ...note, curve: curve.filter((_, i) => i % step === 0 || i === curve.length - 1) };
}
