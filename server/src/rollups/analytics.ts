// Rollups behind the METRICS.md figures, run after the base rollups in the same ingest transaction.
// Start-relative columns (retention bits, activation) grow incrementally while a user's start stays
// put, and are rebuilt from the per-day rollups in the batch where it moves, so arrival order and
// batching never change the result.
import { ACTIVITY, AFTER_CURSOR, epochMs, NEW_EVENTS } from './sql';
import { DAY_MS, WEEK_MS } from '../time';

const USER = 'coalesce(user_id, anonymous_id)';
/** Retention keeps weeks 0–61 in one 64-bit integer. */
const MAX_WEEKS = 62;

const CREATED_AT = epochMs('traits', '$.createdAt');

/** The latest identify (by timestamp, then greater value) with a valid createdAt sets it. */
const createdAt = `
INSERT INTO users (workspace_id, id, is_anonymous, key, first_message_at, created_at, created_set_at, created_first_set_at)
SELECT workspace_id, ${USER}, user_id IS NULL, id, timestamp, created, timestamp, timestamp
FROM (SELECT *, ${CREATED_AT} AS created FROM ${NEW_EVENTS} AND type = 'identify' AND traits IS NOT NULL)
WHERE created IS NOT NULL
ON CONFLICT (workspace_id, id) DO UPDATE SET
  created_at = CASE WHEN created_set_at IS NULL OR excluded.created_set_at > created_set_at
    OR (excluded.created_set_at = created_set_at AND excluded.created_at > created_at) THEN excluded.created_at ELSE created_at END,
  created_set_at = max(coalesce(created_set_at, excluded.created_set_at), excluded.created_set_at),
  created_first_set_at = min(coalesce(created_first_set_at, excluded.created_first_set_at), excluded.created_first_set_at)`;

/**
 * Activity per user and UTC day (the user_activity_days view: user_days rows of event '', beside
 * the user's track events of the day), with the user's key (the users rollup ran first).
 */
const activityDays = `
INSERT INTO user_days (workspace_id, user_id, event, day, count, first_at, last_at, user_key)
SELECT workspace_id, user_id, '', timestamp / ${DAY_MS}, 0, min(timestamp), max(timestamp),
  (SELECT u.key FROM users u WHERE u.workspace_id = e.workspace_id AND u.id = e.user_id)
FROM events e NOT INDEXED WHERE e.${AFTER_CURSOR} AND ${ACTIVITY} AND user_id IS NOT NULL
GROUP BY 1, 2, 4
ON CONFLICT (workspace_id, user_id, event, day) DO UPDATE SET
  first_at = min(first_at, excluded.first_at),
  last_at = max(last_at, excluded.last_at)`;

/**
 * gap_before moves only where the batch set a day's first_at (its own gap) or its last_at (the next
 * active day's gap); a new day sets both. Most batches only extend today, so few rows are rewritten.
 * One pass over the touched days names both rows (own, next); no set of them is built.
 */
const activityGaps = `
WITH touched AS (
  SELECT workspace_id AS w, user_id AS u, timestamp / ${DAY_MS} AS day, min(timestamp) AS lo, max(timestamp) AS hi
  FROM ${NEW_EVENTS} AND ${ACTIVITY} AND user_id IS NOT NULL GROUP BY 1, 2, 3),
affected AS (
  SELECT t.w, t.u, CASE WHEN d.first_at = t.lo THEN t.day END AS own,
    CASE WHEN d.last_at = t.hi THEN (SELECT min(n.day) FROM user_activity_days n WHERE n.workspace_id = t.w AND n.user_id = t.u AND n.day > t.day) END AS next
  FROM touched t JOIN user_activity_days d ON d.workspace_id = t.w AND d.user_id = t.u AND d.day = t.day)
UPDATE user_days SET gap_before = first_at - (
  SELECT p.last_at FROM user_activity_days p
  WHERE p.workspace_id = user_days.workspace_id AND p.user_id = user_days.user_id AND p.day < user_days.day
  ORDER BY p.day DESC LIMIT 1)
FROM affected a
WHERE user_days.workspace_id = a.w AND user_days.user_id = a.u AND user_days.event = '' AND user_days.day IN (a.own, a.next)`;

// An activity at t falls in week (t − start) / 7 days. A day spans at most two such weeks, and has
// activity in the earlier one iff first_at is in it and in the later one iff last_at is.
const weekBit = (at: string, startAt: string) =>
  `CASE WHEN ${at} >= ${startAt} AND ${at} < ${startAt} + ${MAX_WEEKS * WEEK_MS} THEN 1 << ((${at} - ${startAt}) / ${WEEK_MS}) END`;

/**
 * New activity adds weeks (identified users, as activity days); runs after a moved start's rebuild.
 * Weeks a user already has are dropped before the sorts: most activity falls in one.
 */
const retentionAdded = `
UPDATE users SET retained_weeks = retained_weeks | n.bits
FROM (
  SELECT w, u, sum(bit) AS bits FROM (
    SELECT DISTINCT w, u, bit FROM (
      SELECT e.workspace_id AS w, e.user_id AS u, ${weekBit('e.timestamp', 's.start_at')} AS bit, s.retained_weeks AS had
      FROM events e NOT INDEXED JOIN users s ON s.workspace_id = e.workspace_id AND s.id = e.user_id
      WHERE e.${AFTER_CURSOR} AND e.type IN ('track', 'page'))
    WHERE bit IS NOT NULL AND had & bit = 0)
  GROUP BY w, u) n
WHERE users.workspace_id = n.w AND users.id = n.u AND users.retained_weeks | n.bits != users.retained_weeks`;

/**
 * 1 when every activation event occurs at least once in [start, start + windowDays] (exact: see
 * user_event_days), for the user row `u` (workspace_id, id) and a start expression.
 */
export const activatedSql = (u: string, start: string) => `coalesce((
  SELECT json_array_length(s.document, '$.activation.events') > 0 AND NOT EXISTS (
    SELECT 1 FROM json_each(s.document, '$.activation.events') a
    WHERE NOT EXISTS (
      SELECT 1 FROM user_event_days d
      WHERE d.workspace_id = ${u}.workspace_id AND d.user_id = ${u}.id AND d.event = a.value
        AND d.day BETWEEN ${start} / ${DAY_MS} AND (${start} + json_extract(s.document, '$.activation.windowDays') * ${DAY_MS}) / ${DAY_MS}
        AND d.first_at <= ${start} + json_extract(s.document, '$.activation.windowDays') * ${DAY_MS}
        AND d.last_at >= ${start}))
  FROM settings s WHERE s.workspace_id = ${u}.workspace_id AND ${start} IS NOT NULL), 0)`;

/** The retention bits of user row `u` for a start expression, from its activity days. */
export const retainedWeeksSql = (u: string, start: string) => `coalesce((
  SELECT sum(bit) FROM (
    SELECT DISTINCT ${weekBit('at', start)} AS bit FROM (
      SELECT first_at AS at FROM user_activity_days d WHERE d.workspace_id = ${u}.workspace_id AND d.user_id = ${u}.id
      UNION ALL
      SELECT last_at FROM user_activity_days d WHERE d.workspace_id = ${u}.workspace_id AND d.user_id = ${u}.id))
  WHERE bit IS NOT NULL), 0)`;

const ACTIVATED = activatedSql('users', 'users.start_at');

/** start(u) = createdAt, else first activity, as the batch left them (migration 016 repeats it). */
const START = 'coalesce(users.created_at, users.first_activity_at)';

/**
 * A user whose start moved (first messages, a late createdAt, an earlier event arriving late) gets
 * start and the start-relative columns rebuilt from the per-day rollups. The partial index of
 * migration 016 holds exactly those users: it costs nothing where no start moved, where a lookup
 * of each new event's user took ~5 % of an ingest transaction.
 */
const startMoved = `
UPDATE users INDEXED BY users_start_moved
SET start_at = ${START}, retained_weeks = ${retainedWeeksSql('users', START)}, activated = ${activatedSql('users', START)}
WHERE users.start_at IS NOT ${START}`;

/** Each workspace's activation events and window, read from its settings once per statement rather than per event. */
const ACTIVATION_EVENTS = `SELECT s.workspace_id AS w, a.value AS event,
  json_extract(s.document, '$.activation.windowDays') * ${DAY_MS} AS window
  FROM settings s, json_each(s.document, '$.activation.events') a`;

/**
 * Users not yet activated who did an activation event in this batch, within their activation
 * window: an event outside it cannot activate them (a start that moved was rebuilt by startMoved,
 * with this batch's days). The others are dropped before the sort; most events of a user who has
 * been around a while fall outside the window. So is an event that followed one of its kind on the
 * same day within the window: that one was counted when it came (or is in this batch, and the
 * earliest of the day is not dropped), so the user lacks some other event. Without this, a user
 * who repeats one activation event and never the others was checked again at every repeat.
 */
const activation = `
WITH k AS MATERIALIZED (${ACTIVATION_EVENTS})
UPDATE users SET activated = ${ACTIVATED}
FROM (
  SELECT DISTINCT e.workspace_id AS w, coalesce(e.user_id, e.anonymous_id) AS u
  FROM events e NOT INDEXED CROSS JOIN k ON k.w = e.workspace_id AND k.event = e.event
  CROSS JOIN users s ON s.workspace_id = e.workspace_id AND s.id = coalesce(e.user_id, e.anonymous_id)
  WHERE e.${AFTER_CURSOR} AND e.type = 'track' AND s.activated = 0
    AND e.timestamp BETWEEN s.start_at AND s.start_at + k.window
    AND NOT EXISTS (SELECT 1 FROM user_event_days d
      WHERE d.workspace_id = e.workspace_id AND d.user_id = s.id AND d.event = e.event AND d.day = e.timestamp / ${DAY_MS}
        AND d.first_at >= s.start_at AND d.first_at < e.timestamp)) n
WHERE users.workspace_id = n.w AND users.id = n.u AND users.activated = 0 AND ${ACTIVATED} = 1`;

/** First occurrence of the workspace's value event (users who reached value before are dropped before the sort). */
const valueAt = `
WITH v AS MATERIALIZED (SELECT workspace_id AS w, json_extract(document, '$.valueEvent') AS event FROM settings)
UPDATE users SET value_at = min(coalesce(value_at, n.at), n.at)
FROM (
  SELECT e.workspace_id AS w, coalesce(e.user_id, e.anonymous_id) AS u, min(e.timestamp) AS at
  FROM events e NOT INDEXED CROSS JOIN v ON v.w = e.workspace_id AND v.event = e.event
  CROSS JOIN users s ON s.workspace_id = e.workspace_id AND s.id = coalesce(e.user_id, e.anonymous_id)
  WHERE e.${AFTER_CURSOR} AND e.type = 'track' AND (s.value_at IS NULL OR e.timestamp < s.value_at)
  GROUP BY 1, 2) n
WHERE users.workspace_id = n.w AND users.id = n.u AND (users.value_at IS NULL OR n.at < users.value_at)`;

/** The account of each group message, for "the user's account at t". */
const accountHistory = `
INSERT INTO user_account_history (workspace_id, user_id, at, account_id)
SELECT workspace_id, ${USER}, timestamp, max(group_id) FROM ${NEW_EVENTS} AND type = 'group'
GROUP BY 1, 2, 3
ON CONFLICT (workspace_id, user_id, at) DO UPDATE SET account_id = max(account_id, excluded.account_id)`;

/** When each user first had an account (the earliest group message), for segments at a past asOf. */
const accountFirstAt = `
UPDATE users SET account_first_at = m.at
FROM (SELECT workspace_id AS w, ${USER} AS u, min(timestamp) AS at FROM ${NEW_EVENTS} AND type = 'group' GROUP BY 1, 2) m
WHERE users.workspace_id = m.w AND users.id = m.u AND (users.account_first_at IS NULL OR m.at < users.account_first_at)`;

const accountTraitHistory = `
INSERT INTO account_trait_history (workspace_id, account_id, key, set_at, value)
SELECT e.workspace_id, e.group_id, t.key, e.timestamp, CASE t.type WHEN 'object' THEN t.value WHEN 'array' THEN t.value
  WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE json_quote(t.value) END
FROM events e NOT INDEXED, json_each(e.traits) t
WHERE e.${AFTER_CURSOR} AND e.type = 'group' AND e.traits IS NOT NULL
ON CONFLICT (workspace_id, account_id, key, set_at) DO UPDATE SET value = excluded.value WHERE excluded.value > value`;

const surveyResponses = `
INSERT INTO survey_responses (workspace_id, user_id, anonymous, flow_id, at, score, comment)
SELECT workspace_id, ${USER}, user_id IS NULL, json_extract(properties, '$.flowId'), timestamp, json_extract(properties, '$.score'),
  CASE json_type(properties, '$.comment') WHEN 'text' THEN json_extract(properties, '$.comment') END
FROM ${NEW_EVENTS} AND type = 'track' AND event = 'Onward Survey Responded'
  AND json_type(properties, '$.score') = 'integer' AND json_extract(properties, '$.score') BETWEEN 0 AND 10`;

const FLOW_KINDS: Record<string, string> = {
  'Onward Flow Started': 'started',
  'Onward Step Viewed': 'step_viewed',
  'Onward Flow Completed': 'completed',
  'Onward Flow Dismissed': 'dismissed',
  'Onward Flow Held Out': 'held_out',
  'Onward Flow Target Missing': 'target_missing',
};
const flowKind = `CASE event ${Object.entries(FLOW_KINDS).map(([event, kind]) => `WHEN '${event}' THEN '${kind}'`).join(' ')} END`;
const textProperty = (path: string) => `CASE json_type(properties, '${path}') WHEN 'text' THEN json_extract(properties, '${path}') END`;

const flowEvents = `
INSERT INTO flow_events (workspace_id, flow_id, kind, step_id, step_index, user_id, at, url, selector)
SELECT workspace_id, json_extract(properties, '$.flowId'), ${flowKind}, ${textProperty('$.stepId')},
  CASE json_type(properties, '$.stepIndex') WHEN 'integer' THEN json_extract(properties, '$.stepIndex') END,
  ${USER}, timestamp, ${textProperty('$.url')}, ${textProperty('$.selector')}
FROM ${NEW_EVENTS} AND type = 'track' AND event IN (${Object.keys(FLOW_KINDS).map((e) => `'${e}'`).join(', ')})
  AND json_type(properties, '$.flowId') = 'text'`;

const eventNames = `
INSERT INTO event_names (workspace_id, event, count, first_at, last_at)
SELECT workspace_id, event, count(*), min(timestamp), max(timestamp)
FROM ${NEW_EVENTS} AND type = 'track' AND event IS NOT NULL
GROUP BY 1, 2
ON CONFLICT (workspace_id, event) DO UPDATE SET
  count = count + excluded.count,
  first_at = min(first_at, excluded.first_at),
  last_at = max(last_at, excluded.last_at)`;

/** In order: start needs createdAt, first activity and the day rollups; retention and activation need start. */
export const ANALYTICS_STATEMENTS: readonly string[] = [
  createdAt,
  activityDays,
  activityGaps,
  startMoved,
  retentionAdded,
  activation,
  valueAt,
  accountHistory,
  accountFirstAt,
  accountTraitHistory,
  surveyResponses,
  flowEvents,
  eventNames,
];
