// SQL behind the account scores: per-account aggregates over the users rollup in one GROUP BY,
// account traits at asOf, and one account's members. Reads rollups only, never the events table.
import type { Database } from '../db';
import { ACCOUNT_AT, ACCOUNT_SET_AFTER_AS_OF } from '../rollups/at';
import { DAY_MS } from '../time';
import { NPS_DAYS, RECENT_DAYS } from './health';

/** What a query is judged at. */
export type At = {
  asOf: number;
  /** The activation window, for "mature" users (start + windowDays ≤ asOf). */
  windowDays: number;
  /** Activation events and the value event. */
  keyEvents: readonly string[];
};

/** One account, or every account; `moved` also looks for users who left it after asOf. */
export type Only = { id: string; moved: boolean } | null;

export type AccountAggregate = {
  users: number;
  activeUsers: number;
  lastSeen: number | null;
  mature: number;
  activated: number;
  keyEventsUsed: number;
  respondents: number;
  promoters: number;
  detractors: number;
};

export type MemberRow = { id: string; lastSeen: number | null; start: number | null; valueAt: number | null; activated: boolean; mature: boolean };

/**
 * lastSeen at :asOf. A user active after asOf is read from the day rollup: the last activity of the
 * days before asOf's day, or the first of asOf's own day (exact to within that one day).
 */
const LAST_SEEN = `CASE WHEN u.last_activity_at IS NULL OR u.first_activity_at > :asOf THEN NULL
  WHEN u.last_activity_at <= :asOf THEN u.last_activity_at
  ELSE (SELECT max(CASE WHEN d.last_at <= :asOf THEN d.last_at ELSE d.first_at END) FROM user_activity_days d
        WHERE d.workspace_id = u.workspace_id AND d.user_id = u.id AND d.day <= :asOfDay AND d.first_at <= :asOf) END`;

/** Restricts users u to those who may be in one account at asOf; nothing for every account. */
function narrowSql(only: Only): string {
  if (only === null) return '';
  // A user who left the account after asOf is found through their account history.
  return only.moved
    ? 'AND (u.account_id = :account OR u.id IN (SELECT user_id FROM user_account_history WHERE workspace_id = :ws AND account_id = :account))'
    : 'AND u.account_id = :account';
}

function argsOf(workspaceId: number, at: At, only: Only) {
  const since = at.asOf - RECENT_DAYS * DAY_MS;
  return {
    ws: workspaceId,
    asOf: at.asOf,
    asOfDay: Math.floor(at.asOf / DAY_MS),
    since,
    sinceDay: Math.floor(since / DAY_MS),
    npsSince: at.asOf - NPS_DAYS * DAY_MS,
    windowMs: at.windowDays * DAY_MS,
    keys: JSON.stringify(at.keyEvents),
    account: only?.id ?? '',
  };
}

const USERS = 'FROM users u WHERE u.workspace_id = :ws AND u.is_anonymous = 0 AND u.account_id IS NOT NULL';

/** User u did key event e.value in (asOf − 30 d, asOf] (exact from first/last per day: the window spans days). */
const USED_KEY_EVENT = `d.workspace_id = u.workspace_id AND d.user_id = u.id AND d.event = e.value
  AND d.day BETWEEN :sinceDay AND :asOfDay AND d.first_at <= :asOf AND d.last_at > :since`;

/**
 * How many key events each account's users did in the window. Asked per account and key event,
 * stopping at the first user who did it: looking up every active user's key events (600k users at a
 * million) took 8 s, this 1.2. Users whose account was set after asOf are read apart with their
 * account at asOf (ACCOUNT_SET_AFTER_AS_OF: none at asOf = now; a few thousand a month back).
 */
function keyEventsUsedSql(only: Only): string {
  return `SELECT account, count(*) AS used FROM (
    SELECT a.id AS account, e.value AS event FROM accounts a CROSS JOIN json_each(:keys) e
    WHERE a.workspace_id = :ws AND a.first_message_at <= :asOf ${only === null ? '' : 'AND a.id = :account'} AND EXISTS (
      SELECT 1 FROM users u INDEXED BY users_account CROSS JOIN user_event_days d ON ${USED_KEY_EVENT}
      WHERE u.workspace_id = :ws AND u.account_id = a.id AND u.last_activity_at > :since AND u.account_at <= :asOf AND u.is_anonymous = 0)
    UNION
    SELECT ${ACCOUNT_AT}, e.value FROM ${ACCOUNT_SET_AFTER_AS_OF.from} CROSS JOIN json_each(:keys) e CROSS JOIN user_event_days d ON ${USED_KEY_EVENT}
    WHERE ${ACCOUNT_SET_AFTER_AS_OF.where} AND u.last_activity_at > :since)
  WHERE ${only === null ? 'account IS NOT NULL' : 'account = :account'} GROUP BY account`;
}

/**
 * Per account: users, active users (activity in (asOf − 30 d, asOf]), last activity, mature and
 * activated users; key events used in the window (keyEventsUsedSql); each user's latest survey
 * answer in the last NPS_DAYS, from the answers by user. Three statements, no per-account loop.
 */
export async function readAggregates(db: Database, workspaceId: number, at: At, only: Only = null): Promise<Map<string, AccountAggregate>> {
  const args = argsOf(workspaceId, at, only);
  const narrow = narrowSql(only);
  const inAccount = only === null ? 'account IS NOT NULL' : 'account = :account';
  const [agg, keys, nps] = await db.batch(
    [
      {
        sql: `SELECT account, count(*) AS users, coalesce(sum(last_seen > :since), 0) AS active_users, max(last_seen) AS last_seen,
                coalesce(sum(mature), 0) AS mature, coalesce(sum(mature AND activated), 0) AS activated
              FROM (SELECT ${ACCOUNT_AT} AS account, ${LAST_SEEN} AS last_seen, u.start_at + :windowMs <= :asOf AS mature, u.activated
                    ${USERS} AND u.first_message_at <= :asOf ${narrow})
              WHERE ${inAccount} GROUP BY account`,
        args,
      },
      { sql: keyEventsUsedSql(only), args },
      {
        // Each identified user's latest answer as at·16 + score (scores are 0–10): at equal times the
        // higher score, so arrival order never matters. Read in user order from survey_responses_user
        // with no sort, then each respondent's row (CROSS JOIN: the planner would rather walk every
        // user with an account): 1.7 -> 0.8 s at a million users, where a window function sorted them.
        sql: `SELECT account, count(*) AS respondents, coalesce(sum(latest % 16 >= 9), 0) AS promoters, coalesce(sum(latest % 16 <= 6), 0) AS detractors
              FROM (SELECT ${ACCOUNT_AT} AS account, r.latest FROM (
                      SELECT s.user_id, max(s.at * 16 + s.score) AS latest FROM survey_responses s INDEXED BY survey_responses_user
                      WHERE s.workspace_id = :ws AND s.anonymous = 0 AND s.at > :npsSince AND s.at <= :asOf GROUP BY s.user_id) r
                    CROSS JOIN users u ON u.workspace_id = :ws AND u.id = r.user_id
                    WHERE u.is_anonymous = 0 AND u.account_id IS NOT NULL ${narrow})
              WHERE ${inAccount} GROUP BY account`,
        args,
      },
    ],
    'read',
  );
  const out = new Map<string, AccountAggregate>();
  for (const r of agg?.rows ?? []) {
    out.set(String(r.account), {
      users: Number(r.users),
      activeUsers: Number(r.active_users),
      lastSeen: r.last_seen === null ? null : Number(r.last_seen),
      mature: Number(r.mature),
      activated: Number(r.activated),
      keyEventsUsed: 0,
      respondents: 0,
      promoters: 0,
      detractors: 0,
    });
  }
  for (const r of keys?.rows ?? []) {
    const a = out.get(String(r.account));
    if (a !== undefined) a.keyEventsUsed = Number(r.used);
  }
  for (const r of nps?.rows ?? []) {
    const a = out.get(String(r.account));
    if (a !== undefined) Object.assign(a, { respondents: Number(r.respondents), promoters: Number(r.promoters), detractors: Number(r.detractors) });
  }
  return out;
}

/** The members of one account at asOf, most recently seen first. */
export async function readMembers(db: Database, workspaceId: number, at: At, only: NonNullable<Only>): Promise<MemberRow[]> {
  const result = await db.execute({
    sql: `SELECT * FROM (
            SELECT u.id, u.start_at, u.value_at, u.activated, u.start_at + :windowMs <= :asOf AS mature, ${ACCOUNT_AT} AS account, ${LAST_SEEN} AS last_seen
            ${USERS} AND u.first_message_at <= :asOf ${narrowSql(only)})
          WHERE account = :account ORDER BY last_seen DESC NULLS LAST, id`,
    args: argsOf(workspaceId, at, only),
  });
  const num = (v: unknown) => (v === null ? null : Number(v));
  return result.rows.map((r) => ({
    id: String(r.id),
    lastSeen: num(r.last_seen),
    start: num(r.start_at),
    valueAt: num(r.value_at),
    activated: Number(r.activated) === 1,
    mature: Number(r.mature) === 1,
  }));
}

/** Accounts known by asOf: their first message is at or before it. */
export async function readAccountIds(db: Database, workspaceId: number, asOf: number, id: string | null = null): Promise<string[]> {
  const result = await db.execute({
    sql: `SELECT id FROM accounts WHERE workspace_id = ? AND first_message_at <= ? ${id === null ? '' : 'AND id = ?'}`,
    args: id === null ? [workspaceId, asOf] : [workspaceId, asOf, id],
  });
  return result.rows.map((r) => String(r.id));
}

/**
 * Account traits at asOf (latest value by timestamp at or before it), one JSON object per account;
 * `keys` null reads every trait. A trait first set after asOf is absent.
 */
export async function readTraitsAt(
  db: Database,
  workspaceId: number,
  asOf: number,
  keys: readonly string[] | null,
  id: string | null = null,
): Promise<Map<string, Record<string, unknown>>> {
  const result = await db.execute({
    sql: `SELECT a.account_id AS id, json_group_object(a.key, json(CASE WHEN a.set_at <= :asOf THEN a.value ELSE (
            SELECT h.value FROM account_trait_history h
            WHERE h.workspace_id = a.workspace_id AND h.account_id = a.account_id AND h.key = a.key AND h.set_at <= :asOf
            ORDER BY h.set_at DESC, h.value DESC LIMIT 1) END)) AS traits
          FROM account_traits a
          WHERE a.workspace_id = :ws ${keys === null ? '' : 'AND a.key IN (SELECT value FROM json_each(:keys))'} ${id === null ? '' : 'AND a.account_id = :id'}
          GROUP BY a.account_id`,
    args: { ws: workspaceId, asOf, keys: JSON.stringify(keys ?? []), id: id ?? '' },
  });
  const traits = new Map<string, Record<string, unknown>>();
  for (const r of result.rows) {
    const parsed = JSON.parse(String(r.traits)) as Record<string, unknown>;
    // A trait set only after asOf reads as null here: absent at asOf.
    for (const [k, v] of Object.entries(parsed)) if (v === null) delete parsed[k];
    traits.set(String(r.id), parsed);
  }
  return traits;
}
