// Weekly retention by start-week cohort (METRICS.md retention).
import { DAY_MS, WEEK_MS } from '../rollups/sql';
import { cohortSql, scopeArgs, type Scope } from './scope';

// Day 0 (1970-01-01) was a Thursday: (day + 3) % 7 is days since Monday.
const MONDAY = `(start / ${DAY_MS} - (start / ${DAY_MS} + 3) % 7)`;

export async function retention(scope: Scope) {
  const { weeks } = scope.query;
  const counts = Array.from({ length: weeks }, (_, k) => `sum((retained_weeks >> ${k}) & 1) AS w${k}`).join(', ');
  const result = await scope.db.execute({
    sql: `SELECT ${MONDAY} AS monday, count(*) AS size, max(start) AS last_start, ${counts}
          FROM (${cohortSql(scope, 'retained_weeks')}) GROUP BY monday ORDER BY monday`,
    args: scopeArgs(scope),
  });
  const cohorts = result.rows.map((r) => {
    const size = Number(r.size);
    // Week k counts once it has ended for every member, i.e. for the latest start.
    const ended = (k: number) => Number(r.last_start) + (k + 1) * WEEK_MS <= scope.query.asOf;
    const retained = Array.from({ length: weeks }, (_, k) => (ended(k) ? Number(r[`w${k}`]) : null));
    return {
      week: new Date(Number(r.monday) * DAY_MS).toISOString().slice(0, 10),
      size,
      retained,
      rates: retained.map((n) => (n === null ? null : n / size)),
    };
  });
  return { weeks, cohorts };
}
