-- Each user's latest return (METRICS.md "Return", under the workspace's dormancy threshold). With
-- it, dormancy counts the users reactivated in a window from an index of users (and, for a
-- segment, from the index of each account's users it already reads) instead of counting the
-- distinct users of half a million return days (metrics/dormancy.ts).
ALTER TABLE users ADD COLUMN last_return_at INTEGER;
CREATE INDEX users_last_return ON users (workspace_id, last_return_at) WHERE is_anonymous = 0 AND last_return_at IS NOT NULL;
DROP INDEX users_account;
CREATE INDEX users_account ON users (workspace_id, account_id, last_activity_at, account_at, is_anonymous, key, last_return_at)
  WHERE account_id IS NOT NULL;

-- A day's gap to the previous activity is (re)computed by the activity-days rollup, for the days a
-- batch began and the days after those it extended, in any arrival order. Whenever such a day is
-- or was a return, the user's latest return is looked up again: a day sliding in between can also
-- take a later day's return away. The threshold is the workspace's setting (14 days without one);
-- rollups/sql.ts lastReturnSql says the same for the rebuild after a change of the setting.
CREATE TRIGGER user_last_return AFTER UPDATE OF gap_before ON user_activity_days
WHEN max(coalesce(new.gap_before, 0), coalesce(old.gap_before, 0)) >= 86400000 * max(1, coalesce(
  (SELECT json_extract(s.document, '$.dormantAfterDays') FROM settings s WHERE s.workspace_id = new.workspace_id), 14))
BEGIN
  UPDATE users SET last_return_at = (
    SELECT d.first_at FROM user_activity_days d
    WHERE d.workspace_id = new.workspace_id AND d.user_id = new.user_id AND d.gap_before >= 86400000
      AND d.gap_before >= 86400000 * coalesce(
        (SELECT json_extract(s.document, '$.dormantAfterDays') FROM settings s WHERE s.workspace_id = new.workspace_id), 14)
    ORDER BY d.day DESC LIMIT 1)
  WHERE workspace_id = new.workspace_id AND id = new.user_id;
END;

-- Users stored before this migration get theirs from a background rebuild (rollups/rebuild.ts);
-- until it ends, dormancy counts reactivated users from the return days.
INSERT INTO user_rebuilds (workspace_id, requested_at, reason, total)
SELECT workspace_id, 0, 'upgrade: latest return of each user', count(*) FROM users WHERE true GROUP BY workspace_id
ON CONFLICT (workspace_id) DO UPDATE SET requested_at = excluded.requested_at, reason = excluded.reason,
  cursor = '', done = 0, total = excluded.total, finished_at = NULL, lease_owner = NULL, lease_until = NULL;
