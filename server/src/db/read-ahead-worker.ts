// Worker-thread entry of a read-ahead thread (read-ahead.ts): reads, then says it is free again.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createReader, type ReadAheadStatement } from './read-ahead';

// The lowest CPU priority, for this thread alone (Linux): where the pages are cached already, a
// read-ahead is only work, and must not take a core from the query it runs beside.
setPriority(19);

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
