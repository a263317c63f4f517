// Weekly retention by start-week cohort (METRICS.md retention).
import { DAY_MS, WEEK_MS } from '../time';
import { START_AT, STARTED_ELSEWHERE } from '../rollups/at';
import { bitCounts, parseJoinedIntegers } from '../stats/joined-integers';
import { cohortParts, scopeArgs, type Scope } from './scope';

/** The Monday 00:00 UTC at or before t, as epoch ms (day 0, 1970-01-01, was a Thursday). */
const mondayOf = (t: number) => {
  const day = Math.floor(t / DAY_MS);
  return (day - ((day + 3) % 7)) * DAY_MS;
};

/** Weeks a statement asks for: SQLite allows 500 terms in one compound SELECT. */
const WEEKS_PER_STATEMENT = 100;

/**
 * The first and last start any cohort user can have in [from, to): the start index's ends, and
 * those of the few users whose start at asOf is not the stored one. A window reaching back to
 * 1970 then asks only for the weeks that have users.
 */
async function startBounds(scope: Scope): Promise<{ first: number; last: number } | null> {
  const users = 'FROM users u WHERE u.workspace_id = :ws AND u.is_anonymous = 0';
  const result = await scope.db.execute({
    sql: `SELECT min(first) AS first, max(last) AS last FROM (
            SELECT (SELECT min(u.start_at) ${users} AND u.start_at >= :from AND u.start_at < :to) AS first,
                   (SELECT max(u.start_at) ${users} AND u.start_at >= :from AND u.start_at < :to) AS last
            UNION ALL
            SELECT min(s), max(s) FROM (SELECT ${START_AT} AS s FROM ${STARTED_ELSEWHERE.from} WHERE ${STARTED_ELSEWHERE.where}) WHERE s >= :from AND s < :to)`,
    args: scopeArgs(scope),
  });
  const row = result.rows[0];
  return row?.first === null || row?.first === undefined ? null : { first: Number(row.first), last: Number(row.last) };
}

export async function retention(scope: Scope) {
  const { weeks } = scope.query;
  const bounds = await startBounds(scope);
  if (bounds === null) return { weeks, cohorts: [] };
  // Each member's weeks 0 … weeks − 1 as one integer, joined: counted here bit by bit. A sum() per
  // week in SQL evaluated `weeks` expressions for every member (~190 ms at 714k members, this ~110).
  const bits = `group_concat(retained_weeks & ${2 ** weeks - 1}) AS bits`;
  // One range of the start index per cohort week: the weeks come out grouped, where a GROUP BY on
  // the week would sort every cohort user first (a third of the time at 700k users).
  const mondays: number[] = [];
  for (let monday = mondayOf(bounds.first); monday <= bounds.last; monday += WEEK_MS) mondays.push(monday);
  // The cohort's users read apart are found once a statement, not once a week: at a past asOf,
  // finding them reads the index entries of everyone whose createdAt or account came later.
  const [, ...apart] = cohortParts(scope, 'retained_weeks');
  const week = (monday: number) => {
    const starts = { from: `max(:from, ${monday})`, to: `min(:to, ${monday + WEEK_MS})` };
    const [stored] = cohortParts(scope, 'retained_weeks', starts);
    return `SELECT ${monday} AS monday, count(*) AS size, max(start) AS last_start, ${bits} FROM (${stored}
      UNION ALL SELECT start, retained_weeks FROM apart WHERE start >= ${starts.from} AND start < ${starts.to})`;
  };
  const statements = [];
  for (let i = 0; i < mondays.length; i += WEEKS_PER_STATEMENT) {
    const weeks = mondays.slice(i, i + WEEKS_PER_STATEMENT).map(week).join('\nUNION ALL\n');
    statements.push({ sql: `WITH apart AS MATERIALIZED (${apart.join('\nUNION ALL\n')})\n${weeks}`, args: scopeArgs(scope) });
  }
  const rows = (await scope.db.batch(statements, 'read')).flatMap((r) => r.rows);
  const cohorts = rows.filter((r) => Number(r.size) > 0).map((r) => {
    const size = Number(r.size);
    const counts = bitCounts(parseJoinedIntegers(String(r.bits), size), weeks);
    // Week k counts once it has ended for every member, i.e. for the latest start.
    const ended = (k: number) => Number(r.last_start) + (k + 1) * WEEK_MS <= scope.query.asOf;
    const retained = counts.map((n, k) => (ended(k) ? n : null));
    return {
      week: new Date(Number(r.monday)).toISOString().slice(0, 10),
      size,
      retained,
      rates: retained.map((n) => (n === null ? null : n / size)),
    };
  });
  return { weeks, cohorts };
}
