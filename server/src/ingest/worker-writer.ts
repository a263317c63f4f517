// The HTTP thread's side of commit-worker.ts: hand each write to the worker, await its outcome.
import { createWorkerCalls } from '../workers/calls';
import type { RowBlock } from './store';
import type { IngestWriter, WriteOutcome } from './writer';

/** `writeTurns` is the buffer of the process's WriteTurns (db/write-turns.ts). */
export function createWorkerWriter(workerFile: string, databaseUrl: string, writeTurns: SharedArrayBuffer): IngestWriter & { close: () => Promise<void> } {
  const calls = createWorkerCalls<RowBlock, WriteOutcome>(workerFile, { databaseUrl, writeTurns });
  return {
    write: (block) => (block.count === 0 ? Promise.resolve({ accepted: 0, duplicates: 0 }) : calls.call(block)),
    flush: calls.idle,
    close: calls.close,
  };
}
