// Active, dormant and reactivated users (METRICS.md dormancy): every user with activity by asOf,
// not a cohort. Index range counts on last activity; only users active after asOf need their
// activity days to know whether they were active in the threshold before asOf.
import { isReturn } from '../rollups/sql';
import { DAY_MS } from '../time';
import { scopeArgs, segmentUsersSql, type Scope } from './scope';

const USERS = 'FROM users u WHERE u.workspace_id = :ws AND u.is_anonymous = 0';
/**
 * Some activity in (:dormantBefore, :asOf]; exact from first/last per day as the window spans ≥ 1
 * day. The day range only narrows the search, a day wider on each side: numbers arrive as reals,
 * and a bound of 20500.2 would leave out day 20500 and its activity after the threshold began.
 */
const ACTIVE_BETWEEN = `EXISTS (
  SELECT 1 FROM user_activity_days d
  WHERE d.workspace_id = u.workspace_id AND d.user_id = u.id
    AND d.day BETWEEN CAST(:dormantBefore AS INTEGER) / ${DAY_MS} - 1 AND CAST(:asOf AS INTEGER) / ${DAY_MS} + 1
    AND d.first_at <= :asOf AND d.last_at > :dormantBefore)`;

/** The segment's users with their last activity (the index of each account's users carries it). */
const SEGMENT_USERS = segmentUsersSql('users_account', 'u.id, u.key, u.last_activity_at AS last', 'AND u.last_activity_at IS NOT NULL');

/** Users last active after asOf: how many had activity by asOf, and how many of those in the threshold before it. */
const LATER = `count(*) FILTER (WHERE u.first_activity_at <= :asOf) AS later,
  count(*) FILTER (WHERE u.first_activity_at <= :asOf AND ${ACTIVE_BETWEEN}) AS later_active`;

/** A return: the first activity of a day whose previous activity is at least the threshold before. */
const RETURN_DAYS = `d.workspace_id = :ws AND ${isReturn('d', ':gap')}
  AND d.first_at >= :from AND d.first_at < :to AND d.first_at <= :asOf`;

export async function dormancy(scope: Scope) {
  const gap = scope.settings.dormantAfterDays * DAY_MS;
  const args = scopeArgs(scope, { dormantBefore: scope.query.asOf - gap, gap });
  const statements =
    scope.accounts === null
      ? [
          `SELECT count(*) AS dormant ${USERS} AND u.last_activity_at <= :dormantBefore`,
          `SELECT count(*) AS active ${USERS} AND u.last_activity_at > :dormantBefore AND u.last_activity_at <= :asOf`,
          `SELECT ${LATER} ${USERS} AND u.last_activity_at > :asOf`,
          // Activity days are kept for identified users only; distinct keys are integers, not text ids.
          `SELECT count(DISTINCT d.user_key) AS reactivated FROM user_activity_days d WHERE ${RETURN_DAYS}`,
        ]
      : [
          `SELECT count(*) FILTER (WHERE s.last <= :dormantBefore) AS dormant,
             count(*) FILTER (WHERE s.last > :dormantBefore AND s.last <= :asOf) AS active FROM (${SEGMENT_USERS}) s`,
          `SELECT ${LATER} FROM (${SEGMENT_USERS}) s JOIN users u ON u.workspace_id = :ws AND u.id = s.id WHERE s.last > :asOf`,
          // Against the set of the segment's users: no lookup in users for each return day.
          `SELECT count(DISTINCT d.user_key) AS reactivated FROM user_activity_days d
             WHERE ${RETURN_DAYS} AND d.user_key IN (SELECT s.key FROM (${SEGMENT_USERS}) s)`,
        ];
  const results = await scope.db.batch(statements.map((sql) => ({ sql, args })), 'read');
  const row = Object.assign({}, ...results.map((r) => r.rows[0])) as Record<string, unknown>;
  const n = (column: string) => Number(row[column]);
  return {
    active: n('active') + n('later_active'),
    dormant: n('dormant') + n('later') - n('later_active'),
    reactivated: n('reactivated'),
  };
}
