// Rollups of the events one ingest transaction inserted (id > ingest_cursor.last_event_id).
// Each is an atomic upsert with min/max or a latest-timestamp-wins condition, so late, shuffled or
// concurrent writers converge on the same rows; equal timestamps fall back to comparing values.

const NEW_EVENTS = 'events WHERE id > (SELECT last_event_id FROM ingest_cursor)';
const ACTIVITY = "type IN ('track', 'page')";

/** First message, first and last activity (METRICS.md "Activity") of every user touched. */
const users = `
INSERT INTO users (workspace_id, id, is_anonymous, first_message_at, first_activity_at, last_activity_at)
SELECT workspace_id, coalesce(user_id, anonymous_id), user_id IS NULL, min(timestamp),
       min(CASE WHEN ${ACTIVITY} THEN timestamp END), max(CASE WHEN ${ACTIVITY} THEN timestamp END)
FROM ${NEW_EVENTS}
GROUP BY 1, 2
ON CONFLICT (workspace_id, id) DO UPDATE SET
  first_message_at  = min(first_message_at, excluded.first_message_at),
  first_activity_at = coalesce(min(first_activity_at, excluded.first_activity_at), first_activity_at, excluded.first_activity_at),
  last_activity_at  = coalesce(max(last_activity_at, excluded.last_activity_at), last_activity_at, excluded.last_activity_at)`;

/** A user's account is the groupId of their latest group message by timestamp. */
const userAccounts = `
INSERT INTO users (workspace_id, id, is_anonymous, first_message_at, account_id, account_at)
SELECT workspace_id, coalesce(user_id, anonymous_id), user_id IS NULL, timestamp, group_id, timestamp
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
FROM events e, json_each(e.traits) t
WHERE e.id > (SELECT last_event_id FROM ingest_cursor) AND e.type = '${type}' AND e.traits IS NOT NULL
ON CONFLICT (workspace_id, ${owner}, key) DO UPDATE SET
  value = excluded.value,
  set_at = excluded.set_at
WHERE excluded.set_at > set_at OR (excluded.set_at = set_at AND excluded.value > value)`;
}

/** Anonymous ids seen with a userId (an identify after browsing) or named by an alias. */
const identities = `
INSERT INTO identities (workspace_id, anonymous_id, user_id, linked_at)
SELECT workspace_id, coalesce(previous_id, anonymous_id), user_id, min(timestamp)
FROM ${NEW_EVENTS} AND user_id IS NOT NULL AND coalesce(previous_id, anonymous_id) IS NOT NULL
GROUP BY 1, 2, 3
ON CONFLICT (workspace_id, anonymous_id, user_id) DO UPDATE SET
  linked_at = min(linked_at, excluded.linked_at)`;

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
];
