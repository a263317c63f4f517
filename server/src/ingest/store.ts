// The SQL of one ingest transaction: mark the cursor, insert events, run the rollups.
import type { InStatement, ResultSet } from '@libsql/client';
import { MARK_CURSOR, ROLLUP_STATEMENTS } from '../rollups';
import type { EventRow } from './validate';

const COLUMNS = [
  'workspace_id', 'message_id', 'type', 'event', 'user_id', 'anonymous_id', 'group_id', 'previous_id',
  'timestamp', 'received_at', 'sent_at', 'properties', 'traits', 'context',
] as const;
// 14 parameters a row; 500 rows stay far below SQLite's 32,766-parameter limit.
const ROWS_PER_INSERT = 500;
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(', ')})`;

export type WorkspaceRow = { workspaceId: number; row: EventRow };

function insertEvents(rows: readonly WorkspaceRow[]): InStatement {
  const args = [];
  for (const { workspaceId, row: r } of rows) {
    args.push(
      workspaceId, r.messageId, r.type, r.event, r.userId, r.anonymousId, r.groupId, r.previousId,
      r.timestamp, r.receivedAt, r.sentAt, r.properties, r.traits, r.context,
    );
  }
  return {
    sql: `INSERT INTO events (${COLUMNS.join(', ')}) VALUES ${rows.map(() => ROW_PLACEHOLDERS).join(', ')}
      ON CONFLICT (workspace_id, message_id) DO NOTHING RETURNING workspace_id, message_id`,
    args,
  };
}

/** The statements that store `rows` and update every rollup; run them as one write batch. */
export function ingestStatements(rows: readonly WorkspaceRow[]): InStatement[] {
  const inserts: InStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    inserts.push(insertEvents(rows.slice(i, i + ROWS_PER_INSERT)));
  }
  return [MARK_CURSOR, ...inserts, ...ROLLUP_STATEMENTS];
}

/** `workspaceId:messageId` of every row the batch's inserts stored (duplicates are absent). */
export function insertedKeys(results: readonly ResultSet[], insertCount: number): Set<string> {
  const keys = new Set<string>();
  for (const result of results.slice(1, 1 + insertCount)) {
    for (const r of result.rows) keys.add(`${String(r.workspace_id)}:${String(r.message_id)}`);
  }
  return keys;
}

export function insertCount(rowCount: number): number {
  return Math.ceil(rowCount / ROWS_PER_INSERT);
}
