-- A segment's cohort is read account by account, each account's users by start, from the index
-- alone (metrics/scope.ts cohortSql): testing the account of every cohort user cost more than the
-- rest of a cohort query at a million users. Its columns move as those of users_start do.
CREATE INDEX users_account_start ON users (workspace_id, account_id, start_at, created_set_at, value_at, activated,
  retained_weeks, account_at) WHERE is_anonymous = 0 AND account_id IS NOT NULL;
