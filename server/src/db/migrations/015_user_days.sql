-- Activity days move into the b-tree of the track events per user and day: each is the row of
-- event '' (no track event has an empty name) beside that user's event rows, so a commit that
-- touches a user's day writes one leaf page where it wrote one in each of two b-trees. Every
-- rollup is keyed by user, and at a million users those pages are most of what ingest writes.
-- Readers keep their two tables as views; the writers (rollups/statements.ts, analytics.ts) and
-- the trigger below name user_days. An activity row's count is 0: nothing counts activity messages.
ALTER TABLE user_event_days RENAME TO user_days;
ALTER TABLE user_days ADD COLUMN gap_before INTEGER;
ALTER TABLE user_days ADD COLUMN user_key INTEGER;
INSERT INTO user_days (workspace_id, user_id, event, day, count, first_at, last_at, gap_before, user_key)
SELECT workspace_id, user_id, '', day, 0, first_at, last_at, gap_before, user_key FROM user_activity_days;
DROP TRIGGER user_last_return;
DROP TABLE user_activity_days;

CREATE VIEW user_event_days AS
SELECT workspace_id, user_id, event, day, count, first_at, last_at FROM user_days WHERE event != '';
CREATE VIEW user_activity_days AS
SELECT workspace_id, user_id, day, first_at, last_at, gap_before, user_key FROM user_days WHERE event = '';

-- Only activity rows have a gap, so the index holds the same entries as before.
CREATE INDEX user_returns ON user_days (workspace_id, first_at, gap_before, user_key) WHERE gap_before >= 86400000;

-- As in migration 010, on the activity rows.
CREATE TRIGGER user_last_return AFTER UPDATE OF gap_before ON user_days
WHEN new.event = '' AND max(coalesce(new.gap_before, 0), coalesce(old.gap_before, 0)) >= 86400000 * max(1, coalesce(
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
