-- Dormancy at a past asOf counts the users last active after it who had activity by then from the
-- index alone: the indexes on last activity carry the first activity too. Their entries are
-- rewritten as the last activity moves anyway, so this adds no write (metrics/dormancy.ts).
DROP INDEX users_last_activity;
CREATE INDEX users_last_activity ON users (workspace_id, last_activity_at, account_id, account_at, first_activity_at)
  WHERE is_anonymous = 0;
DROP INDEX users_account;
CREATE INDEX users_account ON users (workspace_id, account_id, last_activity_at, account_at, is_anonymous, key, last_return_at,
  first_activity_at) WHERE account_id IS NOT NULL;
