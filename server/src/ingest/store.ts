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

/** A value of one events column. */
export type ColumnValue = string | number | null;

/**
 * One write's rows as a single flat list of values, COLUMNS.length a row in COLUMNS order. Posted
 * to the commit worker, it costs half what row objects do (structured clone rebuilds an object key
 * by key), and it is bound to the insert as it is.
 */
export type RowBlock = { count: number; values: ColumnValue[] };

export function rowBlock(workspaceId: number, rows: readonly EventRow[]): RowBlock {
  const values: ColumnValue[] = [];
  for (const r of rows) {
    values.push(
      workspaceId, r.messageId, r.type, r.event, r.userId, r.anonymousId, r.groupId, r.previousId,
      r.timestamp, r.receivedAt, r.sentAt, r.properties, r.traits, r.context,
    );
  }
  return { count: rows.length, values };
}

function insertEvents(count: number, values: ColumnValue[]): InStatement {
  return {
    sql: `INSERT INTO events (${COLUMNS.join(', ')}) VALUES ${Array.from({ length: count }, () => ROW_PLACEHOLDERS).join(', ')}
      ON CONFLICT (workspace_id, message_id) DO NOTHING`,
    args: values,
  };
}

/**
 * The statements that store each group's rows and update every rollup, to run as one write batch,
 * and for each insert statement the group it belongs to. A group's rows get their own inserts, so
 * their rowsAffected count what was new: no RETURNING rows to read back.
 */
export function ingestStatements(groups: readonly RowBlock[]): { statements: InStatement[]; groupOf: number[] } {
  const statements: InStatement[] = [MARK_CURSOR];
  const groupOf: number[] = [-1];
  groups.forEach(({ count, values }, group) => {
    if (count <= ROWS_PER_INSERT) {
      statements.push(insertEvents(count, values));
      groupOf.push(group);
      return;
    }
    for (let i = 0; i < count; i += ROWS_PER_INSERT) {
      const rows = Math.min(ROWS_PER_INSERT, count - i);
      statements.push(insertEvents(rows, values.slice(i * COLUMNS.length, (i + rows) * COLUMNS.length)));
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
