// Worker-thread entry: the embedded libSQL runs its writes on the calling thread, so the writes
// live here and the HTTP thread keeps parsing and validating the next requests meanwhile. The
// group-commit writer runs here too: each commit takes every write that arrived while the previous
// one ran, with no round trip to the HTTP thread between commits.
import { MessageChannel, parentPort, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { filePath, writeTurnsOf } from '../db';
import { answerCalls, type CallMessage } from '../workers/calls';
import { createNativeCommit } from './native-commit';
import type { RowBlock } from './store';
import { createIngestWriter } from './writer';

const { databaseUrl, writeTurns } = workerData as { databaseUrl: string; writeTurns: SharedArrayBuffer };
const port = parentPort as MessagePort;

const path = filePath(databaseUrl);
// Ends with this thread. Read between commits, as the commits keep this thread's event loop busy.
const { port1: caughtUp, port2 } = new MessageChannel();
new Worker(new URL('./checkpoint-worker.js', import.meta.url), { workerData: { path, caughtUp: port2 }, transferList: [port2] });
const restartDue = () => {
  let due = false;
  while (receiveMessageOnPort(caughtUp) !== undefined) due = true;
  return due;
};

// The server opened (and migrated) the file already; this thread only writes to it.
const writer = createIngestWriter({
  commit: createNativeCommit(path, restartDue, writeTurnsOf(writeTurns)),
  gather() {
    for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) accept(m.message as CallMessage<RowBlock>);
  },
});

const accept = answerCalls(port, writer.write);
port.on('message', accept);
