// Worker-thread entry: scores every account of a workspace on its own connection, and stores the
// snapshot too. At a million users that is seconds of SQL and JS, and ~0.3 s to write 30 MB of
// JSON, which on the HTTP thread held up every other request.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Settings } from '../contracts/settings';
import { openDatabase, takingTurns, writeTurnsOf } from '../db';
import { answerCalls } from '../workers/calls';
import { scoreAllIn, type ListedAccount } from './score';
import { scoreAndStoreIn, type ScoreAndStore } from './snapshot';

export type ScoreRequest =
  | { kind: 'score'; workspaceId: number; settings: Settings; asOf: number }
  | { kind: 'snapshot'; workspaceId: number; settings: Settings; computedAt: number };
export type ScoreReply = ListedAccount[] | Awaited<ReturnType<ScoreAndStore>>;

const { databaseUrl, writeTurns } = workerData as { databaseUrl: string; writeTurns: SharedArrayBuffer };
const port = parentPort as MessagePort;
// The server opened and migrated the file before starting this thread.
const db = takingTurns(await openDatabase(databaseUrl), writeTurnsOf(writeTurns));
const scoreAll = scoreAllIn(db);
const scoreAndStore = scoreAndStoreIn(db);
port.on('message', answerCalls(port, async (r: ScoreRequest): Promise<ScoreReply> =>
  r.kind === 'score' ? scoreAll(r.workspaceId, r.settings, r.asOf) : scoreAndStore(r.workspaceId, r.settings, r.computedAt)));
