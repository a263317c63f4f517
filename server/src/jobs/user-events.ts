// user.dormant and user.reactivated from the activity rollups (METRICS.md "Dormant at T", "Return"),
// a page at a time in key order, so a large window never loads at once.
import type { Row } from '@libsql/client';
import type { Database } from '../db';
import { iso } from '../http/iso';
import { isReturn } from '../rollups/sql';
import { DAY_MS } from '../time';
import type { ProducedEvent } from '../webhooks';

const PAGE = 500;

const accountOf = (row: Row) => (row.account_id === null ? null : String(row.account_id));

export type Window = { workspaceId: number; dormantAfterDays: number; after: number; upTo: number; createdAt: number };

/**
 * Users whose last activity crossed the dormancy threshold in (after, upTo]: last_activity_at in
 * (after − D, upTo − D]. Keyed by the last activity, so a user dormant again later is a new event.
 */
export async function* dormantUsers(db: Database, w: Window): AsyncGenerator<ProducedEvent[]> {
  const d = w.dormantAfterDays * DAY_MS;
  let last: [number, string] = [w.after - d, ''];
  for (;;) {
    const r = await db.execute({
      sql: `SELECT id, account_id, last_activity_at FROM users
            WHERE workspace_id = ? AND is_anonymous = 0 AND last_activity_at > ? AND last_activity_at <= ?
              AND (last_activity_at, id) > (?, ?)
            ORDER BY last_activity_at, id LIMIT ?`,
      args: [w.workspaceId, w.after - d, w.upTo - d, last[0], last[1], PAGE],
    });
    if (r.rows.length > 0) {
      yield r.rows.map((row) => {
        const seen = Number(row.last_activity_at);
        const userId = String(row.id);
        return {
          workspaceId: w.workspaceId,
          key: `user.dormant:${userId}:${seen}`,
          type: 'user.dormant' as const,
          createdAt: w.createdAt,
          data: { userId, accountId: accountOf(row), lastSeen: iso(seen), dormantSince: iso(seen + d), dormantAfterDays: w.dormantAfterDays },
        };
      });
    }
    const end = r.rows.at(-1);
    if (r.rows.length < PAGE || end === undefined) return;
    last = [Number(end.last_activity_at), String(end.id)];
  }
}

/** Returns in (after, upTo]: an active day whose gap since the previous activity is at least D days. */
export async function* returnedUsers(db: Database, w: Window): AsyncGenerator<ProducedEvent[]> {
  const d = w.dormantAfterDays * DAY_MS;
  let last: [number, string] = [w.after, ''];
  for (;;) {
    const r = await db.execute({
      sql: `SELECT a.user_id, a.first_at, a.gap_before, u.account_id
            FROM user_activity_days a
            JOIN users u ON u.workspace_id = a.workspace_id AND u.id = a.user_id AND u.is_anonymous = 0
            WHERE a.workspace_id = ? AND ${isReturn('a', '?')}
              AND a.first_at > ? AND a.first_at <= ? AND (a.first_at, a.user_id) > (?, ?)
            ORDER BY a.first_at, a.user_id LIMIT ?`,
      args: [w.workspaceId, d, w.after, w.upTo, last[0], last[1], PAGE],
    });
    if (r.rows.length > 0) {
      yield r.rows.map((row) => {
        const at = Number(row.first_at);
        const gap = Number(row.gap_before);
        const userId = String(row.user_id);
        return {
          workspaceId: w.workspaceId,
          key: `user.reactivated:${userId}:${at}`,
          type: 'user.reactivated' as const,
          createdAt: w.createdAt,
          data: { userId, accountId: accountOf(row), returnedAt: iso(at), lastSeenBefore: iso(at - gap), inactiveDays: Math.floor(gap / DAY_MS) },
        };
      });
    }
    const end = r.rows.at(-1);
    if (r.rows.length < PAGE || end === undefined) return;
    last = [Number(end.first_at), String(end.user_id)];
  }
}
