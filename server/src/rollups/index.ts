// Rollups: per-user and per-account rows kept in step with events inside the ingest transaction.
export { MARK_CURSOR, ROLLUP_STATEMENTS } from './statements';
