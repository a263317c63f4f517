// Time-to-value over the cohort (METRICS.md ttv): nearest-rank median and p90 over users who
// reached value by asOf, and the Kaplan–Meier median with the others censored at asOf.
import { medianOfSteps, pointOf, survivalSteps, type SurvivalPoint, type SurvivalTimes } from '../stats/kaplan-meier';
import { nearestRankOf } from '../stats/percentile';
import { parseTwoKinds } from '../stats/joined-integers';
import { ascendingIntegers, sortIntegers } from '../stats/sort-integers';
import { cohortParts, scopeArgs, type Scope } from './scope';

export type TtvResult = {
  users: number;
  reached: number;
  reachedShare: number | null;
  medianMs: number | null;
  p90Ms: number | null;
  kmMedianMs: number | null;
};

/**
 * A cohort user's time: TTV when reached by asOf, else the censoring time max(0, asOf − start)
 * as its ones' complement (see parseTwoKinds), from integer-bound :asOf.
 */
const TIME = 'CASE WHEN value_at <= :asOf THEN max(0, value_at - start) ELSE ~max(0, :asOf - start) END';

/**
 * The cohort's reached and censored times, unsorted. They come as one comma-joined string per
 * part of the cohort, each aggregated straight off its index rather than over the parts' UNION
 * ALL, which passed every row through a co-routine first: a cohort can hold hundreds of thousands
 * of users, and a row object each would cost more than the query. One aggregate of both kinds
 * costs less than two (~100 ms for a 714k-user cohort, against ~115). The times are bound as
 * integers: JS numbers bind as reals, which made every time a real, written "42.0" unless cast
 * back.
 */
export async function ttvTimesUnsorted(scope: Scope): Promise<{ reached: Float64Array; censored: Float64Array }> {
  const parts = cohortParts(scope, 'value_at').map((part) => `SELECT count(*) AS n, group_concat(${TIME}) AS times FROM (${part})`);
  const { from, to, asOf } = scope.query;
  const result = await scope.db.execute({
    sql: `SELECT sum(n) AS n, group_concat(times) AS times FROM (${parts.join(' UNION ALL ')})`,
    args: scopeArgs(scope, { from: BigInt(from), to: BigInt(to), asOf: BigInt(asOf) }),
  });
  const row = result.rows[0];
  const { first, second } = parseTwoKinds(String(row?.times ?? ''), Number(row?.n ?? 0));
  return { reached: first, censored: second };
}

/**
 * The cohort's times, each sorted. The start index yields the censored times in descending order,
 * so only the reached ones need sorting (a segment's, read account by account, are sorted too).
 */
async function ttvTimes(scope: Scope): Promise<SurvivalTimes> {
  const { reached, censored } = await ttvTimesUnsorted(scope);
  return { reached: sortIntegers(reached), censored: ascendingIntegers(censored) };
}

/** Points of the survival curve a TTV answer carries for charts (about; see summarizeTtv). */
const CURVE_POINTS = 200;

/**
 * The figures and about `curvePoints` steps of the survival curve: the percentiles read off the
 * sorted reached times, the Kaplan–Meier median and the chart's steps (every k-th of n,
 * k = ceil(n / curvePoints), and the last) off the curve walked once.
 */
export function summarizeTtv(times: SurvivalTimes, curvePoints = CURVE_POINTS): TtvResult & { curve: SurvivalPoint[] } {
  const { reached } = times;
  const users = reached.length + times.censored.length;
  const percentile = (p: number) => (reached.length === 0 ? null : reached[nearestRankOf(reached.length, p) - 1]!);
  const steps = survivalSteps(times);
  const last = steps.time.length - 1;
  const every = Math.max(1, Math.ceil(steps.time.length / curvePoints));
  const curve: SurvivalPoint[] = [];
  for (let i = 0; i <= last; i += every) curve.push(pointOf(steps, i));
  if (last > 0 && last % every !== 0) curve.push(pointOf(steps, last));
  return {
    users,
    reached: reached.length,
    reachedShare: users === 0 ? null : reached.length / users,
    medianMs: percentile(0.5),
    p90Ms: percentile(0.9),
    kmMedianMs: medianOfSteps(steps),
    curve,
  };
}

export async function ttv(scope: Scope) {
  const note = scope.settings.valueEvent === null ? { note: 'No value event is set in /v1/settings (valueEvent): nobody can reach value.' } : {};
  return { ...summarizeTtv(await ttvTimes(scope)), ...note };
}
