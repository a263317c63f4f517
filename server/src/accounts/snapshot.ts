// The latest scores of every account, stored once per workspace by whichever server refreshes
// them, and parsed once per process per snapshot. A snapshot serves listings while it is younger
// than SNAPSHOT_MAX_AGE_MS and was scored under the current settings.
import type { Settings } from '../contracts/settings';
import type { Database } from '../db';
import { scoreAccounts, type ScoredAccount } from './score';

export const SNAPSHOT_MAX_AGE_MS = 10 * 60_000;
/** The background job rescores once a snapshot is this old. */
export const SNAPSHOT_REFRESH_MS = 5 * 60_000;
const MINUTE_MS = 60_000;

export type Snapshot = { computedAt: number; accounts: ScoredAccount[] };
export type ScoreSnapshots = {
  /** A snapshot still good for `settings` now, or null. */
  current: (workspaceId: number, settings: Settings) => Promise<Snapshot | null>;
  /** Scores every account now and stores the result. */
  refresh: (workspaceId: number, settings: Settings) => Promise<Snapshot>;
  /** Refreshes when the snapshot is missing, stale or scored under other settings. */
  refreshIfDue: (workspaceId: number, settings: Settings) => Promise<void>;
};

const keyOf = (s: Settings) => JSON.stringify([s.segments, s.activation, s.valueEvent]);

export function createScoreSnapshots(db: Database, now: () => number): ScoreSnapshots {
  const parsed = new Map<number, Snapshot & { key: string }>();

  async function stored(workspaceId: number): Promise<(Snapshot & { key: string }) | null> {
    const meta = await db.execute({ sql: 'SELECT computed_at, settings_key FROM account_score_snapshots WHERE workspace_id = ?', args: [workspaceId] });
    const row = meta.rows[0];
    if (row === undefined) return null;
    const computedAt = Number(row.computed_at);
    const hit = parsed.get(workspaceId);
    if (hit?.computedAt === computedAt) return hit;
    const doc = await db.execute({ sql: 'SELECT document FROM account_score_snapshots WHERE workspace_id = ? AND computed_at = ?', args: [workspaceId, computedAt] });
    if (doc.rows[0] === undefined) return null;
    const snapshot = { computedAt, key: String(row.settings_key), accounts: JSON.parse(String(doc.rows[0].document)) as ScoredAccount[] };
    parsed.set(workspaceId, snapshot);
    return snapshot;
  }

  const fresh = (s: (Snapshot & { key: string }) | null, settings: Settings, maxAge: number) =>
    s !== null && s.key === keyOf(settings) && now() - s.computedAt < maxAge;

  async function refresh(workspaceId: number, settings: Settings): Promise<Snapshot> {
    const computedAt = Math.floor(now() / MINUTE_MS) * MINUTE_MS;
    const accounts = await scoreAccounts(db, workspaceId, settings, computedAt);
    // Two servers refreshing at once both write; the later scoring wins.
    await db.execute({
      sql: `INSERT INTO account_score_snapshots (workspace_id, computed_at, settings_key, document) VALUES (?, ?, ?, ?)
            ON CONFLICT (workspace_id) DO UPDATE SET computed_at = excluded.computed_at, settings_key = excluded.settings_key,
              document = excluded.document WHERE excluded.computed_at >= computed_at`,
      args: [workspaceId, computedAt, keyOf(settings), JSON.stringify(accounts)],
    });
    const snapshot = { computedAt, key: keyOf(settings), accounts };
    parsed.set(workspaceId, snapshot);
    return snapshot;
  }

  return {
    async current(workspaceId, settings) {
      const s = await stored(workspaceId);
      return fresh(s, settings, SNAPSHOT_MAX_AGE_MS) ? s : null;
    },
    refresh,
    async refreshIfDue(workspaceId, settings) {
      if (!fresh(await stored(workspaceId), settings, SNAPSHOT_REFRESH_MS)) await refresh(workspaceId, settings);
    },
  };
}
