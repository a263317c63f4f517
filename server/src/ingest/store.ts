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
      ON CONFLICT (workspace_id, message_id) DO NOTHING`,
    args,
  };
}

/**
 * The statements that store each group's rows and update every rollup, to run as one write batch,
 * and for each insert statement the group it belongs to. A group's rows get their own inserts, so
 * their rowsAffected count what was new: no RETURNING rows to read back.
 */
export function ingestStatements(groups: readonly (readonly WorkspaceRow[])[]): { statements: InStatement[]; groupOf: number[] } {
  const statements: InStatement[] = [MARK_CURSOR];
  const groupOf: number[] = [-1];
  groups.forEach((rows, group) => {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      statements.push(insertEvents(rows.slice(i, i + ROWS_PER_INSERT)));
      groupOf.push(group);
    }
  });
  return { statements: [...statements, ...ROLLUP_STATEMENTS], groupOf };
}

/** How many rows of each group were stored (the rest were duplicates). */
export function storedCounts(results: readonly Pick<ResultSet, 'rowsAffected'>[], groupOf: readonly number[], groups: number): number[] {
  const counts = new Array<number>(groups).fill(0);
  groupOf.forEach((group, i) => {
    if (group >= 0) counts[group]! += results[i]?.rowsAffected ?? 0;
  });
  return counts;
}
