// Worker-thread entry: the embedded libSQL runs its writes on the calling thread, so the writes
// live here and the HTTP thread keeps parsing and validating the next requests meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db';
import { createLocalCommit } from './commit';
import type { WorkspaceRow } from './store';

export type CommitRequest = { id: number; rows: WorkspaceRow[] };
export type CommitReply = { id: number; keys: string[] } | { id: number; error: string };

const { databaseUrl } = workerData as { databaseUrl: string };
const commit = createLocalCommit(await openDatabase(databaseUrl));

parentPort?.on('message', async ({ id, rows }: CommitRequest) => {
  try {
    const keys = await commit(rows);
    parentPort?.postMessage({ id, keys: [...keys] } satisfies CommitReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: (error as Error).message } satisfies CommitReply);
  }
});
