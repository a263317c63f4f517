-- Identified respondents' answers by user, then time: NPS takes each user's latest answer in the
-- window by reading this index in order, where the time index needed a sort of every answer in it
-- by user (250 -> 41 ms for 191k answers at a million users).
CREATE INDEX survey_responses_user ON survey_responses (workspace_id, user_id, at, score) WHERE anonymous = 0;
