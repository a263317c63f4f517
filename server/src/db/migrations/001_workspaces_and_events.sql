-- Workspaces and their keys; the first one is created at first start.
CREATE TABLE workspaces (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL,
  write_key   TEXT    NOT NULL UNIQUE,
  secret_key  TEXT    NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL
);

-- Every accepted message, append-only. The integer key follows arrival, so inserts append to the
-- table's B-tree; only the (workspace_id, message_id) index takes random writes.
CREATE TABLE events (
  id            INTEGER PRIMARY KEY,
  workspace_id  INTEGER NOT NULL,
  message_id    TEXT    NOT NULL,
  type          TEXT    NOT NULL,
  event         TEXT,
  user_id       TEXT,
  anonymous_id  TEXT,
  group_id      TEXT,
  previous_id   TEXT,
  timestamp     INTEGER NOT NULL,
  received_at   INTEGER NOT NULL,
  sent_at       INTEGER,
  properties    TEXT,
  traits        TEXT,
  context       TEXT
);
CREATE UNIQUE INDEX events_message_id ON events (workspace_id, message_id);

-- The last event id before the current ingest transaction: rollup statements read only the events
-- that transaction inserted (id > last_event_id), so a duplicate never counts twice.
CREATE TABLE ingest_cursor (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  last_event_id INTEGER NOT NULL
);
INSERT INTO ingest_cursor (id, last_event_id) VALUES (1, 0);

-- Rollups kept at ingest, in the same transaction as the events they summarise.
-- Keyed by userId, or by anonymousId for users never identified.
CREATE TABLE users (
  workspace_id      INTEGER NOT NULL,
  id                TEXT    NOT NULL,
  is_anonymous      INTEGER NOT NULL,
  first_message_at  INTEGER NOT NULL,
  first_activity_at INTEGER,
  last_activity_at  INTEGER,
  account_id        TEXT,
  account_at        INTEGER,
  PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;

-- One row a trait: the value of the latest message by timestamp wins, whatever the arrival order.
CREATE TABLE user_traits (
  workspace_id INTEGER NOT NULL,
  user_id      TEXT    NOT NULL,
  key          TEXT    NOT NULL,
  value        TEXT    NOT NULL,
  set_at       INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id, key)
) WITHOUT ROWID;

CREATE TABLE accounts (
  workspace_id     INTEGER NOT NULL,
  id               TEXT    NOT NULL,
  first_message_at INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, id)
) WITHOUT ROWID;

CREATE TABLE account_traits (
  workspace_id INTEGER NOT NULL,
  account_id   TEXT    NOT NULL,
  key          TEXT    NOT NULL,
  value        TEXT    NOT NULL,
  set_at       INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, account_id, key)
) WITHOUT ROWID;

-- Anonymous ids seen together with a userId (identify after browsing, alias).
CREATE TABLE identities (
  workspace_id INTEGER NOT NULL,
  anonymous_id TEXT    NOT NULL,
  user_id      TEXT    NOT NULL,
  linked_at    INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, anonymous_id, user_id)
) WITHOUT ROWID;
