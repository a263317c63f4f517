// Worker-thread entry: scores every account of a workspace on its own connection. At a million
// users that takes seconds of SQL and JS, which on the HTTP thread held up every other request.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Settings } from '../contracts/settings';
import { openDatabase } from '../db';
import { answerCalls } from '../workers/calls';
import { scoreAllIn } from './score';

export type ScoreRequest = { workspaceId: number; settings: Settings; asOf: number };

const { databaseUrl } = workerData as { databaseUrl: string };
const port = parentPort as MessagePort;
// The server opened and migrated the file before starting this thread.
const scoreAll = scoreAllIn(await openDatabase(databaseUrl));
port.on('message', answerCalls(port, ({ workspaceId, settings, asOf }: ScoreRequest) => scoreAll(workspaceId, settings, asOf)));
