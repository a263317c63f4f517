// Rollups of the events one ingest transaction inserted (id > ingest_cursor.last_event_id).
// Each is an atomic upsert with min/max or a latest-timestamp-wins condition, so late, shuffled or
// concurrent writers converge on the same rows; equal timestamps fall back to comparing values.

import { ANALYTICS_STATEMENTS } from './analytics';
import { ACTIVITY, AFTER_CURSOR, NEW_EVENTS } from './sql';
import { DAY_MS } from '../time';

/**
 * First message, first and last activity (METRICS.md "Activity") of every user touched. A new user
 * is keyed by the id of their first stored message (migration 008): an event belongs to one user.
 */
const users = `
INSERT INTO users (workspace_id, id, is_anonymous, key, first_message_at, first_activity_at, last_activity_at)
SELECT workspace_id, coalesce(user_id, anonymous_id), user_id IS NULL, min(id), min(timestamp),
       min(CASE WHEN ${ACTIVITY} THEN timestamp END), max(CASE WHEN ${ACTIVITY} THEN timestamp END)
FROM ${NEW_EVENTS}
GROUP BY 1, 2
ON CONFLICT (workspace_id, id) DO UPDATE SET
  first_message_at  = min(first_message_at, excluded.first_message_at),
  first_activity_at = coalesce(min(first_activity_at, excluded.first_activity_at), first_activity_at, excluded.first_activity_at),
  last_activity_at  = coalesce(max(last_activity_at, excluded.last_activity_at), last_activity_at, excluded.last_activity_at)`;

/** A user's account is the groupId of their latest group message by timestamp. */
const userAccounts = `
INSERT INTO users (workspace_id, id, is_anonymous, key, first_message_at, account_id, account_at)
SELECT workspace_id, coalesce(user_id, anonymous_id), user_id IS NULL, id, timestamp, group_id, timestamp
FROM ${NEW_EVENTS} AND type = 'group'
ON CONFLICT (workspace_id, id) DO UPDATE SET
  account_id = excluded.account_id,
  account_at = excluded.account_at
WHERE account_at IS NULL OR excluded.account_at > account_at
   OR (excluded.account_at = account_at AND excluded.account_id > account_id)`;

const accounts = `
INSERT INTO accounts (workspace_id, id, first_message_at)
SELECT workspace_id, group_id, min(timestamp) FROM ${NEW_EVENTS} AND type = 'group'
GROUP BY 1, 2
ON CONFLICT (workspace_id, id) DO UPDATE SET
  first_message_at = min(first_message_at, excluded.first_message_at)`;

// json_each gives SQL values; turn each back into JSON text, keeping booleans booleans.
const JSON_VALUE = `CASE t.type WHEN 'object' THEN t.value WHEN 'array' THEN t.value
  WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE json_quote(t.value) END`;

function traitsUpsert(table: string, owner: string, ownerExpr: string, type: string): string {
  return `
INSERT INTO ${table} (workspace_id, ${owner}, key, value, set_at)
SELECT e.workspace_id, ${ownerExpr}, t.key, ${JSON_VALUE}, e.timestamp
FROM events e NOT INDEXED, json_each(e.traits) t
WHERE e.${AFTER_CURSOR} AND e.type = '${type}' AND e.traits IS NOT NULL
ON CONFLICT (workspace_id, ${owner}, key) DO UPDATE SET
  value = excluded.value,
  set_at = excluded.set_at
WHERE excluded.set_at > set_at OR (excluded.set_at = set_at AND excluded.value > value)`;
}

/**
 * Anonymous ids seen with a userId (an identify after browsing) or named by an alias. Links known
 * from as early or earlier are dropped before the sort: nearly every message repeats one.
 */
const identities = `
INSERT INTO identities (workspace_id, anonymous_id, user_id, linked_at)
SELECT e.workspace_id, coalesce(e.previous_id, e.anonymous_id), e.user_id, min(e.timestamp)
FROM events e NOT INDEXED LEFT JOIN identities i
  ON i.workspace_id = e.workspace_id AND i.anonymous_id = coalesce(e.previous_id, e.anonymous_id) AND i.user_id = e.user_id
WHERE e.${AFTER_CURSOR} AND e.user_id IS NOT NULL AND coalesce(e.previous_id, e.anonymous_id) IS NOT NULL
  AND (i.linked_at IS NULL OR e.timestamp < i.linked_at)
GROUP BY 1, 2, 3
ON CONFLICT (workspace_id, anonymous_id, user_id) DO UPDATE SET
  linked_at = excluded.linked_at
WHERE excluded.linked_at < linked_at`;

/**
 * Track events per user and UTC day (the user_event_days view): counts add up, as each event
 * reaches here exactly once.
 */
const userEventDays = `
INSERT INTO user_days (workspace_id, user_id, event, day, count, first_at, last_at)
SELECT workspace_id, coalesce(user_id, anonymous_id), event, timestamp / ${DAY_MS}, count(*), min(timestamp), max(timestamp)
FROM ${NEW_EVENTS} AND type = 'track'
GROUP BY 1, 2, 3, 4
ON CONFLICT (workspace_id, user_id, event, day) DO UPDATE SET
  count = count + excluded.count,
  first_at = min(first_at, excluded.first_at),
  last_at = max(last_at, excluded.last_at)`;

// At equal timestamps the further state wins: completed > dismissed > started > held out, then the later step.
const rank = (status: string) =>
  `CASE ${status} WHEN 'completed' THEN 3 WHEN 'dismissed' THEN 2 WHEN 'started' THEN 1 ELSE 0 END`;
const NEWER = `(excluded.at > at OR (excluded.at = at AND (${rank('excluded.status')} > ${rank('status')}
  OR (${rank('excluded.status')} = ${rank('status')} AND excluded.step_index > step_index))))`;
const firstOf = (column: string) => `coalesce(min(${column}, excluded.${column}), ${column}, excluded.${column})`;
const when = (events: string) => `CASE WHEN event IN (${events}) THEN timestamp END`;

const STATUS = `CASE event WHEN 'Onward Flow Completed' THEN 'completed' WHEN 'Onward Flow Dismissed' THEN 'dismissed'
  WHEN 'Onward Flow Held Out' THEN 'held_out' ELSE 'started' END`;
const STEP = "coalesce(json_extract(properties, '$.stepIndex'), 0)";
const VERSION = "coalesce(json_extract(properties, '$.flowVersion'), 0)";
const FLOW_EVENTS = `${NEW_EVENTS} AND type = 'track'
  AND event IN ('Onward Flow Started', 'Onward Step Viewed', 'Onward Flow Completed', 'Onward Flow Dismissed', 'Onward Flow Held Out')
  AND json_type(properties, '$.flowId') = 'text'`;

/**
 * Where each user is in each flow, from the SDK's `Onward …` events (CONTRACT.md §2). The latest
 * event (by time, then status, then step) sets status and step; its version is set by
 * flowProgressVersion, because SQLite rewrites the version index whenever an update assigns the
 * column, even to the value it has, and versions rarely change while steps do.
 */
const flowProgress = `
INSERT INTO flow_progress (workspace_id, user_id, flow_id, version, status, step_index, at,
  first_seen_at, last_seen_at, completed_at, dismissed_at, held_out_at)
SELECT workspace_id, coalesce(user_id, anonymous_id), json_extract(properties, '$.flowId'), ${VERSION}, ${STATUS}, ${STEP}, timestamp,
  ${when("'Onward Flow Started', 'Onward Step Viewed'")}, ${when("'Onward Flow Started', 'Onward Step Viewed'")},
  ${when("'Onward Flow Completed'")}, ${when("'Onward Flow Dismissed'")}, ${when("'Onward Flow Held Out'")}
FROM ${FLOW_EVENTS}
ORDER BY timestamp
ON CONFLICT (workspace_id, user_id, flow_id) DO UPDATE SET
  status     = CASE WHEN ${NEWER} THEN excluded.status ELSE status END,
  step_index = CASE WHEN ${NEWER} THEN excluded.step_index ELSE step_index END,
  at         = max(at, excluded.at),
  first_seen_at = ${firstOf('first_seen_at')},
  last_seen_at  = coalesce(max(last_seen_at, excluded.last_seen_at), last_seen_at, excluded.last_seen_at),
  completed_at  = ${firstOf('completed_at')},
  dismissed_at  = ${firstOf('dismissed_at')},
  held_out_at   = ${firstOf('held_out_at')}`;

/**
 * The version of the event that now leads each row (the batch's event with the row's time, status
 * and step; the higher version if two tie), written only where it differs.
 */
const flowProgressVersion = `
UPDATE flow_progress SET version = n.version
FROM (
  SELECT workspace_id AS w, coalesce(user_id, anonymous_id) AS u, json_extract(properties, '$.flowId') AS f,
    timestamp AS at, ${STATUS} AS status, ${STEP} AS step, max(${VERSION}) AS version
  FROM ${FLOW_EVENTS}
  GROUP BY 1, 2, 3, 4, 5, 6) n
WHERE flow_progress.workspace_id = n.w AND flow_progress.user_id = n.u AND flow_progress.flow_id = n.f
  AND flow_progress.at = n.at AND flow_progress.status = n.status AND flow_progress.step_index = n.step
  AND flow_progress.version IS NOT n.version`;

/** Marks the events inserted after this statement as the ones the rollups below will read. */
export const MARK_CURSOR =
  'UPDATE ingest_cursor SET last_event_id = (SELECT coalesce(max(id), 0) FROM events)';

/** Every rollup, in the order they must run after the events are inserted. */
export const ROLLUP_STATEMENTS: readonly string[] = [
  users,
  userAccounts,
  accounts,
  traitsUpsert('user_traits', 'user_id', 'coalesce(e.user_id, e.anonymous_id)', 'identify'),
  traitsUpsert('account_traits', 'account_id', 'e.group_id', 'group'),
  identities,
  userEventDays,
  flowProgress,
  flowProgressVersion,
  ...ANALYTICS_STATEMENTS,
];
