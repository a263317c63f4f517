// Worker-thread entry of a read-ahead thread (read-ahead.ts): reads, then says it is free again.
import { parentPort, workerData } from 'node:worker_threads';
import { createReader, type ReadAheadStatement } from './read-ahead';

const port = parentPort!;
const read = createReader((workerData as { path: string }).path);
port.on('message', (statement: ReadAheadStatement) => {
  try {
    read(statement);
  } catch {
    // Only warming the cache: the query that asked reads for itself either way.
  }
  port.postMessage(null);
});
