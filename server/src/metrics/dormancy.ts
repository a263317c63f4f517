// Active, dormant and reactivated users (METRICS.md dormancy): every user with activity by asOf,
// not a cohort. Index range counts on last activity; only users active after asOf need their
// activity days to know whether they were active in the threshold before asOf.
import { DAY_MS } from '../rollups/sql';
import { scopeArgs, segmentFilter, type Scope } from './scope';

const USERS = 'FROM users u WHERE u.workspace_id = :ws AND u.is_anonymous = 0';
/** Some activity in (:dormantBefore, :asOf]; exact from first/last per day as the window spans ≥ 1 day. */
const ACTIVE_BETWEEN = `EXISTS (
  SELECT 1 FROM user_activity_days d
  WHERE d.workspace_id = u.workspace_id AND d.user_id = u.id AND d.day BETWEEN :dormantBefore / ${DAY_MS} AND :asOf / ${DAY_MS}
    AND d.first_at <= :asOf AND d.last_at > :dormantBefore)`;

export async function dormancy(scope: Scope) {
  const gap = scope.settings.dormantAfterDays * DAY_MS;
  const args = scopeArgs(scope, { dormantBefore: scope.query.asOf - gap, gap });
  const segment = segmentFilter(scope);
  const [dormant, active, later, reactivated] = await scope.db.batch(
    [
      { sql: `SELECT count(*) AS n ${USERS} AND u.last_activity_at <= :dormantBefore ${segment}`, args },
      { sql: `SELECT count(*) AS n ${USERS} AND u.last_activity_at > :dormantBefore AND u.last_activity_at <= :asOf ${segment}`, args },
      {
        sql: `SELECT count(*) AS n, coalesce(sum(${ACTIVE_BETWEEN}), 0) AS active
              ${USERS} AND u.last_activity_at > :asOf AND u.first_activity_at <= :asOf ${segment}`,
        args,
      },
      {
        // A return: the first activity of a day whose previous activity is at least the threshold before.
        // Activity days are kept for identified users only; the users row is read for a segment alone.
        sql: `SELECT count(DISTINCT d.user_id) AS n FROM user_activity_days d
              ${segment === '' ? '' : 'JOIN users u ON u.workspace_id = d.workspace_id AND u.id = d.user_id'}
              WHERE d.workspace_id = :ws AND d.gap_before >= 86400000 AND d.gap_before >= :gap
                AND d.first_at >= :from AND d.first_at < :to AND d.first_at <= :asOf ${segment}`,
        args,
      },
    ],
    'read',
  );
  const n = (r: typeof dormant, column = 'n') => Number(r!.rows[0]![column]);
  const laterActive = n(later, 'active');
  return {
    active: n(active) + laterActive,
    dormant: n(dormant) + n(later) - laterActive,
    reactivated: n(reactivated),
  };
}
