// Rebuilds of the derived user columns after a settings change (value event, activation, dormancy
// threshold) or an upgrade: chunks of users in id order, each one write transaction, by whichever
// process holds the workspace's lease. A new request restarts from the first user; progress is
// visible through the API.
import type { InStatement } from '@libsql/client';
import type { Database } from '../db';
import { activatedSql, retainedWeeksSql } from './analytics';
import { epochMs, lastReturnSql } from './sql';

const CHUNK = 500;
const LEASE_MS = 30_000;
/** A rebuild not finished whose lease is free, expired or ours (SQL; :owner, :now). */
const CLAIMABLE = 'finished_at IS NULL AND (lease_until IS NULL OR lease_until < :now OR lease_owner = :owner)';

export type RebuildStatus = { running: boolean; reason: string | null; done: number; total: number; finishedAt: string | null };
export type RebuildStore = {
  /**
   * The statement that (re)starts a workspace's rebuild, to commit with the change that calls for
   * it: a reader never sees the change without the rebuild under way. With no users it is done at once.
   */
  requestStatement: (workspaceId: number, reason: string) => InStatement;
  status: (workspaceId: number) => Promise<RebuildStatus>;
  /** Rebuilds one chunk of some workspace whose rebuild is due; false when none is. */
  step: () => Promise<boolean>;
};

/** createdAt from the traits rollup when the column predates it (upgrade), then start. */
const REBUILD_START = `
UPDATE users SET
  created_at = coalesce(created_at, (SELECT ${epochMs('t.value', '$')} FROM user_traits t WHERE t.workspace_id = users.workspace_id AND t.user_id = users.id AND t.key = 'createdAt')),
  created_set_at = coalesce(created_set_at, (SELECT t.set_at FROM user_traits t WHERE t.workspace_id = users.workspace_id AND t.user_id = users.id AND t.key = 'createdAt' AND ${epochMs('t.value', '$')} IS NOT NULL)),
  created_first_set_at = coalesce(created_first_set_at, (SELECT t.set_at FROM user_traits t WHERE t.workspace_id = users.workspace_id AND t.user_id = users.id AND t.key = 'createdAt' AND ${epochMs('t.value', '$')} IS NOT NULL))
WHERE workspace_id = :ws AND id > :after AND id <= :last`;

const REBUILD_DERIVED = `
UPDATE users SET
  start_at = coalesce(created_at, first_activity_at),
  value_at = (SELECT min(d.first_at) FROM user_event_days d, settings s
    WHERE s.workspace_id = users.workspace_id AND d.workspace_id = users.workspace_id AND d.user_id = users.id
      AND d.event = json_extract(s.document, '$.valueEvent'))
WHERE workspace_id = :ws AND id > :after AND id <= :last`;

const REBUILD_START_RELATIVE = `
UPDATE users SET retained_weeks = ${retainedWeeksSql('users', 'users.start_at')}, activated = ${activatedSql('users', 'users.start_at')},
  last_return_at = ${lastReturnSql('users')}
WHERE workspace_id = :ws AND id > :after AND id <= :last`;

export function createRebuildStore(db: Database, owner: string, now: () => number = Date.now): RebuildStore {
  return {
    requestStatement(workspaceId, reason) {
      return {
        sql: `INSERT INTO user_rebuilds (workspace_id, requested_at, reason, cursor, done, total, finished_at)
              SELECT :ws, :now, :reason, '', 0, n, CASE WHEN n = 0 THEN :now END FROM (SELECT count(*) AS n FROM users WHERE workspace_id = :ws)
              WHERE true -- an upsert from a SELECT needs a WHERE before ON CONFLICT
              ON CONFLICT (workspace_id) DO UPDATE SET requested_at = excluded.requested_at, reason = excluded.reason,
                cursor = '', done = 0, total = excluded.total, finished_at = excluded.finished_at`,
        args: { ws: workspaceId, now: now(), reason },
      };
    },

    async status(workspaceId) {
      const row = (await db.execute({ sql: 'SELECT * FROM user_rebuilds WHERE workspace_id = ?', args: [workspaceId] })).rows[0];
      if (row === undefined) return { running: false, reason: null, done: 0, total: 0, finishedAt: null };
      return {
        running: row.finished_at === null,
        reason: String(row.reason),
        done: Number(row.done),
        total: Number(row.total),
        finishedAt: row.finished_at === null ? null : new Date(Number(row.finished_at)).toISOString(),
      };
    },

    async step() {
      const at = now();
      // Looked for by a read first: even an UPDATE that matches nothing waits for the write lock,
      // which the commit worker holds nearly all the time under load, and the wait blocks this
      // thread's event loop (every request) for up to a commit.
      const due = await db.execute({ sql: `SELECT 1 FROM user_rebuilds WHERE ${CLAIMABLE} LIMIT 1`, args: { owner, now: at } });
      if (due.rows.length === 0) return false;
      const claimed = await db.execute({
        sql: `UPDATE user_rebuilds SET lease_owner = :owner, lease_until = :until
              WHERE workspace_id = (SELECT workspace_id FROM user_rebuilds WHERE ${CLAIMABLE} LIMIT 1)
              RETURNING workspace_id, requested_at, cursor`,
        args: { owner, until: at + LEASE_MS, now: at },
      });
      const job = claimed.rows[0];
      if (job === undefined) return false;
      const ws = Number(job.workspace_id);
      const after = String(job.cursor);
      const chunk = await db.execute({
        sql: 'SELECT max(id) AS last, count(*) AS n FROM (SELECT id FROM users WHERE workspace_id = ? AND id > ? ORDER BY id LIMIT ?)',
        args: [ws, after, CHUNK],
      });
      const n = Number(chunk.rows[0]!.n);
      const last = chunk.rows[0]!.last === null ? after : String(chunk.rows[0]!.last);
      const args = { ws, after, last };
      // The progress update only lands while this request is current: a newer one restarted it.
      await db.batch(
        [
          { sql: REBUILD_START, args },
          { sql: REBUILD_DERIVED, args },
          { sql: REBUILD_START_RELATIVE, args },
          {
            sql: `UPDATE user_rebuilds SET cursor = :last, done = done + :n, total = max(total, done + :n),
                    finished_at = CASE WHEN :n < :chunk THEN :now END, lease_owner = NULL, lease_until = NULL
                  WHERE workspace_id = :ws AND requested_at = :requested`,
            args: { ws, last, n, chunk: CHUNK, now: now(), requested: Number(job.requested_at) },
          },
        ],
        'write',
      );
      return true;
    },
  };
}

/** Runs due rebuild chunks until none is left, then looks again every `idleMs` or when kicked. */
export function runRebuilds(store: RebuildStore, onError: (error: unknown) => void, idleMs = 2_000) {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const pass = async () => {
    try {
      while (!stopped && (await store.step()));
    } catch (error) {
      onError(error);
    }
  };
  const kick = () => {
    clearTimeout(timer);
    if (stopped || running !== null) return;
    running = pass().finally(() => {
      running = null;
      if (!stopped) timer = setTimeout(kick, idleMs);
    });
  };
  kick();
  return {
    /** Starts a pass now (after a request) instead of at the next tick. */
    kick,
    /** Stops looking; resolves once a chunk under way has committed. */
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
