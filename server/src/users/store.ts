// SQL behind the user endpoints: one user by primary key, and pages of users in id order (keyset).
// The timeline comes from the per-day rollups; the events table has no index by user.
import type { Database } from '../db';
import { isReturn } from '../rollups/sql';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export type UserRow = {
  id: string;
  anonymous: boolean;
  accountId: string | null;
  start: number | null;
  valueAt: number | null;
  activated: boolean;
  firstSeen: number | null;
  lastSeen: number | null;
};

const COLUMNS = 'u.id, u.is_anonymous, u.account_id, u.start_at, u.value_at, u.activated, u.first_activity_at, u.last_activity_at';

function toUser(r: Record<string, unknown>): UserRow {
  return {
    id: String(r.id),
    anonymous: Number(r.is_anonymous) === 1,
    accountId: r.account_id === null ? null : String(r.account_id),
    start: num(r.start_at),
    valueAt: num(r.value_at),
    activated: Number(r.activated) === 1,
    firstSeen: num(r.first_activity_at),
    lastSeen: num(r.last_activity_at),
  };
}

/** Everything the user page shows, by primary key; `sinceDay` bounds the timeline (UTC day number). */
export async function readUser(db: Database, workspaceId: number, id: string, sinceDay: number, maxEvents: number) {
  const [user, traits, flows, events, days] = await db.batch(
    [
      { sql: `SELECT ${COLUMNS} FROM users u WHERE u.workspace_id = ? AND u.id = ?`, args: [workspaceId, id] },
      { sql: 'SELECT key, value, set_at FROM user_traits WHERE workspace_id = ? AND user_id = ? ORDER BY key', args: [workspaceId, id] },
      { sql: 'SELECT * FROM flow_progress WHERE workspace_id = ? AND user_id = ? ORDER BY at DESC', args: [workspaceId, id] },
      {
        sql: `SELECT event, day, count, first_at, last_at FROM user_event_days
              WHERE workspace_id = ? AND user_id = ? AND day >= ? ORDER BY day DESC, last_at DESC, event LIMIT ?`,
        args: [workspaceId, id, sinceDay, maxEvents],
      },
      {
        sql: 'SELECT day, first_at, last_at FROM user_activity_days WHERE workspace_id = ? AND user_id = ? AND day >= ? ORDER BY day DESC',
        args: [workspaceId, id, sinceDay],
      },
    ],
    'read',
  );
  const row = user?.rows[0];
  if (row === undefined) return null;
  return {
    user: toUser(row),
    traits: Object.fromEntries((traits?.rows ?? []).map((r) => [String(r.key), JSON.parse(String(r.value)) as unknown])),
    flows: (flows?.rows ?? []).map((r) => ({
      flowId: String(r.flow_id),
      version: Number(r.version),
      status: String(r.status),
      stepIndex: Number(r.step_index),
      at: Number(r.at),
      firstSeenAt: num(r.first_seen_at),
      completedAt: num(r.completed_at),
      dismissedAt: num(r.dismissed_at),
      heldOutAt: num(r.held_out_at),
    })),
    events: (events?.rows ?? []).map((r) => ({ event: String(r.event), day: Number(r.day), count: Number(r.count), firstAt: Number(r.first_at), lastAt: num(r.last_at) ?? Number(r.first_at) })),
    activity: (days?.rows ?? []).map((r) => ({ day: Number(r.day), firstAt: Number(r.first_at), lastAt: Number(r.last_at) })),
  };
}

export type UserFilters = {
  account?: string | undefined;
  /** The accounts of a segment, resolved by the caller. */
  accounts?: string[] | undefined;
  activated?: boolean | undefined;
  /** With `dormantBefore`: last activity at or before it (true) or after it (false). */
  dormant?: boolean | undefined;
  dormantBefore: number;
  /** Start in [startFrom, startTo): a cohort of the metrics. */
  startFrom?: number | undefined;
  startTo?: number | undefined;
  /** Reached the value event (or not). */
  reached?: boolean | undefined;
  /** Time-to-value in [ttvFromMs, ttvToMs): a bin of the TTV distribution. */
  ttvFromMs?: number | undefined;
  ttvToMs?: number | undefined;
  /** Active in week k after start (METRICS.md retention). */
  retainedWeek?: number | undefined;
  /** A return (a first activity after dormantGapMs away) in [returnedFrom, returnedTo). */
  returnedFrom?: number | undefined;
  returnedTo?: number | undefined;
  dormantGapMs: number;
};

const RANGE_END = Number.MAX_SAFE_INTEGER;

export type UserListRow = UserRow & { email: unknown; name: unknown };

/** Identified users with id > `after`, in id order: the primary key (or the account index) walks them. */
export async function readUserPage(db: Database, workspaceId: number, f: UserFilters, after: string, limit: number): Promise<UserListRow[]> {
  const where = [
    f.account === undefined ? '' : 'AND u.account_id = :account',
    f.accounts === undefined ? '' : 'AND u.account_id IN (SELECT value FROM json_each(:accounts))',
    f.activated === undefined ? '' : 'AND u.activated = :activated',
    f.dormant === undefined ? '' : f.dormant ? 'AND u.last_activity_at <= :dormantBefore' : 'AND (u.last_activity_at IS NULL OR u.last_activity_at > :dormantBefore)',
    f.startFrom === undefined && f.startTo === undefined ? '' : 'AND u.start_at >= :startFrom AND u.start_at < :startTo',
    f.reached === undefined ? '' : f.reached ? 'AND u.value_at IS NOT NULL' : 'AND u.value_at IS NULL',
    f.ttvFromMs === undefined && f.ttvToMs === undefined
      ? ''
      : 'AND u.value_at IS NOT NULL AND max(0, u.value_at - u.start_at) >= :ttvFrom AND max(0, u.value_at - u.start_at) < :ttvTo',
    f.retainedWeek === undefined ? '' : 'AND (u.retained_weeks >> :retainedWeek) & 1 = 1',
    f.returnedFrom === undefined && f.returnedTo === undefined
      ? ''
      : `AND EXISTS (SELECT 1 FROM user_activity_days d WHERE d.workspace_id = u.workspace_id AND d.user_id = u.id
           AND ${isReturn('d', ':gap')} AND d.first_at >= :returnedFrom AND d.first_at < :returnedTo)`,
  ].join(' ');
  const result = await db.execute({
    sql: `SELECT ${COLUMNS},
            (SELECT value FROM user_traits t WHERE t.workspace_id = u.workspace_id AND t.user_id = u.id AND t.key = 'email') AS email,
            (SELECT value FROM user_traits t WHERE t.workspace_id = u.workspace_id AND t.user_id = u.id AND t.key = 'name') AS name
          FROM users u
          WHERE u.workspace_id = :ws AND u.is_anonymous = 0 AND u.id > :after ${where}
          ORDER BY u.id LIMIT :limit`,
    args: {
      ws: workspaceId,
      after,
      limit,
      account: f.account ?? '',
      accounts: JSON.stringify(f.accounts ?? []),
      activated: f.activated === true ? 1 : 0,
      dormantBefore: f.dormantBefore,
      startFrom: f.startFrom ?? 0,
      startTo: f.startTo ?? RANGE_END,
      ttvFrom: f.ttvFromMs ?? 0,
      ttvTo: f.ttvToMs ?? RANGE_END,
      retainedWeek: f.retainedWeek ?? 0,
      returnedFrom: f.returnedFrom ?? 0,
      returnedTo: f.returnedTo ?? RANGE_END,
      gap: f.dormantGapMs,
    },
  });
  const parse = (v: unknown) => (v === null ? null : (JSON.parse(String(v)) as unknown));
  return result.rows.map((r) => ({ ...toUser(r), email: parse(r.email), name: parse(r.name) }));
}
