// Worker-thread entry started by the commit worker: copies committed WAL pages back into the
// database file (a checkpoint) from its own thread. Done by the writer, as SQLite does by default,
// it took a quarter of every commit; here it runs beside the commits and never blocks them.
import Database from 'libsql';
import { workerData } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS } from '../db/client';

/** Often enough that the commit thread's own (bounded) checkpoint finds the pages already copied. */
export const CHECKPOINT_EVERY_MS = 100;

const { path } = workerData as { path: string };
const db = new Database(path);
db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);

setInterval(() => {
  try {
    // PASSIVE: copies what no reader still needs, and never waits for the writer.
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch {
    // A busy or failed pass is retried by the next one; the writer's own checkpoint bounds the WAL.
  }
}, CHECKPOINT_EVERY_MS);
