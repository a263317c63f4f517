// One commit of the group-commit writer: store rows and their rollups in one write batch and say
// which were new. Runs in-process, or in the commit worker thread for the embedded database (commit-worker.ts).
import type { Database } from '../db';
import { ingestStatements, storedCounts, type RowBlock } from './store';

/** Stores groups of rows in one transaction; resolves with how many rows of each group were new. */
export type Commit = (groups: RowBlock[]) => Promise<number[]>;

export function createLocalCommit(db: Database): Commit {
  return async (groups) => {
    const { statements, groupOf } = ingestStatements(groups);
    return storedCounts(await db.batch(statements, 'write'), groupOf, groups.length);
  };
}
