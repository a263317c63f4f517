-- Outgoing webhooks, their delivery queue, and the state of the background jobs that feed it.
-- Every table here is safe with several servers on one database: uniqueness and leases live in SQL.

-- Webhook endpoints, per workspace. `events` is a JSON array of event types; `secret` is the
-- Standard Webhooks signing secret (whsec_…), shown read-only through the admin API.
CREATE TABLE webhooks (
  id                TEXT    PRIMARY KEY,
  workspace_id      INTEGER NOT NULL,
  url               TEXT    NOT NULL,
  events            TEXT    NOT NULL,
  active            INTEGER NOT NULL DEFAULT 1,
  description       TEXT    NOT NULL DEFAULT '',
  deep_link_url     TEXT,
  deep_link_flow_id TEXT,
  secret            TEXT    NOT NULL,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL
);
CREATE INDEX webhooks_workspace ON webhooks (workspace_id, created_at);

-- One row per (webhook, event): the UNIQUE makes enqueueing an event twice a no-op, so two servers
-- sweeping at once enqueue it once. `payload` is the exact body, so every retry is byte-identical;
-- `message_id` is the webhook-id header, the same on every retry. A claim sets lease_owner and
-- lease_until; a lease past lease_until belongs to nobody (its process died) and is claimed again.
CREATE TABLE webhook_deliveries (
  id              INTEGER PRIMARY KEY,
  workspace_id    INTEGER NOT NULL,
  webhook_id      TEXT    NOT NULL,
  event_key       TEXT    NOT NULL,
  message_id      TEXT    NOT NULL,
  type            TEXT    NOT NULL,
  payload         TEXT    NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'pending',
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  lease_owner     TEXT,
  lease_until     INTEGER,
  last_status     INTEGER,
  last_error      TEXT,
  created_at      INTEGER NOT NULL,
  delivered_at    INTEGER,
  UNIQUE (webhook_id, event_key)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, id);

-- Periodic jobs: a row per job name. Whoever holds an unexpired lease runs it; after a run the
-- lease is kept until the next run is due, so a job runs once per interval across all servers.
CREATE TABLE job_leases (
  name       TEXT    PRIMARY KEY,
  owner      TEXT    NOT NULL,
  expires_at INTEGER NOT NULL
);

-- Per-workspace positions of the dormancy sweep: `swept_at` (time watermark, ms) and
-- `survey_id` (last survey_responses.id turned into events). Each event is produced once.
CREATE TABLE sweep_cursors (
  workspace_id INTEGER NOT NULL,
  name         TEXT    NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, name)
) WITHOUT ROWID;

-- The baseline each account's scores are compared with: expansion as last seen, health as the
-- level last reported or reached since, so a slow decline still adds up to a health_dropped event.
CREATE TABLE account_snapshots (
  workspace_id INTEGER NOT NULL,
  account_id   TEXT    NOT NULL,
  health       REAL    NOT NULL,
  expansion    INTEGER NOT NULL,
  at           INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, account_id)
) WITHOUT ROWID;
