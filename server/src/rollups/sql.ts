// SQL fragments shared by the rollup statements.
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

/** A JSON time as epoch ms: an ISO-8601 string, or a number of milliseconds; NULL otherwise. */
export const epochMs = (json: string, path: string) => `CASE json_type(${json}, '${path}')
  WHEN 'integer' THEN json_extract(${json}, '${path}')
  WHEN 'real' THEN CAST(json_extract(${json}, '${path}') AS INTEGER)
  WHEN 'text' THEN CAST(round((julianday(json_extract(${json}, '${path}')) - 2440587.5) * 86400000) AS INTEGER)
END`;
