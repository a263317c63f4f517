// The HTTP thread's side of score-worker.ts, for an embedded database file.
import { createWorkerCalls } from '../workers/calls';
import type { ListedAccount, ScoreAll } from './score';
import type { ScoreReply, ScoreRequest } from './score-worker';
import type { ScoreAndStore } from './snapshot';

type Stored = Awaited<ReturnType<ScoreAndStore>>;

/** `writeTurns` is the buffer of the process's WriteTurns (db/write-turns.ts): the snapshot write takes its turn. */
export function createWorkerScorer(
  workerFile: string,
  databaseUrl: string,
  writeTurns: SharedArrayBuffer,
): { scoreAll: ScoreAll; scoreAndStore: ScoreAndStore; close: () => Promise<void> } {
  const calls = createWorkerCalls<ScoreRequest, ScoreReply>(workerFile, { databaseUrl, writeTurns });
  return {
    scoreAll: (workspaceId, settings, asOf) => calls.call({ kind: 'score', workspaceId, settings, asOf }) as Promise<ListedAccount[]>,
    scoreAndStore: (workspaceId, settings, computedAt) => calls.call({ kind: 'snapshot', workspaceId, settings, computedAt }) as Promise<Stored>,
    close: calls.close,
  };
}
