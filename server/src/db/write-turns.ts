// Turns at an embedded file's write lock for the threads of one process. Under load the ingest
// commit thread commits back to back, and SQLite's busy handler, which retries a waiting writer
// now and then, seldom lands in the moment between two commits: a one-row write waited up to
// 2.2 s, the account-scores job's write sometimes gave up after the 5 s busy timeout, and the
// embedded libSQL waits on the calling thread, which for most writes is the HTTP thread. Here a
// writer says it is waiting; the commit thread starts no transaction while one is, and the writer
// waits, without blocking its thread, only for the commit under way.
import type { Client, InStatement } from '@libsql/client';
import { BUSY_TIMEOUT_MS } from './client';

/** Writers other than the commit thread waiting for or holding the lock. */
const WAITING = 0;
/** 1 while the commit thread is inside a transaction. */
const COMMITTING = 1;

/**
 * How long the commit thread lets writers go first before committing anyway: the busy timeout
 * then settles who writes. A write of a 30 MB snapshot takes ~0.3 s.
 */
export const MAX_YIELD_MS = 2_000;

export type WriteTurns = {
  /** Shared with the worker threads (workerData), which call writeTurnsOf on it. */
  buffer: SharedArrayBuffer;
  /** For a writer other than the commit thread: runs `write` when no commit is under way. */
  turn: <T>(write: () => Promise<T>) => Promise<T>;
  /** For the commit thread, before BEGIN: waits while writers wait (at most MAX_YIELD_MS), then marks a commit under way. */
  beginCommit: () => void;
  /** For the commit thread, after COMMIT or ROLLBACK. */
  endCommit: () => void;
};

export function writeTurnsOf(
  buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT),
  maxYieldMs = MAX_YIELD_MS,
): WriteTurns {
  const cells = new Int32Array(buffer);

  function endCommit(): void {
    Atomics.store(cells, COMMITTING, 0);
    Atomics.notify(cells, COMMITTING);
  }

  return {
    buffer,
    async turn(write) {
      // Said before looking, as the commit thread marks before looking: one of the two sees the other.
      Atomics.add(cells, WAITING, 1);
      try {
        // Bounded, should the commit thread die inside a transaction: the busy timeout then decides.
        const deadline = Date.now() + BUSY_TIMEOUT_MS;
        while (Atomics.load(cells, COMMITTING) === 1 && Date.now() < deadline) {
          const wait = Atomics.waitAsync(cells, COMMITTING, 1, deadline - Date.now());
          if (wait.async) await wait.value;
        }
        return await write();
      } finally {
        Atomics.sub(cells, WAITING, 1);
        Atomics.notify(cells, WAITING);
      }
    },
    beginCommit() {
      const deadline = Date.now() + maxYieldMs;
      for (;;) {
        Atomics.store(cells, COMMITTING, 1);
        const waiting = Atomics.load(cells, WAITING);
        const left = deadline - Date.now();
        if (waiting === 0 || left <= 0) return;
        endCommit();
        Atomics.wait(cells, WAITING, waiting, left);
      }
    },
    endCommit,
  };
}

const WRITE = /^\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b|^\s*WITH\b[\s\S]*\b(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;
const sqlOf = (stmt: InStatement | [string, unknown?]) => (typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql);

/**
 * The client with its writes taking turns: execute() and batch() of writing statements. Replaced
 * in place, as pruningNamedArgs does; reads go straight on. Interactive transactions (migrations,
 * before the commit thread starts, and accepting an invitation) are left to the busy timeout.
 */
export function takingTurns(client: Client, turns: WriteTurns): Client {
  const execute = client.execute.bind(client) as (...args: unknown[]) => ReturnType<Client['execute']>;
  const batch = client.batch.bind(client);
  client.execute = ((...args: unknown[]) =>
    WRITE.test(sqlOf(args[0] as InStatement)) ? turns.turn(() => execute(...args)) : execute(...args)) as Client['execute'];
  client.batch = (stmts, mode) => (mode === 'read' || !stmts.some((s) => WRITE.test(sqlOf(s))) ? batch(stmts, mode) : turns.turn(() => batch(stmts, mode)));
  return client;
}
