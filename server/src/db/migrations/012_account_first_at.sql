-- When each user first had an account. A segment at a past asOf looks up the account history of
-- the users whose account was set after asOf; most of those had none by then (they joined later),
-- and the index on account_at now tells them apart without a lookup (metrics/scope.ts).
ALTER TABLE users ADD COLUMN account_first_at INTEGER;
UPDATE users SET account_first_at = (
  SELECT min(h.at) FROM user_account_history h WHERE h.workspace_id = users.workspace_id AND h.user_id = users.id)
WHERE account_id IS NOT NULL;
DROP INDEX users_account_at;
CREATE INDEX users_account_at ON users (workspace_id, account_at, account_first_at, is_anonymous) WHERE account_at IS NOT NULL;
