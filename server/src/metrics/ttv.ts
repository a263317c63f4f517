// Time-to-value over the cohort (METRICS.md ttv): nearest-rank median and p90 over users who
// reached value by asOf, and the Kaplan–Meier median with the others censored at asOf.
import { isReachedKey, kaplanMeierMedianOfKeys, sampledCurve } from '../stats/kaplan-meier';
import { nearestRankOf } from '../stats/percentile';
import { parseJoinedIntegers } from '../stats/joined-integers';
import { sortIntegers } from '../stats/sort-integers';
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
    // Integers (parseJoinedIntegers reads digits only): arguments may arrive as reals.
    sql: `SELECT count(*) AS n, group_concat(CAST(CASE WHEN value_at <= :asOf THEN 2 * max(0, value_at - start) ELSE 2 * max(0, :asOf - start) + 1 END AS INTEGER)) AS keys
          FROM (${cohortSql(scope, 'value_at')})`,
    args: scopeArgs(scope),
  });
  const row = result.rows[0];
  if (row?.keys === null || row?.keys === undefined) return new Float64Array(0);
  return sortIntegers(parseJoinedIntegers(String(row.keys), Number(row.n)));
}

/** Nearest-rank percentiles of the reached TTVs (the even keys, in order), in one pass without copying them. */
function reachedPercentiles(keys: Float64Array, reached: number, ps: readonly number[]): (number | null)[] {
  const ranks = ps.map((p) => nearestRankOf(reached, p));
  const values: (number | null)[] = ps.map(() => null);
  if (reached === 0) return values;
  const last = Math.max(...ranks);
  let seen = 0;
  for (let i = 0; i < keys.length && seen < last; i += 1) {
    if (!isReachedKey(keys[i]!)) continue;
    seen += 1;
    for (let j = 0; j < ranks.length; j += 1) if (ranks[j] === seen) values[j] = keys[i]! / 2;
  }
  return values;
}

export function summarizeTtv(keys: Float64Array): TtvResult {
  let reached = 0;
  for (const key of keys) if (isReachedKey(key)) reached += 1;
  const [medianMs, p90Ms] = reachedPercentiles(keys, reached, [0.5, 0.9]) as [number | null, number | null];
  return {
    users: keys.length,
    reached,
    reachedShare: keys.length === 0 ? null : reached / keys.length,
    medianMs,
    p90Ms,
    kmMedianMs: kaplanMeierMedianOfKeys(keys),
  };
}

export async function ttv(scope: Scope) {
  const note = scope.settings.valueEvent === null ? { note: 'No value event is set in /v1/settings (valueEvent): nobody can reach value.' } : {};
  const keys = await ttvKeys(scope);
  // The curve for charts: at most ~200 of its steps.
  return { ...summarizeTtv(keys), ...note, curve: sampledCurve(keys, 200) };
}
