-- Dormancy within a segment counts the users of the segment's accounts, one account at a time and
-- from the index alone: each user's account, when it was set and their last activity. The entry of
-- a user with an account is rewritten as their last activity moves; users without one are not in it.
DROP INDEX users_account;
CREATE INDEX users_account ON users (workspace_id, account_id, last_activity_at, account_at, is_anonymous)
  WHERE account_id IS NOT NULL;
-- The few users whose account changed after a past asOf, whose account at asOf is in the history.
CREATE INDEX users_account_at ON users (workspace_id, account_at) WHERE account_at IS NOT NULL;
