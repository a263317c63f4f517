// The users a metric looks at, as SQL over the users rollup: the cohort (start in [from, to)),
// judged with only the messages up to asOf, optionally restricted to the accounts of a segment.
import type { InArgs } from '@libsql/client';
import type { Settings } from '../contracts/settings';
import type { Database } from '../db';
import { activatedSql, retainedWeeksSql } from '../rollups/analytics';
import { ACCOUNT_AT, ACCOUNT_SET_AFTER_AS_OF, START_AT, STARTED_ELSEWHERE } from '../rollups/at';
import type { MetricQuery } from './params';
import { accountsInSegment, type SegmentAccounts } from './segments';

export type Scope = {
  db: Database;
  workspaceId: number;
  query: MetricQuery;
  settings: Settings;
  /** Accounts of the requested segment, or null for every user. */
  accounts: string[] | null;
};

export async function scopeOf(
  db: Database,
  workspaceId: number,
  query: MetricQuery,
  settings: Settings,
  segmentAt = query.asOf,
  segmentAccounts: SegmentAccounts = accountsInSegment,
): Promise<Scope> {
  const accounts = query.segment === null ? null : await segmentAccounts(db, workspaceId, settings.segments, query.segment, segmentAt);
  return { db, workspaceId, query, settings, accounts };
}

/** Named arguments every scoped statement may use. */
export function scopeArgs(scope: Scope, extra: Record<string, number | bigint | string | null> = {}): InArgs {
  const { from, to, asOf } = scope.query;
  return { ws: scope.workspaceId, from, to, asOf, accounts: JSON.stringify(scope.accounts ?? []), ...extra };
}

/** User u's account at asOf is one of the segment's. */
const IN_SEGMENT = `(${ACCOUNT_AT}) IN (SELECT value FROM json_each(:accounts))`;

/** `AND …` restricting users u to the segment's accounts (judged at asOf), or nothing. */
export const segmentFilter = (scope: Scope) => (scope.accounts === null ? '' : `AND ${IN_SEGMENT}`);

/** Indexes of users by account: with their last activity, or with their start and its columns. */
type AccountIndex = 'users_account' | 'users_account_start';

/**
 * The identified users of the segment's accounts at asOf, as `columns` of users u (and `where`):
 * from `index`, account by account, when their account at asOf is their current one, and with the
 * history for those whose account was set after asOf but who had one by then (ACCOUNT_SET_AFTER_AS_OF:
 * a row read per index entry of a table without rowid cost 0.7 s at a past asOf).
 */
export const segmentUsersSql = (...args: Parameters<typeof segmentUserParts>) => segmentUserParts(...args).join('\n  UNION ALL\n');

/** segmentUsersSql as its two SELECTs: the users read account by account, and those read apart. */
const segmentUserParts = (index: AccountIndex, columns: string, where = ''): [string, string] => [
  `SELECT ${columns} FROM users u INDEXED BY ${index}
  WHERE u.workspace_id = :ws AND u.account_id IS NOT NULL AND u.account_id IN (SELECT value FROM json_each(:accounts))
    AND u.account_at <= :asOf AND u.is_anonymous = 0 ${where}`,
  `SELECT ${columns} FROM ${ACCOUNT_SET_AFTER_AS_OF.from}
  WHERE ${ACCOUNT_SET_AFTER_AS_OF.where} ${where} AND ${IN_SEGMENT}`,
];

/** Start-relative user columns a cohort query can ask for. */
export type CohortColumn = 'value_at' | 'activated' | 'retained_weeks';

/** The narrowest index of users by start that covers each column (migration 014 for value_at). */
const startIndex: Record<CohortColumn, string> = {
  value_at: 'users_ttv',
  activated: 'users_start',
  retained_weeks: 'users_start',
};

/** A start-relative column for a user whose start at asOf is not the stored one. */
const recomputed: Record<CohortColumn, string> = {
  value_at: 'b.value_at',
  activated: activatedSql('b', 'b.start'),
  retained_weeks: retainedWeeksSql('b', 'b.start'),
};

/** The cohort's condition on a user's stored start, for users whose start at asOf is the stored one. */
const storedStart = (starts: { from: string; to: string }) => `u.start_at >= ${starts.from} AND u.start_at < ${starts.to}
  AND (u.created_set_at <= :asOf OR (u.created_set_at IS NULL AND u.start_at <= :asOf))`;

/**
 * The cohort (start at asOf in [from, to)) as SELECTs whose rows together are its users, each with
 * `start` and one start-relative column. Most users come from an index with their stored columns,
 * the first SELECT: the start index, or for a segment the index of each account's users by start,
 * read account by account (a test of every cohort user's account cost more than the rest of the
 * query). The others read apart the few left: users whose account changed after asOf, with their
 * account at asOf from the history; users whose createdAt arrived after asOf, who started elsewhere
 * at asOf, their column recomputed from that start. `starts` bounds the start range with SQL
 * expressions: [:from, :to) unless given.
 */
export function cohortParts(scope: Scope, column: CohortColumn, starts: { from: string; to: string } = { from: ':from', to: ':to' }): string[] {
  const identified = 'u.workspace_id = :ws AND u.is_anonymous = 0';
  const columns = `u.start_at AS start, u.${column}`;
  const stored =
    scope.accounts === null
      ? [`SELECT ${columns} FROM users u INDEXED BY ${startIndex[column]} WHERE ${identified} AND ${storedStart(starts)}`]
      : segmentUserParts('users_account_start', columns, `AND ${storedStart(starts)}`);
  const startedElsewhere = `SELECT b.start, ${recomputed[column]} AS ${column}
    FROM (SELECT u.*, ${START_AT} AS start FROM ${STARTED_ELSEWHERE.from} WHERE ${STARTED_ELSEWHERE.where} ${segmentFilter(scope)}) b
    WHERE b.start >= ${starts.from} AND b.start < ${starts.to}`;
  return [...stored, startedElsewhere];
}

/** The cohort's users as one SELECT of `start` and the column (see cohortParts). */
export const cohortSql = (...args: Parameters<typeof cohortParts>): string =>
  `SELECT start, ${args[1]} FROM (${cohortParts(...args).join('\n    UNION ALL\n    ')})`;

/** The settings a response says it used. */
export const settingsUsed = (s: Settings) => ({
  valueEvent: s.valueEvent,
  activation: s.activation,
  dormantAfterDays: s.dormantAfterDays,
  segments: s.segments.map((r) => r.name),
});
