-- Dashboard sign-in: members of a workspace, their sessions, invitations, and failed sign-ins.
-- Secrets given to a browser (session and invitation tokens) are stored only as SHA-256 hex.

-- `email` is stored trimmed and lower-cased, so UNIQUE is case-insensitive. `password_hash` is
-- `scrypt$N$r$p$salt$hash` (team/password.ts). `generated_password` keeps the first owner's
-- generated password readable for the start banner until the owner changes it, then it is NULL.
CREATE TABLE members (
  id                 TEXT    PRIMARY KEY,
  workspace_id       INTEGER NOT NULL,
  email              TEXT    NOT NULL UNIQUE,
  name               TEXT    NOT NULL,
  role               TEXT    NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  password_hash      TEXT    NOT NULL,
  generated_password TEXT,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);
CREATE INDEX members_workspace ON members (workspace_id, created_at);

-- Sliding expiry: each use past a refresh interval moves `expires_at` forward.
CREATE TABLE sessions (
  token_hash  TEXT    PRIMARY KEY,
  member_id   TEXT    NOT NULL,
  csrf_token  TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);
CREATE INDEX sessions_member ON sessions (member_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Single use: `accepted_at` is set once, in the same transaction that creates the member.
CREATE TABLE invitations (
  id           TEXT    PRIMARY KEY,
  workspace_id INTEGER NOT NULL,
  email        TEXT    NOT NULL,
  role         TEXT    NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  token_hash   TEXT    NOT NULL UNIQUE,
  invited_by   TEXT,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  accepted_at  INTEGER
);
CREATE INDEX invitations_workspace ON invitations (workspace_id, created_at);

-- One row per failed sign-in, keyed by email and client address; counted over a window, pruned as
-- it goes. In the database, so every server behind a load balancer sees the same count.
CREATE TABLE sign_in_failures (
  key TEXT    NOT NULL,
  at  INTEGER NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at);
CREATE INDEX sign_in_failures_at ON sign_in_failures (at);
