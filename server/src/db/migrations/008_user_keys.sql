-- Every user gets an integer key, carried by their activity days, so that dormancy counts the
-- distinct users of half a million return days on integers: count(DISTINCT) over the text ids
-- cost three times as much at a million users (it builds a b-tree of the values it has seen).
-- A user stored from now on is keyed by the id of their first stored message (the rollups give it),
-- unique because events are never deleted; the users stored before this migration take negative
-- keys, which no message id can reach.
ALTER TABLE users ADD COLUMN key INTEGER;
UPDATE users SET key = -k.n
FROM (SELECT workspace_id AS w, id, row_number() OVER (ORDER BY workspace_id, id) AS n FROM users) k
WHERE users.workspace_id = k.w AND users.id = k.id;

ALTER TABLE user_activity_days ADD COLUMN user_key INTEGER;
UPDATE user_activity_days SET user_key = (
  SELECT u.key FROM users u WHERE u.workspace_id = user_activity_days.workspace_id AND u.id = user_activity_days.user_id);

-- The return days of a window carry their users' keys; the users of a segment's accounts too.
DROP INDEX user_returns;
CREATE INDEX user_returns ON user_activity_days (workspace_id, first_at, gap_before, user_key) WHERE gap_before >= 86400000;
DROP INDEX users_account;
CREATE INDEX users_account ON users (workspace_id, account_id, last_activity_at, account_at, is_anonymous, key)
  WHERE account_id IS NOT NULL;
