-- The users whose stored start is not their start: new users, and those whose start a late
-- createdAt or an earlier event arriving late moved. Ingest rebuilds their start and its columns
-- (rollups/analytics.ts startMoved) in the same transaction, so between two transactions this
-- index is empty; the rollup reads it instead of looking up the user of every new event.
CREATE INDEX users_start_moved ON users (workspace_id, id) WHERE start_at IS NOT coalesce(created_at, first_activity_at);
