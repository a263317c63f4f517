// The HTTP thread's side of score-worker.ts, for an embedded database file.
import { createWorkerCalls } from '../workers/calls';
import type { ScoreAll, ScoredAccount } from './score';
import type { ScoreRequest } from './score-worker';

export function createWorkerScorer(workerFile: string, databaseUrl: string): { scoreAll: ScoreAll; close: () => Promise<void> } {
  const calls = createWorkerCalls<ScoreRequest, ScoredAccount[]>(workerFile, { databaseUrl });
  return { scoreAll: (workspaceId, settings, asOf) => calls.call({ workspaceId, settings, asOf }), close: calls.close };
}
