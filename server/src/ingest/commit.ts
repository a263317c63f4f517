// One commit of the group-commit writer: store rows and their rollups in one write batch and say
// which were new. Runs in-process, or in a worker thread for the embedded database (commit-worker.ts).
import type { Database } from '../db';
import { ingestStatements, insertCount, insertedKeys, type WorkspaceRow } from './store';

/** Stores the rows; resolves with `workspaceId:messageId` of those not stored before. */
export type Commit = (rows: WorkspaceRow[]) => Promise<Set<string>>;

export function createLocalCommit(db: Database): Commit {
  return async (rows) => {
    const results = await db.batch(ingestStatements(rows), 'write');
    return insertedKeys(results, insertCount(rows.length));
  };
}
