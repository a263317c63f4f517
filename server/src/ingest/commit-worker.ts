// Worker-thread entry: the embedded libSQL runs its writes on the calling thread, so the writes
// live here and the HTTP thread keeps parsing and validating the next requests meanwhile.
import { parentPort, workerData } from 'node:worker_threads';
import { filePath } from '../db';
import { createNativeCommit } from './native-commit';
import type { WorkspaceRow } from './store';

export type CommitRequest = { id: number; groups: WorkspaceRow[][] };
export type CommitReply = { id: number; stored: number[] } | { id: number; error: string };

const { databaseUrl } = workerData as { databaseUrl: string };
// The server opened (and migrated) the file already; this thread only writes to it.
const commit = createNativeCommit(filePath(databaseUrl));

parentPort?.on('message', async ({ id, groups }: CommitRequest) => {
  try {
    parentPort?.postMessage({ id, stored: await commit(groups) } satisfies CommitReply);
  } catch (error) {
    parentPort?.postMessage({ id, error: (error as Error).message } satisfies CommitReply);
  }
});
