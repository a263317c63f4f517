-- Time-to-value reads start, value and when createdAt was set for each cohort user, nothing else.
-- users_start carries five more columns for activation and retention, so its entries are twice the
-- size: a cold first TTV call at a million users read ~42 MB of it from disk, this one ~25 MB.
-- Its columns move only when a start, a first value or a createdAt does.
CREATE INDEX users_ttv ON users (workspace_id, start_at, value_at, created_set_at) WHERE is_anonymous = 0;
