// account.expansion and account.health_dropped: each account's scores now against its snapshot.
// The scores come from a function given to the sweep (accounts/ computes health and expansion).
import type { InStatement } from '@libsql/client';
import type { Database } from '../db';
import type { ProducedEvent } from '../webhooks';

export type AccountScore = { id: string; health: number; expansion: boolean };
export type ListAccountScores = (db: Database, workspaceId: number, asOf: number) => Promise<AccountScore[]>;

/** A fall of at least this many health points since the snapshot is reported. */
export const HEALTH_DROP_POINTS = 10;

export type Snapshot = { health: number; expansion: boolean; at: number };

/**
 * What changed for one account. The snapshot keeps the highest health since the last report, so
 * a slow decline adds up; it is reset to the current health when a drop is reported.
 */
export function compareScores(previous: Snapshot, score: AccountScore) {
  const expanded = score.expansion && !previous.expansion;
  const drop = previous.health - score.health;
  const dropped = drop >= HEALTH_DROP_POINTS;
  const health = dropped || score.health > previous.health ? score.health : previous.health;
  const changed = health !== previous.health || score.expansion !== previous.expansion;
  return { expanded, dropped, drop, next: changed ? { health, expansion: score.expansion } : null };
}

async function readSnapshots(db: Database, workspaceId: number): Promise<Map<string, Snapshot>> {
  const r = await db.execute({ sql: 'SELECT account_id, health, expansion, at FROM account_snapshots WHERE workspace_id = ?', args: [workspaceId] });
  return new Map(r.rows.map((row) => [String(row.account_id), { health: Number(row.health), expansion: Number(row.expansion) === 1, at: Number(row.at) }]));
}

const upsert = (workspaceId: number, s: AccountScore, at: number): InStatement => ({
  sql: `INSERT INTO account_snapshots (workspace_id, account_id, health, expansion, at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (workspace_id, account_id) DO UPDATE SET health = excluded.health, expansion = excluded.expansion, at = excluded.at`,
  args: [workspaceId, s.id, s.health, s.expansion ? 1 : 0, at],
});

/** When nobody listens to account events, the baselines go; listening again starts from a fresh one. */
export const forgetSnapshots = (workspaceId: number): InStatement => ({
  sql: 'DELETE FROM account_snapshots WHERE workspace_id = ?',
  args: [workspaceId],
});

/**
 * Events and snapshot writes for a workspace. Event keys carry the snapshot's `at`, so two servers
 * comparing against the same snapshot produce the same keys; the update only applies if nobody
 * moved the snapshot meanwhile. A baseline (first sweep, or no snapshots yet): record, report nothing.
 */
export async function accountChanges(
  db: Database,
  q: { workspaceId: number; scores: AccountScore[]; asOf: number; createdAt: number; baseline: boolean },
): Promise<{ events: ProducedEvent[]; statements: InStatement[] }> {
  const { workspaceId, asOf, createdAt } = q;
  const snapshots = q.baseline ? new Map<string, Snapshot>() : await readSnapshots(db, workspaceId);
  if (snapshots.size === 0) return { events: [], statements: q.scores.map((s) => upsert(workspaceId, s, asOf)) };
  const events: ProducedEvent[] = [];
  const statements: InStatement[] = [];
  for (const score of q.scores) {
    const known = snapshots.get(score.id);
    // An account first seen after the baseline: compared with "not expanding, healthy as now".
    const previous = known ?? { health: score.health, expansion: false, at: 0 };
    const change = compareScores(previous, score);
    const accountId = score.id;
    if (change.expanded) {
      events.push({ workspaceId, createdAt, key: `account.expansion:${accountId}:${previous.at}`, type: 'account.expansion', data: { accountId, health: score.health } });
    }
    if (change.dropped) {
      events.push({
        workspaceId, createdAt, key: `account.health_dropped:${accountId}:${previous.at}`, type: 'account.health_dropped',
        data: { accountId, health: score.health, previousHealth: previous.health, drop: change.drop },
      });
    }
    if (known === undefined) {
      statements.push({
        sql: `INSERT INTO account_snapshots (workspace_id, account_id, health, expansion, at) VALUES (?, ?, ?, ?, ?)
              ON CONFLICT (workspace_id, account_id) DO NOTHING`,
        args: [workspaceId, accountId, score.health, score.expansion ? 1 : 0, asOf],
      });
    } else if (change.next !== null) {
      statements.push({
        sql: 'UPDATE account_snapshots SET health = ?, expansion = ?, at = ? WHERE workspace_id = ? AND account_id = ? AND at = ?',
        args: [change.next.health, change.next.expansion ? 1 : 0, asOf, workspaceId, accountId, known.at],
      });
    }
  }
  return { events, statements };
}
