// Time-to-value over the cohort (METRICS.md ttv): nearest-rank median and p90 over users who
// reached value by asOf, and the Kaplan–Meier median with the others censored at asOf.
import { kaplanMeierOfKeys } from '../stats/kaplan-meier';
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

/**
 * One sorted observation key per cohort user (see stats/kaplan-meier): TTV when reached by asOf,
 * else censored at max(0, asOf − start). Sent as one comma-joined string: a cohort can hold
 * hundreds of thousands of users, and a row object each would cost more than the query.
 */
export async function ttvKeys(scope: Scope): Promise<Float64Array> {
  const result = await scope.db.execute({
    sql: `SELECT group_concat(CASE WHEN value_at <= :asOf THEN 2 * max(0, value_at - start) ELSE 2 * max(0, :asOf - start) + 1 END) AS keys
          FROM (${cohortSql(scope, 'value_at')})`,
    args: scopeArgs(scope),
  });
  const joined = result.rows[0]?.keys;
  if (joined === null || joined === undefined) return new Float64Array(0);
  return Float64Array.from(String(joined).split(','), Number).sort();
}

export function summarizeTtv(keys: Float64Array) {
  const reached = Array.from(keys.filter((k) => k % 2 === 0), (k) => k / 2);
  const curve = kaplanMeierOfKeys(keys);
  const result: TtvResult = {
    users: keys.length,
    reached: reached.length,
    reachedShare: keys.length === 0 ? null : reached.length / keys.length,
    medianMs: nearestRank(reached, 0.5),
    p90Ms: nearestRank(reached, 0.9),
    kmMedianMs: curve.find((p) => p.survival <= 0.5 + 1e-12)?.time ?? null,
  };
  return { result, curve };
}

export async function ttv(scope: Scope) {
  const note = scope.settings.valueEvent === null ? { note: 'No value event is set in /v1/settings (valueEvent): nobody can reach value.' } : {};
  const { result, curve } = summarizeTtv(await ttvKeys(scope));
  // The curve for charts: one point per reached time, at most ~200 points.
  const step = Math.max(1, Math.ceil(curve.length / 200));
  return { ...result, ...note, curve: curve.filter((_, i) => i % step === 0 || i === curve.length - 1) };
}
