-- Flow definitions: the editable draft, and an immutable row per published version.
CREATE TABLE flows (
  workspace_id      INTEGER NOT NULL,
  id                TEXT    NOT NULL,
  definition        TEXT    NOT NULL,
  published_version INTEGER,
  deleted_at        INTEGER,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;

CREATE TABLE flow_versions (
  workspace_id INTEGER NOT NULL,
  flow_id      TEXT    NOT NULL,
  version      INTEGER NOT NULL,
  definition   TEXT    NOT NULL,
  published_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, flow_id, version)
) WITHOUT ROWID;

-- Per-user progress in each flow, from the SDK's `Onward …` events: the latest event by timestamp
-- sets status and step; first times are kept for audience rules and frequency.
CREATE TABLE flow_progress (
  workspace_id   INTEGER NOT NULL,
  user_id        TEXT    NOT NULL,
  flow_id        TEXT    NOT NULL,
  version        INTEGER NOT NULL,
  status         TEXT    NOT NULL,
  step_index     INTEGER NOT NULL,
  at             INTEGER NOT NULL,
  first_seen_at  INTEGER,
  last_seen_at   INTEGER,
  completed_at   INTEGER,
  dismissed_at   INTEGER,
  held_out_at    INTEGER,
  PRIMARY KEY (workspace_id, user_id, flow_id)
) WITHOUT ROWID;

-- Track events per user and UTC day, for audience rules such as "did X at least 3 times in 7 days".
CREATE TABLE user_event_days (
  workspace_id INTEGER NOT NULL,
  user_id      TEXT    NOT NULL,
  event        TEXT    NOT NULL,
  day          INTEGER NOT NULL,
  count        INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id, event, day)
) WITHOUT ROWID;

-- Workspace settings as one JSON document, validated by contracts/settings.ts.
CREATE TABLE settings (
  workspace_id INTEGER PRIMARY KEY,
  document     TEXT    NOT NULL,
  updated_at   INTEGER NOT NULL
);

-- Per-workspace secret for identity verification (HMAC-SHA256 of the userId).
ALTER TABLE workspaces ADD COLUMN identity_secret TEXT;
