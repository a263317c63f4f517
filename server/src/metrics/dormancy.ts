// Active, dormant and reactivated users (METRICS.md dormancy): every user with activity by asOf,
// not a cohort. Index range counts on last activity; users last active after asOf were dormant at
// asOf exactly when their first activity after it was a return from before the threshold began.
// Reactivated users are counted from each user's latest return (users.last_return_at): those whose
// latest return falls in the window, and those whose latest return came later but who also
// returned in it.
import { isReturn } from '../rollups/sql';
import { DAY_MS } from '../time';
import { scopeArgs, segmentUsersSql, type Scope } from './scope';

/**
 * Users who returned after the window are looked up in their activity days one by one up to this
 * many (a window ending now has none); beyond it, counting the distinct users of the window's
 * return days is cheaper.
 */
const LATER_RETURNERS_LOOKED_UP = 5_000;

const USERS = 'FROM users u WHERE u.workspace_id = :ws AND u.is_anonymous = 0';

/**
 * The users last active after asOf who were dormant at asOf, one row each: the first day after
 * asOf, a return whose previous activity was at or before the threshold began. A user active in
 * the threshold has no such day (every day after asOf follows that activity), and a day that began
 * by asOf is not after it. The gap is at least a day, so the partial index on returns holds them.
 */
const CROSSING_RETURNS = `FROM user_activity_days d WHERE d.workspace_id = :ws AND d.gap_before >= ${DAY_MS}
  AND d.first_at > :asOf AND d.first_at - d.gap_before <= :dormantBefore`;

/** A return at a time in [:from, :returnsTo), where returnsTo = min(to, asOf + 1): in the window and by asOf. */
const RETURN_DAYS = `d.workspace_id = :ws AND ${isReturn('d', ':gap')} AND d.first_at >= :from AND d.first_at < :returnsTo`;

/**
 * User `u` returned in the window: the same test on their own days, by primary key. Written without
 * isReturn's literal term, which would let the planner walk the window's return days instead, for
 * every user; the day range is a day wider on each side, as numbers arrive as reals and a bound of
 * 20500.2 would leave out day 20500.
 */
const returnedInWindow = (u: string) => `EXISTS (
  SELECT 1 FROM user_activity_days d
  WHERE d.workspace_id = :ws AND d.user_id = ${u}.id
    AND d.day BETWEEN CAST(:from AS INTEGER) / ${DAY_MS} - 1 AND CAST(:returnsTo AS INTEGER) / ${DAY_MS} + 1
    AND d.gap_before >= max(${DAY_MS}, :gap) AND d.first_at >= :from AND d.first_at < :returnsTo)`;

/** The segment's users with their first and last activity and latest return (the index of each account's users carries them). */
const SEGMENT_USERS = segmentUsersSql(
  'users_account',
  'u.id, u.key, u.first_activity_at AS first, u.last_activity_at AS last, u.last_return_at AS returned',
  'AND u.last_activity_at IS NOT NULL',
);

/** `AND …` keeping activity days d of the segment's users (by their integer key). */
const SEGMENT_DAYS = `AND d.user_key IN (SELECT s.key FROM (${SEGMENT_USERS}) s)`;

/** How many of `users` there are, counted up to one past LATER_RETURNERS_LOOKED_UP. */
const countUpToLimit = (users: string) => `SELECT count(*) AS later_returners FROM (${users} LIMIT ${LATER_RETURNERS_LOOKED_UP + 1})`;

/** While a rebuild runs, latest returns may follow an older threshold. */
const REBUILDING = 'SELECT count(*) AS rebuilding FROM user_rebuilds WHERE workspace_id = :ws AND finished_at IS NULL';

export async function dormancy(scope: Scope) {
  const gap = scope.settings.dormantAfterDays * DAY_MS;
  const { to, asOf } = scope.query;
  const args = scopeArgs(scope, { dormantBefore: asOf - gap, gap, returnsTo: Math.min(to, Math.floor(asOf) + 1) });
  // Users whose latest return is at or after the window's end: they may have returned in it too.
  const laterReturners =
    scope.accounts === null
      ? `SELECT u.id ${USERS} AND u.last_return_at >= :returnsTo`
      : `SELECT s.id FROM (${SEGMENT_USERS}) s WHERE s.returned >= :returnsTo`;
  const statements =
    scope.accounts === null
      ? [
          `SELECT count(*) AS dormant ${USERS} AND u.last_activity_at <= :dormantBefore`,
          `SELECT count(*) AS active ${USERS} AND u.last_activity_at > :dormantBefore AND u.last_activity_at <= :asOf`,
          `SELECT count(*) AS later ${USERS} AND u.last_activity_at > :asOf AND u.first_activity_at <= :asOf`,
          `SELECT count(*) AS later_dormant ${CROSSING_RETURNS}`,
          `SELECT count(*) AS returned ${USERS} AND u.last_return_at >= :from AND u.last_return_at < :returnsTo`,
        ]
      : [
          `SELECT count(*) FILTER (WHERE s.last <= :dormantBefore) AS dormant,
             count(*) FILTER (WHERE s.last > :dormantBefore AND s.last <= :asOf) AS active,
             count(*) FILTER (WHERE s.last > :asOf AND s.first <= :asOf) AS later,
             count(*) FILTER (WHERE s.returned >= :from AND s.returned < :returnsTo) AS returned
           FROM (${SEGMENT_USERS}) s`,
          `SELECT count(*) AS later_dormant ${CROSSING_RETURNS} ${SEGMENT_DAYS}`,
        ];
  const results = await scope.db.batch([...statements, countUpToLimit(laterReturners), REBUILDING].map((sql) => ({ sql, args })), 'read');
  const row = Object.assign({}, ...results.map((r) => r.rows[0])) as Record<string, unknown>;
  const n = (column: string) => Number(row[column]);
  let reactivated = n('returned');
  if (n('rebuilding') > 0 || n('later_returners') > LATER_RETURNERS_LOOKED_UP) reactivated = await distinctReturners(scope, args);
  else if (n('later_returners') > 0) reactivated += await count(scope, `SELECT count(*) AS n FROM (${laterReturners}) l WHERE ${returnedInWindow('l')}`, args);
  return { active: n('active') + n('later') - n('later_dormant'), dormant: n('dormant') + n('later_dormant'), reactivated };
}

async function count(scope: Scope, sql: string, args: ReturnType<typeof scopeArgs>): Promise<number> {
  return Number((await scope.db.execute({ sql, args })).rows[0]?.n);
}

/** Users with a return in the window, as the distinct users of its return days (activity days are kept for identified users only). */
function distinctReturners(scope: Scope, args: ReturnType<typeof scopeArgs>): Promise<number> {
  const inSegment = scope.accounts === null ? '' : SEGMENT_DAYS;
  return count(scope, `SELECT count(DISTINCT d.user_key) AS n FROM user_activity_days d WHERE ${RETURN_DAYS} ${inSegment}`, args);
}
