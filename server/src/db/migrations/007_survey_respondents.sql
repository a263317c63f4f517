-- NPS reads a window of responses from one index, without looking up each respondent in users
-- (those lookups were nearly all of its time at a million users): whether the response came from
-- an anonymous visitor is kept on the row, and the index carries the user and the score.
ALTER TABLE survey_responses ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
UPDATE survey_responses SET anonymous = 1 WHERE EXISTS (
  SELECT 1 FROM users u WHERE u.workspace_id = survey_responses.workspace_id AND u.id = survey_responses.user_id AND u.is_anonymous = 1);
DROP INDEX survey_responses_at;
CREATE INDEX survey_responses_at ON survey_responses (workspace_id, at, anonymous, user_id, score);
