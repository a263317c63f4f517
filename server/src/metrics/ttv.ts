// Time-to-value over the cohort (METRICS.md ttv): nearest-rank median and p90 over users who
// reached value by asOf, and the Kaplan–Meier median with the others censored at asOf.
import { kaplanMeier, kaplanMeierMedian, type Observation } from '../stats/kaplan-meier';
import { nearestRank } from '../stats/percentile';
import { jsonRows } from '../db/json-rows';
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
  const rows = await jsonRows<[number, 0 | 1]>(
    scope.db,
    cohortSql(scope, 'value_at'),
    ['CASE WHEN value_at <= :asOf THEN max(0, value_at - start) ELSE max(0, :asOf - start) END', 'value_at <= :asOf'],
    scopeArgs(scope),
  );
  return rows.map(([time, reached]) => ({ time, reached: reached === 1 }));
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
