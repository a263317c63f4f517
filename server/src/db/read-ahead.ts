// Read-ahead: statements run on other threads for the pages they read, not for their answers.
// A metric's scan of a million users' index walks its pages one at a time, and where the OS has
// dropped them (the test machine drops file pages idle for about a minute) each is a disk read
// the query waits for. Threads reading the scan's later parts meanwhile keep several reads in
// flight, and the query finds those pages in the OS cache. Answers still come from one connection
// and one snapshot: a read-ahead only warms the cache, so it may read an older or newer one.
import type { Worker } from 'node:worker_threads';
import Database from 'libsql';
import { BUSY_TIMEOUT_MS } from './client';

/** A statement and its positional arguments. */
export type ReadAheadStatement = { sql: string; args: (number | string)[] };

/** `run` gives each statement to an idle one of `threads` threads, if there is one; it never waits and never fails. */
export type ReadAhead = { threads: number; run: (statements: readonly ReadAheadStatement[]) => void };

export const noReadAhead: ReadAhead = { threads: 0, run: () => {} };

/**
 * Threads of the server's read-ahead. A TTV scan of 714k users after dropping the OS cache took
 * 794 ms alone, 449 with 3 threads reading its later parts and 353 with 7 (warm: ~180-250).
 */
export const READ_AHEAD_THREADS = 6;

/**
 * A read-only connection to the file at `path`: runs a statement and says how many rows it read.
 * Its page cache stays small: what the read leaves behind is the OS's cache of the file.
 */
export function createReader(path: string): (statement: ReadAheadStatement) => number {
  const db = new Database(path);
  // libsql has no read-only open: this connection refuses writes instead.
  db.exec('PRAGMA query_only = ON');
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec('PRAGMA cache_size = -2048');
  const statements = new Map<string, { all(args: unknown[]): unknown[] }>();
  return ({ sql, args }) => {
    let statement = statements.get(sql);
    if (statement === undefined) statements.set(sql, (statement = db.prepare<unknown[]>(sql)));
    return statement.all(args).length;
  };
}

/**
 * A pool of `threads` read-ahead threads from `start` (each a worker whose entry wires a reader,
 * see read-ahead-worker.ts, and posts once per statement done). A statement that finds every
 * thread busy is dropped: a late read-ahead only costs work. A thread that fails leaves the pool,
 * and says why to `onError`; the queries go on without it.
 */
export function createReadAhead(start: () => Worker, threads: number, onError: (error: Error) => void): ReadAhead & { close: () => Promise<void> } {
  const all = new Set<Worker>();
  const idle: Worker[] = [];
  for (let i = 0; i < threads; i += 1) {
    const worker = start();
    const leave = () => {
      all.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
    };
    worker.on('message', () => idle.push(worker));
    worker.on('error', (error) => {
      leave();
      onError(error);
    });
    worker.on('exit', leave);
    // Read-ahead threads never keep the process alive.
    worker.unref();
    all.add(worker);
    idle.push(worker);
  }
  return {
    get threads() {
      return all.size;
    },
    run(statements) {
      for (const statement of statements) idle.pop()?.postMessage(statement);
    },
    async close() {
      await Promise.all([...all].map((w) => w.terminate()));
    },
  };
}
