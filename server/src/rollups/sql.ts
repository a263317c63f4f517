// SQL fragments shared by the rollup statements.
import { DEFAULT_SETTINGS } from '../contracts/settings';
import { DAY_MS } from '../time';

/** Rows of the events table after the cursor: the ones the current ingest transaction inserted. */
export const AFTER_CURSOR = 'id > (SELECT last_event_id FROM ingest_cursor)';
/**
 * The new events, read by rowid range. NOT INDEXED because, without statistics, the planner will
 * walk the message-id index over every event ever stored to save a sort on workspace_id.
 */
export const NEW_EVENTS = `events NOT INDEXED WHERE ${AFTER_CURSOR}`;
/** METRICS.md "Activity": track and page messages. */
export const ACTIVITY = "type IN ('track', 'page')";

/**
 * Activity day `d` is a return after at least `gap` (SQL) away (METRICS.md "Return"). The first
 * term repeats the condition of the partial index user_returns, so that the planner uses it.
 */
export const isReturn = (d: string, gap: string) => `${d}.gap_before >= ${DAY_MS} AND ${d}.gap_before >= ${gap}`;

/** The dormancy threshold in ms of workspace `ws` (SQL): its setting, or the default without one. */
const dormancyGap = (ws: string) => `${DAY_MS} * coalesce(
  (SELECT json_extract(s.document, '$.dormantAfterDays') FROM settings s WHERE s.workspace_id = ${ws}), ${DEFAULT_SETTINGS.dormantAfterDays})`;

/**
 * The first activity of the latest return of user row `u`, or NULL: users.last_return_at, which
 * ingest keeps up to date by the trigger of migration 010 (the same lookup).
 */
export const lastReturnSql = (u: string) => `(
  SELECT d.first_at FROM user_activity_days d
  WHERE d.workspace_id = ${u}.workspace_id AND d.user_id = ${u}.id AND ${isReturn('d', dormancyGap(`${u}.workspace_id`))}
  ORDER BY d.day DESC LIMIT 1)`;

/** A JSON time as epoch ms: an ISO-8601 string, or a number of milliseconds; NULL otherwise. */
export const epochMs = (json: string, path: string) => `CASE json_type(${json}, '${path}')
  WHEN 'integer' THEN json_extract(${json}, '${path}')
  WHEN 'real' THEN CAST(json_extract(${json}, '${path}') AS INTEGER)
  WHEN 'text' THEN CAST(round((julianday(json_extract(${json}, '${path}')) - 2440587.5) * 86400000) AS INTEGER)
END`;
