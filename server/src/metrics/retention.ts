// Weekly retention by start-week cohort (METRICS.md retention).
import { DAY_MS, WEEK_MS } from '../rollups/sql';
import { cohortSql, scopeArgs, type Scope } from './scope';

/** The Monday 00:00 UTC at or before t, as epoch ms (day 0, 1970-01-01, was a Thursday). */
const mondayOf = (t: number) => {
  const day = Math.floor(t / DAY_MS);
  return (day - ((day + 3) % 7)) * DAY_MS;
};

export async function retention(scope: Scope) {
  const { weeks, from, to } = scope.query;
  const counts = Array.from({ length: weeks }, (_, k) => `sum((retained_weeks >> ${k}) & 1) AS w${k}`).join(', ');
  // One range of the start index per cohort week: the weeks come out grouped, where a GROUP BY on
  // the week would sort every cohort user first (a third of the time at 700k users).
  const mondays: number[] = [];
  for (let monday = mondayOf(from); monday < to; monday += WEEK_MS) mondays.push(monday);
  if (mondays.length === 0) return { weeks, cohorts: [] };
  const result = await scope.db.execute({
    sql: mondays
      .map((monday) => {
        const starts = { from: `max(:from, ${monday})`, to: `min(:to, ${monday + WEEK_MS})` };
        return `SELECT ${monday} AS monday, count(*) AS size, max(start) AS last_start, ${counts} FROM (${cohortSql(scope, 'retained_weeks', starts)})`;
      })
      .join('\nUNION ALL\n'),
    args: scopeArgs(scope),
  });
  const cohorts = result.rows.filter((r) => Number(r.size) > 0).map((r) => {
    const size = Number(r.size);
    // Week k counts once it has ended for every member, i.e. for the latest start.
    const ended = (k: number) => Number(r.last_start) + (k + 1) * WEEK_MS <= scope.query.asOf;
    const retained = Array.from({ length: weeks }, (_, k) => (ended(k) ? Number(r[`w${k}`]) : null));
    return {
      week: new Date(Number(r.monday)).toISOString().slice(0, 10),
      size,
      retained,
      rates: retained.map((n) => (n === null ? null : n / size)),
    };
  });
  return { weeks, cohorts };
}
