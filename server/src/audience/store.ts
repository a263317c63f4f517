// What the server knows of one user right now: traits, account, activity, events, flow progress.
// Point lookups by primary key; nothing here scans events.
import type { Row } from '@libsql/client';
import type { Database } from '../db';
import { DAY_MS } from '../time';

export type ProgressRow = {
  flowId: string;
  version: number;
  status: 'started' | 'completed' | 'dismissed' | 'held_out';
  stepIndex: number;
  at: number;
  firstSeenAt: number | null;
  lastSeenAt: number | null;
  completedAt: number | null;
  dismissedAt: number | null;
  heldOutAt: number | null;
};

export type UserRecord = {
  traits: Record<string, unknown>;
  accountId: string | null;
  account: Record<string, unknown> | null;
  firstActivityAt: number | null;
  lastActivityAt: number | null;
  progress: Map<string, ProgressRow>;
  /** Track counts per event and UTC day number, for the events asked for. */
  eventDays: Map<string, Map<number, number>>;
};

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function traitsOf(rows: Row[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((r) => [String(r.key), JSON.parse(String(r.value)) as unknown]));
}

function toProgress(r: Row): ProgressRow {
  return {
    flowId: String(r.flow_id),
    version: Number(r.version),
    status: String(r.status) as ProgressRow['status'],
    stepIndex: Number(r.step_index),
    at: Number(r.at),
    firstSeenAt: num(r.first_seen_at),
    lastSeenAt: num(r.last_seen_at),
    completedAt: num(r.completed_at),
    dismissedAt: num(r.dismissed_at),
    heldOutAt: num(r.held_out_at),
  };
}

/**
 * Loads one user; `accountHint` is the SDK's groupId, used until a group message is stored.
 * `formerId` (the anonymous id the user browsed with before identifying) contributes flow
 * progress, so a tour started before sign-in is not shown again from the start after it.
 */
export async function loadUser(
  db: Database,
  workspaceId: number,
  userId: string,
  accountHint: string | null,
  events: readonly string[],
  formerId: string | null = null,
): Promise<UserRecord> {
  const ws = workspaceId;
  const [user, traits, progress, days] = await db.batch(
    [
      { sql: 'SELECT * FROM users WHERE workspace_id = ? AND id = ?', args: [ws, userId] },
      { sql: 'SELECT key, value FROM user_traits WHERE workspace_id = ? AND user_id = ?', args: [ws, userId] },
      {
        sql: 'SELECT * FROM flow_progress WHERE workspace_id = ? AND user_id IN (?, ?) ORDER BY at',
        args: [ws, userId, formerId ?? userId],
      },
      {
        sql: `SELECT event, day, count FROM user_event_days WHERE workspace_id = ? AND user_id = ?
              AND event IN (${events.map(() => '?').join(', ') || "''"})`,
        args: [ws, userId, ...events],
      },
    ],
    'read',
  );
  const u = user?.rows[0];
  const accountId = u?.account_id == null ? accountHint : String(u.account_id);
  const account =
    accountId === null
      ? null
      : traitsOf(
          (
            await db.execute({
              sql: 'SELECT key, value FROM account_traits WHERE workspace_id = ? AND account_id = ?',
              args: [ws, accountId],
            })
          ).rows,
        );
  const eventDays = new Map<string, Map<number, number>>();
  for (const r of days?.rows ?? []) {
    const perDay = eventDays.get(String(r.event)) ?? new Map<number, number>();
    perDay.set(Number(r.day), Number(r.count));
    eventDays.set(String(r.event), perDay);
  }
  return {
    traits: traitsOf(traits?.rows ?? []),
    accountId,
    account,
    firstActivityAt: num(u?.first_activity_at),
    lastActivityAt: num(u?.last_activity_at),
    // Ordered by time: the latest row of each flow wins.
    progress: new Map((progress?.rows ?? []).map((r) => [String(r.flow_id), toProgress(r)])),
    eventDays,
  };
}

/** Count of `event` over all days, or over the last `withinDays` UTC days (today included). */
export function countEvents(record: UserRecord, event: string, now: number, withinDays?: number): number {
  const perDay = record.eventDays.get(event);
  if (perDay === undefined) return 0;
  const fromDay = withinDays === undefined ? -Infinity : Math.floor(now / DAY_MS) - Math.ceil(withinDays) + 1;
  let total = 0;
  for (const [day, count] of perDay) if (day >= fromDay) total += count;
  return total;
}
