// The latest scores of every account, stored once per workspace by whichever server refreshes
// them, and parsed once per process per snapshot. Scoring that took under LIVE_MS is simply done
// again for each listing; slower scoring is served from the snapshot for a time proportional to
// its cost (60×, between 30 s and 10 min: 4 s of scoring at a million users → 4 min), provided it
// was scored under the current settings. The background job rescores at half that age, and a
// quick workspace's snapshot at SNAPSHOT_MAX_AGE_MS, to find out when it has grown slow.
import type { Settings } from '../contracts/settings';
import type { Database } from '../db';
import { scoreAllIn, type ListedAccount } from './score';

export const LIVE_MS = 250;
const MIN_AGE_MS = 30_000;
export const SNAPSHOT_MAX_AGE_MS = 10 * 60_000;
const MINUTE_MS = 60_000;

/** How long a snapshot that took `durationMs` to score may serve listings. */
export const maxAgeOf = (durationMs: number) => Math.min(SNAPSHOT_MAX_AGE_MS, Math.max(MIN_AGE_MS, 60 * durationMs));

export type Snapshot = { computedAt: number; accounts: ListedAccount[] };
export type ScoreSnapshots = {
  /** A snapshot still good for `settings` now, or null. */
  current: (workspaceId: number, settings: Settings) => Promise<Snapshot | null>;
  /** Scores every account now and stores the result. */
  refresh: (workspaceId: number, settings: Settings) => Promise<Snapshot>;
  /** Refreshes a slow workspace's snapshot when it is past half its age, missing or scored under other settings. */
  refreshIfDue: (workspaceId: number, settings: Settings) => Promise<void>;
};

const keyOf = (s: Settings) => JSON.stringify([s.segments, s.activation, s.valueEvent]);

/** Scores every account at computedAt and stores them as the workspace's snapshot: in-process, or on the scoring thread. */
export type ScoreAndStore = (workspaceId: number, settings: Settings, computedAt: number) => Promise<{ accounts: ListedAccount[]; durationMs: number }>;

export const scoreAndStoreIn = (db: Database): ScoreAndStore => async (workspaceId, settings, computedAt) => {
  const started = performance.now();
  const accounts = await scoreAllIn(db)(workspaceId, settings, computedAt);
  const durationMs = Math.round(performance.now() - started);
  // Two servers refreshing at once both write; the later scoring wins.
  await db.execute({
    sql: `INSERT INTO account_score_snapshots (workspace_id, computed_at, settings_key, duration_ms, document) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (workspace_id) DO UPDATE SET computed_at = excluded.computed_at, settings_key = excluded.settings_key,
            duration_ms = excluded.duration_ms, document = excluded.document WHERE excluded.computed_at >= computed_at`,
    args: [workspaceId, computedAt, keyOf(settings), durationMs, JSON.stringify(accounts)],
  });
  return { accounts, durationMs };
};

export function createScoreSnapshots(db: Database, scoreAndStore: ScoreAndStore, now: () => number, liveMs = LIVE_MS): ScoreSnapshots {
  type Stored = Snapshot & { key: string; durationMs: number };
  const parsed = new Map<number, Stored>();

  async function stored(workspaceId: number): Promise<Stored | null> {
    const meta = await db.execute({ sql: 'SELECT computed_at, settings_key, duration_ms FROM account_score_snapshots WHERE workspace_id = ?', args: [workspaceId] });
    const row = meta.rows[0];
    if (row === undefined) return null;
    const computedAt = Number(row.computed_at);
    const hit = parsed.get(workspaceId);
    if (hit?.computedAt === computedAt) return hit;
    const doc = await db.execute({ sql: 'SELECT document FROM account_score_snapshots WHERE workspace_id = ? AND computed_at = ?', args: [workspaceId, computedAt] });
    if (doc.rows[0] === undefined) return null;
    const snapshot = { computedAt, key: String(row.settings_key), durationMs: Number(row.duration_ms), accounts: JSON.parse(String(doc.rows[0].document)) as ListedAccount[] };
    parsed.set(workspaceId, snapshot);
    return snapshot;
  }

  /** Fit to serve: scored under these settings, slow enough to keep, and younger than `share` of its allowed age. */
  const fresh = (s: Stored | null, settings: Settings, share: number) =>
    s !== null && s.key === keyOf(settings) && s.durationMs >= liveMs && now() - s.computedAt < share * maxAgeOf(s.durationMs);

  // One refresh per workspace at a time: a listing that finds the job scoring waits for that scoring.
  const refreshing = new Map<number, { key: string; done: Promise<Snapshot> }>();
  function refresh(workspaceId: number, settings: Settings): Promise<Snapshot> {
    const key = keyOf(settings);
    const running = refreshing.get(workspaceId);
    if (running?.key === key) return running.done;
    const done = (async () => {
      const computedAt = Math.floor(now() / MINUTE_MS) * MINUTE_MS;
      const { accounts, durationMs } = await scoreAndStore(workspaceId, settings, computedAt);
      const snapshot = { computedAt, key, durationMs, accounts };
      parsed.set(workspaceId, snapshot);
      return snapshot;
    })().finally(() => {
      if (refreshing.get(workspaceId)?.done === done) refreshing.delete(workspaceId);
    });
    refreshing.set(workspaceId, { key, done });
    return done;
  }

  return {
    async current(workspaceId, settings) {
      const s = await stored(workspaceId);
      return fresh(s, settings, 1) ? s : null;
    },
    refresh,
    async refreshIfDue(workspaceId, settings) {
      const s = await stored(workspaceId);
      // Quick scoring is done per request, with no snapshot to keep warm. Rescored here once its
      // snapshot is SNAPSHOT_MAX_AGE_MS old all the same: a workspace that has grown past liveMs is
      // then found slow by this job, not by the next person to open the accounts list.
      if (s !== null && s.key === keyOf(settings) && s.durationMs < liveMs) {
        if (now() - s.computedAt >= SNAPSHOT_MAX_AGE_MS) await refresh(workspaceId, settings);
        return;
      }
      if (!fresh(s, settings, 0.5)) await refresh(workspaceId, settings);
    },
  };
}
