// The SQL of flow reports, over the rollups only (flow_events, users, user_event_days), all read
// in one transaction so the funnel and the comparisons describe the same moment.
import type { Database } from '../db';
import { DAY_MS } from '../time';
import type { ReportWindow } from './report-params';

export type FunnelCounts = {
  started: number;
  completed: number;
  dismissed: number;
  targetMissing: number;
  heldOut: number;
  /** Distinct viewers per step id (a view without a step id is matched by its index). */
  stepViews: Map<string, number>;
};

export type MissingTarget = { stepId: string | null; selector: string | null; url: string | null; users: number; events: number; lastAt: string };

/** One user of the comparison: exposed or held out, at the moment of their first start or hold-out. */
export type Member = {
  holdout: boolean;
  at: number;
  start: number | null;
  valueAt: number | null;
  activated: boolean;
  converted: boolean;
};

export type ReportRows = { funnel: FunnelCounts; missingTargets: MissingTarget[]; members: Member[] };

export type Goal = { event: string; withinMs: number } | null;

const IN_WINDOW = 'workspace_id = :ws AND flow_id = :flow AND at >= :from AND at < :to';
export const MISSING_TARGETS_LIMIT = 10;

const COUNTS = `SELECT kind, count(DISTINCT user_id) AS users FROM flow_events
  WHERE ${IN_WINDOW} AND kind IN ('started', 'completed', 'dismissed', 'target_missing', 'held_out') GROUP BY kind`;

const STEP_VIEWS = `SELECT step, count(DISTINCT user_id) AS users FROM (
    SELECT user_id, coalesce(step_id, (SELECT s.value FROM json_each(:steps) s WHERE s.key = step_index)) AS step
    FROM flow_events WHERE ${IN_WINDOW} AND kind = 'step_viewed')
  WHERE step IS NOT NULL GROUP BY step`;

const MISSING = `SELECT step_id, selector, url, count(DISTINCT user_id) AS users, count(*) AS events, max(at) AS last_at
  FROM flow_events WHERE ${IN_WINDOW} AND kind = 'target_missing'
  GROUP BY step_id, selector, url ORDER BY events DESC, users DESC, last_at DESC LIMIT ${MISSING_TARGETS_LIMIT}`;

/**
 * Each user's first start or hold-out ever; kept when it falls in [from, to). Held out when the
 * first of the two is a hold-out (ties too). Converted: a goal event in [at, at + within], exact
 * from the per-day first/last (a day row matches iff first_at ≤ end and last_at ≥ at).
 */
const MEMBERS = `WITH firsts AS (
    SELECT user_id, min(at) AS at, min(CASE WHEN kind = 'held_out' THEN at END) AS held_at
    FROM flow_events WHERE workspace_id = :ws AND flow_id = :flow AND at < :to AND kind IN ('started', 'held_out')
    GROUP BY user_id HAVING min(at) >= :from)
  SELECT f.held_at = f.at AS holdout, f.at, u.start_at, u.value_at, coalesce(u.activated, 0) AS activated,
    :goal IS NOT NULL AND EXISTS (SELECT 1 FROM user_event_days d
      WHERE d.workspace_id = :ws AND d.user_id = f.user_id AND d.event = :goal
        AND d.day BETWEEN f.at / ${DAY_MS} AND (f.at + :within) / ${DAY_MS}
        AND d.first_at <= f.at + :within AND d.last_at >= f.at) AS converted
  FROM firsts f LEFT JOIN users u ON u.workspace_id = :ws AND u.id = f.user_id`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function createReportStore(db: Database) {
  return {
    async read(workspaceId: number, flowId: string, window: ReportWindow, stepIds: readonly string[], goal: Goal): Promise<ReportRows> {
      const args = { ws: workspaceId, flow: flowId, from: window.from, to: window.to };
      const [counts, views, missing, members] = await db.batch(
        [
          { sql: COUNTS, args },
          { sql: STEP_VIEWS, args: { ...args, steps: JSON.stringify(stepIds) } },
          { sql: MISSING, args },
          { sql: MEMBERS, args: { ...args, goal: goal?.event ?? null, within: goal?.withinMs ?? 0 } },
        ],
        'read',
      );
      const byKind = new Map(counts!.rows.map((r) => [String(r.kind), Number(r.users)]));
      return {
        funnel: {
          started: byKind.get('started') ?? 0,
          completed: byKind.get('completed') ?? 0,
          dismissed: byKind.get('dismissed') ?? 0,
          targetMissing: byKind.get('target_missing') ?? 0,
          heldOut: byKind.get('held_out') ?? 0,
          stepViews: new Map(views!.rows.map((r) => [String(r.step), Number(r.users)])),
        },
        missingTargets: missing!.rows.map((r) => ({
          stepId: str(r.step_id),
          selector: str(r.selector),
          url: str(r.url),
          users: Number(r.users),
          events: Number(r.events),
          lastAt: new Date(Number(r.last_at)).toISOString(),
        })),
        members: members!.rows.map((r) => ({
          holdout: Number(r.holdout) === 1,
          at: Number(r.at),
          start: num(r.start_at),
          valueAt: num(r.value_at),
          activated: Number(r.activated) === 1,
          converted: Number(r.converted) === 1,
        })),
      };
    },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
