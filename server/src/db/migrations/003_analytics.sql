-- Rollups behind the customer-success metrics (METRICS.md), kept at ingest in the same transaction.
-- Metric queries read these tables and never the events table.

-- start(u) = createdAt trait, else first activity. created_* follow the latest identify (by timestamp)
-- that carries a valid createdAt; created_first_set_at is the earliest one, so a query with a past
-- asOf knows whether the trait existed yet.
ALTER TABLE users ADD COLUMN created_at INTEGER;
ALTER TABLE users ADD COLUMN created_set_at INTEGER;
ALTER TABLE users ADD COLUMN created_first_set_at INTEGER;
ALTER TABLE users ADD COLUMN start_at INTEGER;
-- First occurrence of the workspace's value event; recomputed in the background when it changes.
ALTER TABLE users ADD COLUMN value_at INTEGER;
-- 1 when every activation event occurred in [start, start + windowDays]; maturity is judged at query time.
ALTER TABLE users ADD COLUMN activated INTEGER NOT NULL DEFAULT 0;
-- Bit k set = at least one activity in [start + 7k days, start + 7(k+1) days), for k < 62.
ALTER TABLE users ADD COLUMN retained_weeks INTEGER NOT NULL DEFAULT 0;

-- Covering indexes: a cohort of 100k+ users is read from the index alone, without a lookup per
-- user in the table (those lookups, not the scan, are what cost seconds at a million users). An
-- UPDATE rewrites every index holding a column it sets, so these leave out what each message moves
-- (first/last activity) and the rollups set the rest only when the value changes.
CREATE INDEX users_start ON users (workspace_id, start_at, created_set_at, value_at, activated,
  retained_weeks, account_id, account_at) WHERE is_anonymous = 0;
CREATE INDEX users_created_set ON users (workspace_id, created_set_at) WHERE created_set_at IS NOT NULL;
CREATE INDEX users_last_activity ON users (workspace_id, last_activity_at, account_id, account_at) WHERE is_anonymous = 0;
CREATE INDEX users_account ON users (workspace_id, account_id) WHERE account_id IS NOT NULL;

-- Last occurrence per day too: with first and last per UTC day, "did X happen in [a, b]" is exact
-- whenever b - a is at least a day (a day can hold both ends of no such interval).
ALTER TABLE user_event_days ADD COLUMN last_at INTEGER;
UPDATE user_event_days SET last_at = (
  SELECT max(e.timestamp) FROM events e
  WHERE e.workspace_id = user_event_days.workspace_id AND e.type = 'track'
    AND coalesce(e.user_id, e.anonymous_id) = user_event_days.user_id
    AND e.event = user_event_days.event AND e.timestamp / 86400000 = user_event_days.day);
UPDATE user_event_days SET last_at = first_at WHERE last_at IS NULL;

-- Activity (track and page) per identified user and UTC day. gap_before = first_at minus the previous active
-- day's last_at: a return (METRICS.md) is a day whose gap_before is at least the dormancy threshold,
-- as no gap inside one day can reach a whole day.
CREATE TABLE user_activity_days (
  workspace_id INTEGER NOT NULL,
  user_id      TEXT    NOT NULL,
  day          INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  gap_before   INTEGER,
  PRIMARY KEY (workspace_id, user_id, day)
) WITHOUT ROWID;
-- Only candidate returns (gap of a day or more); queries repeat the condition to use it.
CREATE INDEX user_returns ON user_activity_days (workspace_id, first_at, gap_before) WHERE gap_before >= 86400000;

-- A user's account over time, for "the account at t" with a past asOf.
CREATE TABLE user_account_history (
  workspace_id INTEGER NOT NULL,
  user_id      TEXT    NOT NULL,
  at           INTEGER NOT NULL,
  account_id   TEXT    NOT NULL,
  PRIMARY KEY (workspace_id, user_id, at)
) WITHOUT ROWID;

-- Every account trait as set over time: mrr(a, t) for NDR, segments judged at asOf or at `from`.
CREATE TABLE account_trait_history (
  workspace_id INTEGER NOT NULL,
  account_id   TEXT    NOT NULL,
  key          TEXT    NOT NULL,
  set_at       INTEGER NOT NULL,
  value        TEXT    NOT NULL,
  PRIMARY KEY (workspace_id, account_id, key, set_at)
) WITHOUT ROWID;
CREATE INDEX account_trait_history_key ON account_trait_history (workspace_id, key, account_id, set_at);

-- `Onward Survey Responded` with an integer score 0–10, one row per message.
CREATE TABLE survey_responses (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  user_id      TEXT    NOT NULL,
  flow_id      TEXT,
  at           INTEGER NOT NULL,
  score        INTEGER NOT NULL,
  comment      TEXT
);
CREATE INDEX survey_responses_at ON survey_responses (workspace_id, at);

-- The SDK's `Onward …` flow events, narrowed to what flow reports count.
CREATE TABLE flow_events (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  flow_id      TEXT    NOT NULL,
  kind         TEXT    NOT NULL,
  step_id      TEXT,
  step_index   INTEGER,
  user_id      TEXT    NOT NULL,
  at           INTEGER NOT NULL,
  url          TEXT,
  selector     TEXT
);
CREATE INDEX flow_events_flow ON flow_events (workspace_id, flow_id, at);

-- Fill the new rollups from the events already stored (a no-op on a fresh database).
INSERT INTO user_activity_days (workspace_id, user_id, day, first_at, last_at)
SELECT workspace_id, user_id, timestamp / 86400000, min(timestamp), max(timestamp)
FROM events WHERE type IN ('track', 'page') AND user_id IS NOT NULL GROUP BY 1, 2, 3;
UPDATE user_activity_days SET gap_before = first_at - (
  SELECT p.last_at FROM user_activity_days p
  WHERE p.workspace_id = user_activity_days.workspace_id AND p.user_id = user_activity_days.user_id
    AND p.day < user_activity_days.day
  ORDER BY p.day DESC LIMIT 1);
INSERT INTO user_account_history (workspace_id, user_id, at, account_id)
SELECT workspace_id, coalesce(user_id, anonymous_id), timestamp, max(group_id)
FROM events WHERE type = 'group' GROUP BY 1, 2, 3;

-- Rebuilds of the derived user columns (start, value, activation, retention) after a settings change
-- or this upgrade, done in chunks by whichever server holds the lease; a new request restarts it.
CREATE TABLE user_rebuilds (
  workspace_id INTEGER PRIMARY KEY,
  requested_at INTEGER NOT NULL,
  reason       TEXT    NOT NULL,
  cursor       TEXT    NOT NULL DEFAULT '',
  done         INTEGER NOT NULL DEFAULT 0,
  total        INTEGER NOT NULL,
  finished_at  INTEGER,
  lease_owner  TEXT,
  lease_until  INTEGER
);
INSERT INTO user_rebuilds (workspace_id, requested_at, reason, total)
SELECT workspace_id, 0, 'upgrade', count(*) FROM users GROUP BY workspace_id;

-- Every track event name seen, for pickers (value event, activation, goals) without a scan.
CREATE TABLE event_names (
  workspace_id INTEGER NOT NULL,
  event        TEXT    NOT NULL,
  count        INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, event)
) WITHOUT ROWID;
INSERT INTO event_names (workspace_id, event, count, first_at, last_at)
SELECT workspace_id, event, count(*), min(timestamp), max(timestamp) FROM events
WHERE type = 'track' AND event IS NOT NULL GROUP BY 1, 2;

-- Every account's scores at one moment, refreshed by a background job: scoring 50k accounts reads
-- every user once (seconds at a million users), so listings read the latest snapshot instead.
CREATE TABLE account_score_snapshots (
  workspace_id INTEGER PRIMARY KEY,
  computed_at  INTEGER NOT NULL,
  settings_key TEXT    NOT NULL,
  duration_ms  INTEGER NOT NULL,
  document     TEXT    NOT NULL
);

-- How many users are on each version of a flow (the dashboard's version history).
CREATE INDEX flow_progress_version ON flow_progress (workspace_id, flow_id, version);
