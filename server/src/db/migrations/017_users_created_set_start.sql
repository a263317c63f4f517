-- A cohort at a past asOf reads apart the users whose createdAt arrived after asOf, as their start
-- at asOf is not the stored one (metrics/scope.ts). Thirty days back at a million users, that is
-- 300k users, nearly all of whom joined after asOf and have no start then, and reading each row
-- to find out took ~350 ms. With what their start at asOf depends on in the index, those users are
-- left out before any row is read (rollups/at.ts STARTED_ELSEWHERE).
DROP INDEX users_created_set;
CREATE INDEX users_created_set ON users (workspace_id, created_set_at, is_anonymous, created_first_set_at, first_activity_at)
  WHERE created_set_at IS NOT NULL;
